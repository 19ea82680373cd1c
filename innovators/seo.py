"""JSON-LD of the club's profiles: the innovator as a schema.org Organization (or Person) with
its Place, registered with portal.seo. The directory itself is a WebPage."""

from innovators.models import ClubDirectoryPage, InnovatorKind
from portal.seo import (
    SCHEMA,
    Metadata,
    canonical_url,
    place,
    postal_address,
    register_json_ld,
    web_page,
)


@register_json_ld(ClubDirectoryPage)
def club(page, request, context, meta: Metadata) -> dict:
    innovator = context.get("innovator")
    if innovator is None:
        return web_page(page, request, context, meta)
    meta.title = innovator.name
    meta.description = innovator.short_description
    meta.og_type = "profile"
    locality = innovator.municipality.name
    data = {
        "@context": SCHEMA,
        "@type": "Person" if innovator.kind == InnovatorKind.INDIVIDUAL else "Organization",
        "name": innovator.name,
        "description": innovator.short_description,
        "url": canonical_url(page, request, context),
        "location": place(innovator.name, innovator.address, innovator.point, locality),
        "address": postal_address(innovator.address, locality),
    }
    if innovator.kind != InnovatorKind.INDIVIDUAL and innovator.year_founded:
        data["foundingDate"] = str(innovator.year_founded)
    if innovator.website:
        data["sameAs"] = [innovator.website]
    if innovator.social_links:
        data["sameAs"] = [
            *data.get("sameAs", []),
            *(url for _network, url in innovator.social_links),
        ]
    if innovator.sector_id:
        data["knowsAbout"] = [innovator.sector.name, *(tag.name for tag in innovator.tag_list)]
    if innovator.is_club_member:
        data["memberOf"] = {"@type": "Organization", "name": page.title}
    return data
