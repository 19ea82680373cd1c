"""«Attività in background» in the admin: the queue of `portal.tasks`, for moderators.

They see every task with its state and attempt, the failed ones with their error, and run a
failed or stalled task again («Riprova»). Nobody adds or edits a task by hand.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from django_tasks import TaskResultStatus

from portal.models import BackgroundTask
from portal.tasks import MAX_ATTEMPTS, run_again, stalled_after

RETRY_PERMISSION = "portal.change_backgroundtask"


class ReadOnlyPolicy(ModelPermissionPolicy):
    """View only: tasks are queued by the portal, never added, edited or deleted by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


def status_label(task: BackgroundTask) -> str:
    if task.is_stalled(timezone.now() - stalled_after()):
        return _("Bloccata")
    return {
        TaskResultStatus.READY: _("In coda"),
        TaskResultStatus.RUNNING: _("In corso"),
        TaskResultStatus.SUCCESSFUL: _("Completata"),
        TaskResultStatus.FAILED: _("Non riuscita"),
    }.get(task.status, task.status)


def attempt_label(task: BackgroundTask) -> str:
    return _("%(attempt)s di %(max)s") % {"attempt": task.attempt, "max": MAX_ATTEMPTS}


def needs_attention(task: BackgroundTask) -> bool:
    return task.status == TaskResultStatus.FAILED or task.is_stalled(
        timezone.now() - stalled_after()
    )


class BackgroundTaskIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if needs_attention(instance) and self.request.user.has_perm(RETRY_PERMISSION):
            url = reverse("backgroundtask:retry", args=[instance.pk])
            buttons.append(MenuItem(_("Riprova"), url=url, icon_name="rotate", priority=5))
        return buttons


class BackgroundTaskViewSet(ModelViewSet):
    model = BackgroundTask
    index_view_class = BackgroundTaskIndexView
    icon = "cogs"
    menu_label = gettext_lazy("Attività in background")
    menu_order = 900
    add_to_settings_menu = True
    url_prefix = "attivita"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_filter = ["status"]
    list_per_page = 50
    form_fields = []
    inspect_view_fields = ["status", "enqueued_at", "started_at", "finished_at", "traceback"]
    list_display = [
        "label",
        Column("subject", label=gettext_lazy("Oggetto")),
        Column("status", label=gettext_lazy("Stato"), accessor=status_label),
        Column("attempt", label=gettext_lazy("Tentativo"), accessor=attempt_label),
        Column("enqueued_at", label=gettext_lazy("In coda dal")),
        Column("finished_at", label=gettext_lazy("Conclusa")),
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<uuid:pk>/riprova/", retry_view, name="retry"),
        ]


def retry_view(request, pk):
    """GET: ask to confirm; POST: queue the failed or stalled task again."""
    if not request.user.has_perm(RETRY_PERMISSION):
        raise PermissionDenied
    stalled_before = timezone.now() - stalled_after()
    task = get_object_or_404(BackgroundTask.objects.needing_attention(stalled_before), pk=pk)
    if request.method == "POST":
        run_again(task)
        messages.success(request, _("«%(task)s» è di nuovo in coda.") % {"task": task.label})
        return redirect("backgroundtask:index")
    return TemplateResponse(
        request,
        "portal/admin/task_retry.html",
        {
            "task": task,
            "header_title": _("Riprova: %(task)s") % {"task": task.label},
            "retry_url": reverse("backgroundtask:retry", args=[task.pk]),
            "index_url": reverse("backgroundtask:index"),
        },
    )


register_permission_policy(BackgroundTask, ReadOnlyPolicy(BackgroundTask))
background_task_viewset = BackgroundTaskViewSet("backgroundtask")
