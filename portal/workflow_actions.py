"""Approving or asking for changes from the dashboard ends with a confirmation.

The dashboard's «In attesa della tua revisione» panel acts through Wagtail's workflow action
view, which redirects back to the dashboard with no message (the edit view's own approval
says what happened; this view says nothing). `ConfirmedWorkflowAction` adds the message once
the task has moved on; it goes into Wagtail's views through their public `workflow_action_view_class`:
`page_viewset` for every page type, and `ReviewedSnippetViewSet`, the base of the snippet
viewsets of what is reviewed (innovators, offers, programme phases).
"""

from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView as PageWorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail.snippets.views.snippets import WorkflowActionView as SnippetWorkflowActionView

from portal.choosers import SnippetChooserViewSet


def confirmation(title: str, task_state: TaskState) -> str | None:
    """What the reviewer is told once the task state is no longer in progress."""
    workflow_state = task_state.workflow_state
    if task_state.status == TaskState.STATUS_REJECTED:
        return _("Hai chiesto modifiche per «%(title)s»: torna a chi l'ha inviato.") % {
            "title": title
        }
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    if workflow_state.status != WorkflowState.STATUS_APPROVED:
        return _("Hai approvato «%(title)s»: passa alla fase successiva della revisione.") % {
            "title": title
        }
    if task_state.revision.approved_go_live_at:
        return _("Hai approvato «%(title)s»: la pubblicazione è programmata.") % {"title": title}
    return _("Hai approvato e pubblicato «%(title)s».") % {"title": title}


class ConfirmedWorkflowAction:
    """Wagtail's workflow action view, with a success message once the action is done (an
    invalid form, shown again in the modal, changes nothing and says nothing)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        self.task_state.workflow_state.refresh_from_db()
        self.task_state.revision.refresh_from_db()
        message = confirmation(get_latest_str(self.object), self.task_state)
        if message:
            messages.success(request, message)
        return response


class PageWorkflowAction(ConfirmedWorkflowAction, PageWorkflowActionView):
    pass


class SnippetWorkflowAction(ConfirmedWorkflowAction, SnippetWorkflowActionView):
    pass


class ReviewedSnippetViewSet(SnippetViewSet):
    """A snippet under «Revisione redazionale» (stories.editorial.REVIEWED_SNIPPETS): its
    dashboard actions confirm what was done, its chooser's language filter says «Lingua»."""

    workflow_action_view_class = SnippetWorkflowAction
    chooser_viewset_class = SnippetChooserViewSet


class PortalPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the confirmed workflow action."""

    model = Page
    name = "portal_pages"
    workflow_action_view_class = PageWorkflowAction


page_viewset = PortalPageViewSet()
