"""JSON-LD of the home page: the programme as an Organization, and the WebSite (portal.seo).

The other page types' builders live in their apps' `seo.py`.
"""

from portal.seo import SCHEMA, SITE_NAME, Metadata, organization, register_json_ld

from .models import HomePage

PROMOTERS = [
    "Camera di Commercio Pistoia",
    "Provincia di Pistoia",
    "Fondazione Cassa di Risparmio di Pistoia e Pescia",
]


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
