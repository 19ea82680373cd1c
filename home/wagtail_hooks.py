"""The admin dashboard of the portal (see home/dashboard.py) and the home pages' API fields."""

from wagtail import hooks

from home import api
from home.dashboard import LatestSubmissionsPanel, NextEventsPanel, PendingReviewPanel
from portal.review_panel import CappedWorkflowObjectsToModeratePanel

# Wagtail's "Awaiting your review" and "Your pages and snippets in a workflow" list every item
# with several queries each: the first is capped (portal/review_panel.py), the second is covered
# by the pending-review panel, which names who sent each item.
REPLACED_PANELS = {"workflow_objects_to_moderate", "user_objects_in_workflow_moderation"}


@hooks.register("construct_homepage_panels")
def add_dashboard_panels(request, panels):
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED_PANELS]
    panels.append(CappedWorkflowObjectsToModeratePanel())
    ours = [PendingReviewPanel, LatestSubmissionsPanel, NextEventsPanel]
    panels[:0] = [panel for panel in (cls(request) for cls in ours) if panel.is_shown()]


hooks.register("register_api_page_fields", api.page_fields)
