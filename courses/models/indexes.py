"""The abstract index of events: upcoming first, then past; filters, a month calendar, a feed."""

from django.db.models import Case, F, Value, When
from django.utils import timezone

from wagtail.contrib.routable_page.models import path

from portal.models import BasePage, BodyMixin, ViewRoutesMixin

from .choices import (
    Audience,
    EventFormat,
    month_end,
    month_in_range,
    month_start,
)
from .events import EventPage, event_cards


class EventIndexPage(ViewRoutesMixin, BodyMixin, BasePage):
    """An index of events: upcoming first, then past; filters, a month calendar and an .ics feed.

    Subclasses set `event_model` (the page type they list). The filtered listing, the month
    calendar and the feed are answered by `courses.views` (`event_index`, `event_calendar`,
    `event_index_feed`).
    """

    event_model: type[EventPage]

    content_panels = [*BasePage.content_panels, *BodyMixin.body_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def events(self, filters: dict | None = None):
        """The live events under this index, upcoming first then past, ready for cards."""
        now = timezone.now()
        events = (
            event_cards(self.event_model.objects.live().public().child_of(self))
            .annotate(is_over=Case(When(end__lte=now, then=Value(1)), default=Value(0)))
            .order_by(
                "is_over",
                Case(When(end__gt=now, then=F("start"))).asc(nulls_last=True),
                Case(When(end__lte=now, then=F("start"))).desc(nulls_last=True),
                "pk",
            )
        )
        filters = filters or {}
        if month := filters.get("month"):
            if not month_in_range(month):
                return events.none()
            events = events.filter(start__lt=month_end(month), end__gte=month_start(month))
        if event_format := filters.get("format"):
            # A hybrid event suits both readers who come in person and those who join online.
            events = events.filter(format__in=[event_format, EventFormat.HYBRID])
        if audience := filters.get("audience"):
            events = events.filter(audience__in=[audience, Audience.EVERYONE])
        return events

    def upcoming_events(self):
        return self.events().filter(end__gt=timezone.now(), cancelled=False)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            calendar_url=self.get_url(request) + self.reverse_subpage("calendar"),
            feed_url=self.get_feed_url(request),
        )
        return context

    def get_feed_url(self, request=None) -> str:
        return self.get_url(request) + EventPage.ICS_FILE

    @path("")
    def index(self, request):
        return self.serve_route("index", request)

    @path("calendario/", name="calendar")
    @path("calendario/<str:year>/<str:month>/", name="calendar_month")
    def calendar(self, request, year=None, month=None):
        return self.serve_route("calendar", request, year, month)

    @path("calendario.ics/", name="feed")
    def feed(self, request):
        return self.serve_route("feed", request)
