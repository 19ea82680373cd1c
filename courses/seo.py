"""JSON-LD of courses (EducationEvent) and sessions (Event), registered with portal.seo."""

import re

from django.utils import timezone

from courses.models import CoursePage, SessionPage
from courses.models.events import EventFormat, EventPage, EventStatus
from portal.seo import SCHEMA, Metadata, organization, place, register_json_ld

ATTENDANCE_MODES = {
    EventFormat.IN_PRESENCE: "OfflineEventAttendanceMode",
    EventFormat.ONLINE: "OnlineEventAttendanceMode",
    EventFormat.HYBRID: "MixedEventAttendanceMode",
}
PRICE = re.compile(r"(\d+(?:[.,]\d{1,2})?)")


def offer(event: EventPage, url: str) -> dict:
    data = {
        "@type": "Offer",
        "url": url,
        "priceCurrency": "EUR",
        "availability": f"{SCHEMA}/{'SoldOut' if event.is_full else 'InStock'}",
    }
    if event.is_free:
        data["price"] = "0"
    elif match := PRICE.search(event.cost):
        data["price"] = match.group(1).replace(",", ".")
    else:
        data["description"] = event.cost
    if event.registration_opens:
        data["validFrom"] = event.registration_opens.isoformat()
    return data


@register_json_ld(CoursePage)
@register_json_ld(SessionPage)
def event(page: EventPage, request, context, meta: Metadata) -> dict:
    url = page.get_full_url(request)
    status = "EventCancelled" if page.status == EventStatus.CANCELLED else "EventScheduled"
    locations = []
    if page.format != EventFormat.ONLINE:
        locations.append(place(page.venue, page.address, page.point))
    if page.format != EventFormat.IN_PRESENCE:
        locations.append({"@type": "VirtualLocation", "url": url})
    data = {
        "@context": SCHEMA,
        "@type": "EducationEvent" if isinstance(page, CoursePage) else "Event",
        "name": page.title,
        "description": meta.description,
        "url": url,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": f"{SCHEMA}/{status}",
        "eventAttendanceMode": f"{SCHEMA}/{ATTENDANCE_MODES.get(page.format, 'OfflineEventAttendanceMode')}",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organization(request),
        "inLanguage": meta.language,
        "maximumAttendeeCapacity": page.capacity,
        "remainingAttendeeCapacity": page.seats_left,
        "offers": offer(page, url),
    }
    if meta.image_url:
        data["image"] = [meta.image_url]
    return data
