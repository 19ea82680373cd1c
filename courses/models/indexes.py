"""The abstract index of events: upcoming first, then past; filters, a month calendar, a feed."""

import datetime

from django.db.models import Case, F, Value, When
from django.http import Http404
from django.utils import timezone

from wagtail.contrib.routable_page.models import path

from portal.models import BasePage, BodyMixin, ViewRoutesMixin
from portal.numbers import parse_positive_int

from ..calendar import MonthCalendar, calendar_response
from .choices import (
    FIRST_YEAR,
    LAST_YEAR,
    Audience,
    EventFormat,
    month_end,
    month_in_range,
    month_start,
)
from .events import EventPage, event_cards


class EventIndexPage(ViewRoutesMixin, BodyMixin, BasePage):
    """An index of events: upcoming first, then past; filters, a month calendar and an .ics feed.

    Subclasses set `event_model` (the page type they list). The filtered listing is answered by
    `courses.views.event_index`.
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
        today = timezone.localdate()
        if year is None:
            first_day = today.replace(day=1)
        else:
            year = parse_positive_int(year, minimum=FIRST_YEAR, maximum=LAST_YEAR)
            month = parse_positive_int(month, maximum=12)
            if year is None or month is None:
                raise Http404
            first_day = datetime.date(year, month, 1)
        events = self.events({"month": first_day}).prefetch_related("meetings")
        return self.render(
            request,
            context_overrides={"calendar": MonthCalendar(first_day, events, self)},
            template="courses/event_calendar.html",
        )

    @path("calendario.ics/", name="feed")
    def feed(self, request):
        return calendar_response(
            self.events().prefetch_related(None).prefetch_related("meetings"),
            request,
            name=self.slug,
            title=self.title,
        )
