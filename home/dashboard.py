"""The admin dashboard's panels: what waits for review, what the public sent, the next events.

Each panel builds its rows with a fixed number of queries, whatever the amount of content
(pinned in tests/home/test_dashboard.py). It lives in `home` because it reads every app.
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState
from wagtail.permissions import page_permission_policy

from courses import desk
from innovators.models import JoinRequest
from stories.models import StorySubmission

ROWS = 6


def edit_url(obj) -> str:
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    viewset = getattr(type(obj), "snippet_viewset", None)
    return reverse(viewset.get_url_name("edit"), args=[obj.pk]) if viewset else ""


def pending_reviews(limit: int = ROWS) -> tuple[list[dict], int]:
    """Pages and snippets in a workflow (in review or sent back), newest first, and how many.

    One query for the states, one per kind of content among them (pages count as one kind).
    """
    states = WorkflowState.objects.active().order_by("-created_at", "-pk")
    total = states.count()
    states = list(states.select_related("current_task_state__task", "requested_by")[:limit])
    ids_by_type = defaultdict(list)
    for state in states:
        ids_by_type[state.base_content_type_id].append(state.object_id)
    objects = {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        for obj in model._default_manager.filter(pk__in=ids):
            objects[(type_id, str(obj.pk))] = obj
    rows = []
    for state in states:
        obj = objects.get((state.base_content_type_id, state.object_id))
        if obj is None:
            continue
        rows.append(
            {
                "title": str(obj.title if isinstance(obj, Page) else obj),
                "kind": type(obj)._meta.verbose_name if not isinstance(obj, Page) else _("pagina"),
                "url": edit_url(obj),
                "task": state.current_task_state.task if state.current_task_state else None,
                "needs_changes": state.status == WorkflowState.STATUS_NEEDS_CHANGES,
                "requested_by": state.requested_by,
                "since": state.created_at,
            }
        )
    return rows, total


class DashboardPanel(Component):
    """A dashboard panel shown to those who hold `permission` (or to every admin user)."""

    permission = None

    def __init__(self, request):
        self.request = request

    def is_shown(self) -> bool:
        return self.permission is None or self.request.user.has_perm(self.permission)

    def rows(self) -> dict:
        raise NotImplementedError

    def get_context_data(self, parent_context=None):
        return {"panel": self, **self.rows()}


class PendingReviewPanel(DashboardPanel):
    """Shown to those who edit or publish pages (not to the events desk, which can open none
    of what waits for review)."""

    name = "pistoia_pending_review"
    order = 90
    template_name = "home/admin/dashboard_pending.html"

    def is_shown(self) -> bool:
        return page_permission_policy.user_has_any_permission(
            self.request.user, ["change", "publish"]
        )

    def rows(self):
        items, total = pending_reviews()
        return {"items": items, "total": total}


class LatestSubmissionsPanel(DashboardPanel):
    name = "pistoia_latest_submissions"
    order = 95
    permission = "stories.view_storysubmission"
    template_name = "home/admin/dashboard_submissions.html"

    def rows(self):
        submissions = StorySubmission.objects.order_by("-created_at", "-pk")[:ROWS]
        requests = JoinRequest.objects.select_related("innovator").order_by("-created_at", "-pk")[
            :ROWS
        ]
        can_see_requests = self.request.user.has_perm("innovators.change_innovator")
        return {
            "submissions": submissions,
            "join_requests": requests if can_see_requests else [],
            "can_see_requests": can_see_requests,
            "submissions_url": reverse("storysubmission:index"),
        }


class NextEventsPanel(DashboardPanel):
    name = "pistoia_next_events"
    order = 97
    template_name = "home/admin/dashboard_events.html"

    def rows(self):
        user = self.request.user
        return {
            "events": desk.next_events(ROWS),
            "can_view": desk.can_view(user),
            "can_check_in": desk.can_check_in(user),
            "list_url": reverse("wagtailsnippets_courses_registration:list"),
            "checkin_url": reverse("courses_checkin"),
        }
