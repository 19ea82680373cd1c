"""Wagtail's "Awaiting your review" dashboard panel, capped to the newest items.

Wagtail's own panel lists every task state a reviewer may act on, with a few queries for each;
with a long queue the dashboard slows down as it grows. This is the same panel (same template,
same approve/reject actions) over the newest `LIMIT` states: the full queue is in the
pending-review panel's count and in Wagtail's workflow report. Written against Wagtail 8.0's
`WorkflowObjectsToModeratePanel.get_context_data`; check it again on a Wagtail upgrade.
"""

from django.conf import settings

from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision, TaskState

LIMIT = 10


class CappedWorkflowObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"states": [], "request": request, "csrf_token": parent_context["csrf_token"]}
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return context
        states = (
            TaskState.objects.reviewable_by(request.user)
            .select_related("revision", "revision__user", "workflow_state", "task")
            .select_related("workflow_state__workflow")
            .prefetch_related(
                "revision__content_object", "revision__content_object__latest_revision"
            )
            .order_by("-started_at")
            .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
        )[:LIMIT]
        for state in states:
            obj = state.revision.content_object
            if not obj:
                continue
            names = {
                "workflow_action": "wagtailadmin_pages:workflow_action",
                "workflow_preview": "wagtailadmin_pages:workflow_preview",
                "revisions_compare": "wagtailadmin_pages:revisions_compare",
            }
            if not isinstance(obj, Page):
                names = {name: obj.snippet_viewset.get_url_name(name) for name in names}
            if not getattr(obj, "is_previewable", False):
                names["workflow_preview"] = None
            context["states"].append(
                {
                    "obj": obj,
                    "revision": state.revision,
                    "previous_revision_id": state.previous_revision_id,
                    "live_revision_id": obj.live_revision_id,
                    "task_state": state,
                    "actions": state.task.specific.get_actions(obj, request.user),
                    "workflow_tasks": state.workflow_state.all_tasks_with_status(),
                    "workflow_action_url_name": names["workflow_action"],
                    "workflow_preview_url_name": names["workflow_preview"],
                    "revisions_compare_url_name": names["revisions_compare"],
                }
            )
        return context
