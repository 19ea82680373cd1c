"""The admin side of the area: the people moderators attach to an innovator, the panel that
lists them on the innovator's edit page, and the dashboard line of profile changes waiting.

People are a snippet of their own, not an inline of the innovator: attaching someone takes
effect at once, outside the innovator's revisions (an inline would wait for a publish, and
approving an older revision would detach them again). Only those who see contact e-mails
(Moderazione, `CONTACT_PERMISSION`) hold its permissions.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component
from wagtail.models import WorkflowState
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from innovators.area.accounts import USERNAME_PREFIX
from innovators.area.models import InnovatorPerson
from innovators.models import Innovator
from innovators.permissions import CONTACT_PERMISSION

DASHBOARD_ROWS = 6


class PersonCreateView(CreateView):
    """«Aggiungi una persona» from an innovator's page arrives with `?innovator=<id>`."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance()
        innovator_id = self.request.GET.get("innovator", "")
        if instance is not None and innovator_id.isdigit():
            instance.innovator = Innovator.objects.filter(pk=int(innovator_id)).first()
        return instance


class InnovatorPersonViewSet(SnippetViewSet):
    model = InnovatorPerson
    icon = "user"
    menu_label = _("Persone degli innovatori")
    add_view_class = PersonCreateView
    list_display = ["email", "name", "innovator", "created_at"]
    search_fields = ["email", "name"]
    list_filter = ["innovator"]
    ordering = ["innovator__name", "email"]
    copy_view_enabled = False
    inspect_view_enabled = False


class PeoplePanel(Panel):
    """On the innovator's «Contatti e club» tab, for moderators: who may sign in to the area
    for it (its contact e-mail and the people attached), with links to attach and detach."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "innovators/area/admin/people_panel.html"

        def is_shown(self):
            return bool(self.instance.pk) and self.request.user.has_perm(CONTACT_PERMISSION)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            viewset = InnovatorPerson.snippet_viewset
            context["people"] = [
                (person, reverse(viewset.get_url_name("delete"), args=[person.pk]))
                for person in InnovatorPerson.objects.filter(innovator=self.instance)
            ]
            context["add_url"] = (
                reverse(viewset.get_url_name("add")) + f"?innovator={self.instance.pk}"
            )
            context["innovator"] = self.instance
            return context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Chi entra nell'area degli innovatori"))
        super().__init__(*args, **kwargs)


def waiting_changes(limit: int = DASHBOARD_ROWS):
    """Profile changes sent from the area that wait for a moderator: (rows, total)."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Innovator),
        status=WorkflowState.STATUS_IN_PROGRESS,
        requested_by__username__startswith=USERNAME_PREFIX,
    ).order_by("-created_at", "-pk")
    total = states.count()
    states = list(states.select_related("requested_by")[:limit])
    innovators = Innovator.objects.in_bulk([int(state.object_id) for state in states])
    viewset = Innovator.snippet_viewset
    rows = [
        {
            "innovator": innovators[int(state.object_id)],
            "url": reverse(viewset.get_url_name("edit"), args=[state.object_id]),
            "requested_by": state.requested_by.email if state.requested_by else "",
            "since": state.created_at,
        }
        for state in states
        if int(state.object_id) in innovators
    ]
    return rows, total


class ProfileChangesPanel(Component):
    name = "innovators_profile_changes"
    order = 160
    template_name = "innovators/area/admin/dashboard_changes.html"

    def __init__(self, request):
        self.request = request

    def is_shown(self) -> bool:
        return self.request.user.has_perm("innovators.publish_innovator")

    def get_context_data(self, parent_context=None):
        rows, total = waiting_changes()
        return {"rows": rows, "total": total}


def add_dashboard_panel(request, panels) -> None:
    panel = ProfileChangesPanel(request)
    if panel.is_shown():
        panels.append(panel)
