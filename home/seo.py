"""JSON-LD (schema.org) per page type, registered with `portal.seo` when the app is ready.

Organization on the home page, Article on stories and phase updates, Event on courses and
sessions, Organization with its Place on innovator profiles, WebPage everywhere else.
"""

import re

from django.templatetags.static import static
from django.utils import timezone

from wagtail.models import Page

from courses.models import CoursePage, SessionPage
from courses.models.events import EventFormat, EventPage, EventStatus
from innovators.models import ClubDirectoryPage, InnovatorKind
from portal.seo import SITE_NAME, Metadata, absolute, canonical_url, register_json_ld
from stories.models import PhaseUpdatePage, StoryPage

from .models import HomePage

SCHEMA = "https://schema.org"
PROMOTERS = [
    "Camera di Commercio Pistoia",
    "Provincia di Pistoia",
    "Fondazione Cassa di Risparmio di Pistoia e Pescia",
]
ATTENDANCE_MODES = {
    EventFormat.IN_PRESENCE: "OfflineEventAttendanceMode",
    EventFormat.ONLINE: "OnlineEventAttendanceMode",
    EventFormat.HYBRID: "MixedEventAttendanceMode",
}
PRICE = re.compile(r"(\d+(?:[.,]\d{1,2})?)")


def organization(request, home_url: str = "") -> dict:
    return {
        "@type": "Organization",
        "name": SITE_NAME,
        "url": home_url or absolute(request, "/"),
        "logo": absolute(request, static("img/share.png")),
    }


@register_json_ld(Page)
def web_page(page, request, context, meta: Metadata) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": meta.title,
        "description": meta.description,
        "url": meta_url(page, request, context),
        "inLanguage": meta.language,
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME},
    }


def meta_url(page, request, context) -> str:
    return canonical_url(page, request, context)


@register_json_ld(HomePage)
def home(page, request, context, meta: Metadata) -> list[dict]:
    url = page.get_full_url(request)
    org = organization(request, url)
    org.update(
        {
            "@context": SCHEMA,
            "description": meta.description,
            "slogan": page.motto,
            "areaServed": {"@type": "AdministrativeArea", "name": "Provincia di Pistoia"},
            "funder": [{"@type": "Organization", "name": name} for name in PROMOTERS],
        }
    )
    site = {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": SITE_NAME,
        "url": url,
        "inLanguage": meta.language,
    }
    return [org, site]


@register_json_ld(StoryPage)
@register_json_ld(PhaseUpdatePage)
def article(page, request, context, meta: Metadata) -> dict:
    meta.og_type = "article"
    author_name = getattr(page, "author_name", "")
    data = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": meta.title[:110],
        "description": meta.description,
        "datePublished": page.date.isoformat(),
        "dateModified": (page.last_published_at or timezone.now()).isoformat(),
        "inLanguage": meta.language,
        "mainEntityOfPage": page.get_full_url(request),
        "author": (
            {"@type": "Person", "name": author_name}
            if author_name and "redazione" not in author_name.lower()
            else organization(request)
        ),
        "publisher": organization(request),
    }
    if meta.image_url:
        data["image"] = [meta.image_url]
    if getattr(page, "phase_id", None) and page.phase:
        data["articleSection"] = page.phase.name
    return data


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


def place(name: str, address: str, point, locality: str = "") -> dict:
    data = {"@type": "Place", "name": name or address or locality}
    if address or locality:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": address,
            "addressLocality": locality,
            "addressRegion": "PT",
            "addressCountry": "IT",
        }
    if point:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": point.lat, "longitude": point.lng}
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


@register_json_ld(ClubDirectoryPage)
def club(page, request, context, meta: Metadata) -> dict:
    innovator = context.get("innovator")
    if innovator is None:
        return web_page(page, request, context, meta)
    meta.title = innovator.name
    meta.description = innovator.short_description
    meta.og_type = "profile"
    data = {
        "@context": SCHEMA,
        "@type": "Person" if innovator.kind == InnovatorKind.INDIVIDUAL else "Organization",
        "name": innovator.name,
        "description": innovator.short_description,
        "url": meta_url(page, request, context),
        "location": place(
            innovator.name, innovator.address, innovator.point, innovator.municipality.name
        ),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": innovator.address,
            "addressLocality": innovator.municipality.name,
            "addressRegion": "PT",
            "addressCountry": "IT",
        },
    }
    if innovator.kind != InnovatorKind.INDIVIDUAL and innovator.year_founded:
        data["foundingDate"] = str(innovator.year_founded)
    if innovator.website:
        data["sameAs"] = [innovator.website]
    if innovator.sector_id:
        data["knowsAbout"] = [innovator.sector.name, *(tag.name for tag in innovator.tag_list)]
    if innovator.is_club_member:
        data["memberOf"] = {"@type": "Organization", "name": page.title}
    return data
