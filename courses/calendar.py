"""Events in calendars: iCalendar (RFC 5545) files, «add to calendar» links and the month grid."""

import calendar as pycalendar
import datetime
from collections import defaultdict
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.http import HttpResponse
from django.utils import timezone

import icalendar

from portal.links import absolute_url

ROME = ZoneInfo("Europe/Rome")
UID_DOMAIN = "pistoia2030.it"
PRODID = "-//Pistoia2030//Calendario eventi//IT"


def occurrences(event) -> list[tuple[str, datetime.datetime, datetime.datetime, str]]:
    """(uid, start, end, title) of each meeting, or of the whole event when it has none.

    The meetings come from `event.meetings.all()`, which the listings prefetch.
    """
    base_uid = f"{event._meta.model_name}-{event.pk}@{UID_DOMAIN}"
    meetings = list(event.meetings.all())
    if not meetings:
        return [(base_uid, event.start, event.end, event.title)]
    return [
        (
            f"{event._meta.model_name}-{event.pk}-incontro-{meeting.pk}@{UID_DOMAIN}",
            meeting.start,
            meeting.end,
            f"{event.title} · {meeting.title}" if meeting.title else event.title,
        )
        for meeting in meetings
    ]


def event_location(event) -> str:
    return ", ".join(part for part in (event.venue, event.address) if part)


def build_calendar(events, request=None, title: str | None = None) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if title:
        cal.add("x-wr-calname", f"{title} · Pistoia2030")
    cal.add("x-wr-timezone", "Europe/Rome")
    stamp = timezone.now()
    for event in events:
        url = absolute_url(event, request)
        for uid, start, end, summary in occurrences(event):
            vevent = icalendar.Event()
            vevent.add("uid", uid)
            vevent.add("dtstamp", stamp)
            vevent.add("dtstart", start.astimezone(ROME))
            vevent.add("dtend", end.astimezone(ROME))
            vevent.add("summary", summary)
            if event.intro:
                vevent.add("description", f"{event.intro}\n\n{url}")
            if location := event_location(event):
                vevent.add("location", location)
            if point := event.point:
                vevent.add("geo", (point.lat, point.lng))
            if url:
                vevent.add("url", url)
            if event.last_published_at:
                vevent.add("last-modified", event.last_published_at)
            vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
            cal.add_component(vevent)
    cal.add_missing_timezones()
    return cal


def calendar_response(events, request, name: str, title: str | None = None) -> HttpResponse:
    response = HttpResponse(
        build_calendar(events, request, title).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


def _utc_stamp(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def google_calendar_url(event, request=None) -> str:
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": f"{_utc_stamp(event.start)}/{_utc_stamp(event.end)}",
        "details": f"{event.intro}\n{absolute_url(event, request)}".strip(),
        "location": event_location(event),
        "ctz": "Europe/Rome",
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_url(event, request=None) -> str:
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": event.title,
        "startdt": event.start.astimezone(datetime.UTC).isoformat(),
        "enddt": event.end.astimezone(datetime.UTC).isoformat(),
        "body": f"{event.intro}\n{absolute_url(event, request)}".strip(),
        "location": event_location(event),
    }
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(query)


class MonthCalendar:
    """A month as weeks of days, each with the events happening that day (local time)."""

    def __init__(self, first_day: datetime.date, events, index_page):
        self.first_day = first_day
        self.events = list(events)
        self.index_page = index_page
        self.today = timezone.localdate()

    @property
    def title(self) -> str:
        from django.utils.formats import date_format

        return date_format(self.first_day, "YEAR_MONTH_FORMAT")

    def _days_of(self, event):
        meetings = list(event.meetings.all())
        spans = [(m.start, m.end) for m in meetings] or [(event.start, event.end)]
        for start, end in spans:
            day = timezone.localtime(start).date()
            last = timezone.localtime(end - datetime.timedelta(seconds=1)).date()
            while day <= last:
                yield (
                    day,
                    timezone.localtime(start) if day == timezone.localtime(start).date() else None,
                )
                day += datetime.timedelta(days=1)

    def weeks(self):
        by_day = defaultdict(list)
        for event in self.events:
            for day, starts_at in self._days_of(event):
                by_day[day].append({"event": event, "starts_at": starts_at})
        month = pycalendar.Calendar(firstweekday=0).monthdatescalendar(
            self.first_day.year, self.first_day.month
        )
        return [
            [
                {
                    "date": day,
                    "in_month": day.month == self.first_day.month,
                    "is_today": day == self.today,
                    "items": by_day.get(day, []),
                }
                for day in week
            ]
            for week in month
        ]

    def weekday_names(self):
        from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

        return [(WEEKDAYS[i], WEEKDAYS_ABBR[i]) for i in range(7)]

    def _month_url(self, day: datetime.date) -> str:
        return self.index_page.url + self.index_page.reverse_subpage(
            "calendar_month", args=(day.year, day.month)
        )

    @property
    def previous_url(self) -> str:
        return self._month_url(self.first_day - datetime.timedelta(days=1))

    @property
    def next_url(self) -> str:
        return self._month_url((self.first_day + datetime.timedelta(days=32)).replace(day=1))

    @property
    def previous_month(self) -> datetime.date:
        return (self.first_day - datetime.timedelta(days=1)).replace(day=1)

    @property
    def next_month(self) -> datetime.date:
        return (self.first_day + datetime.timedelta(days=32)).replace(day=1)
