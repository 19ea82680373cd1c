"""Wagtail's "Awaiting your review" dashboard panel, capped to the newest items.

Wagtail's own panel lists every task state a reviewer may act on, with a few queries for each;
with a long queue the dashboard slows down as it grows. This is Wagtail's panel (its name,
order, template and approve/reject actions, by subclassing) over the newest `LIMIT` states:
the full queue is in the pending-review panel's count and in Wagtail's workflow report.

Wagtail 8.0 builds the query and the rows in one method (`get_context_data`) with no seam to
cap the query, so that method is mirrored here, split in two: the capped query (`states`,
also selecting the task) and one row per state (`state_row`, as Wagtail writes it).
`MIRRORS` pins the source of Wagtail's method (tests/home/test_dashboard.py checks it): when
an upgrade changes it, compare it with this module, then update the pin.

Why it stays (measured, issue 27): with 5, 20 and 40 items in review, Wagtail's panel runs 12,
15 and 35 queries and renders every row; this one stops at 25 queries and `LIMIT` rows.
"""

from django.conf import settings

from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.models import Page, Revision, TaskState

LIMIT = 10
# sha256 of `inspect.getsource(WorkflowObjectsToModeratePanel.get_context_data)`, Wagtail 8.0.1.
MIRRORS = "cc434fc5cd31e98e55e59e08a3c51a17e66ec6e9cf5ab62c0f8ff03e59222160"
URL_NAMES = ("workflow_action", "workflow_preview", "revisions_compare")


def states(user):
    """The newest `LIMIT` task states `user` may review, with what their rows read."""
    return (
        TaskState.objects.reviewable_by(user)
        .select_related("revision", "revision__user", "workflow_state", "task")
        .select_related("workflow_state__workflow")
        .prefetch_related("revision__content_object", "revision__content_object__latest_revision")
        .order_by("-started_at")
        .annotate(previous_revision_id=Revision.objects.previous_revision_id_subquery())
    )[:LIMIT]


def state_row(state, user) -> dict | None:
    """The template's row for one task state; None when its object no longer exists."""
    obj = state.revision.content_object
    if not obj:
        return None
    if isinstance(obj, Page):
        names = {name: f"wagtailadmin_pages:{name}" for name in URL_NAMES}
    else:  # snippets can have workflows too
        names = {name: obj.snippet_viewset.get_url_name(name) for name in URL_NAMES}
    if not getattr(obj, "is_previewable", False):
        names["workflow_preview"] = None
    return {
        "obj": obj,
        "revision": state.revision,
        "previous_revision_id": state.previous_revision_id,
        "live_revision_id": obj.live_revision_id,
        "task_state": state,
        "actions": state.task.specific.get_actions(obj, user),
        "workflow_tasks": state.workflow_state.all_tasks_with_status(),
        **{f"{name}_url_name": url_name for name, url_name in names.items()},
    }


class CappedWorkflowObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    def get_context_data(self, parent_context):
        request = parent_context["request"]
        context = {"states": [], "request": request, "csrf_token": parent_context["csrf_token"]}
        if getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            rows = (state_row(state, request.user) for state in states(request.user))
            context["states"] = [row for row in rows if row]
        return context
