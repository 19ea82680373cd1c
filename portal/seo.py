"""What search engines and social networks read in every page's head.

`page_metadata(context)` builds, for the page being rendered: the title and description, the
canonical URL (listings keep their page number, filters are dropped unless the view names its
own `canonical_url`), the `hreflang` alternates of the page's translations, the Open Graph and
Twitter card fields with a share-image rendition, and the JSON-LD.

JSON-LD depends on the page type, and page types live in the apps, which `portal` does not
import: each app registers a builder for its page models with `register_json_ld` in its own
`seo.py` (imported by its `AppConfig.ready`), and the most specific one in the page's class
hierarchy wins. Every other page is a schema.org WebPage (`web_page` below); `organization`
and `place` are the pieces the apps' builders share.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

from wagtail.models import Page

from portal.numbers import parse_positive_int

SHARE_RENDITION = "fill-1200x630|format-jpeg"
SITE_NAME = "Pistoia2030"
SCHEMA = "https://schema.org"
OG_LOCALES = {"it": "it_IT", "en": "en_GB"}

JsonLdBuilder = Callable[[Page, object, dict, "Metadata"], dict | list | None]
_builders: dict[type, JsonLdBuilder] = {}


def register_json_ld(model: type):
    """Decorator: `builder(page, request, context, meta)` gives the JSON-LD of `model` pages.

    The builder may also adjust `meta` (a profile sub-page names its own title, for example).
    """

    def decorator(builder: JsonLdBuilder) -> JsonLdBuilder:
        _builders[model] = builder
        return builder

    return decorator


def json_ld_builder(page) -> JsonLdBuilder | None:
    for cls in type(page).__mro__:
        if cls in _builders:
            return _builders[cls]
    return None


@dataclass
class Metadata:
    title: str = SITE_NAME
    description: str = ""
    canonical: str = ""
    og_type: str = "website"
    image_url: str = ""
    image_width: int | None = None
    image_height: int | None = None
    image_alt: str = ""
    language: str = ""
    alternates: list[tuple[str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)

    @property
    def og_locale(self) -> str:
        return OG_LOCALES.get(self.language, self.language)

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image_url else "summary"

    @property
    def json_ld_scripts(self) -> list[str]:
        """Each JSON-LD object serialised for a <script>, with `<` escaped."""
        return [
            mark_safe(
                json.dumps(data, ensure_ascii=False, default=str)
                .replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
            )
            for data in self.json_ld
        ]


def absolute(request, url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return request.build_absolute_uri(url) if request else url


def page_suffix(page, request) -> tuple[str, str]:
    """The page's full URL and the part of the request path below it (a routable sub-page)."""
    full_url = page.get_full_url(request) or ""
    relative = page.get_url(request) or ""
    relative_path = relative if relative.startswith("/") else "/" + relative.split("/", 3)[-1]
    suffix = ""
    if request and request.path.startswith(relative_path):
        suffix = request.path[len(relative_path) :]
    return full_url, suffix


def canonical_url(page, request, context) -> str:
    if context.get("canonical_url"):
        return context["canonical_url"]
    if page is None:
        return request.build_absolute_uri(request.path) if request else ""
    full_url, suffix = page_suffix(page, request)
    url = full_url + suffix
    number = parse_positive_int(request.GET.get("page", "")) if request else None
    if number and number > 1:
        url += f"?page={number}"
    return url


def alternates(page, request) -> list[tuple[str, str]]:
    """(hreflang, URL) of the page's live translations, and `x-default` for Italian."""
    if page is None or not getattr(page, "translation_key", None):
        return []
    _full_url, suffix = page_suffix(page, request)
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    links = []
    for translated in sorted(translations, key=lambda p: p.locale.language_code != "it"):
        url = translated.get_full_url(request)
        if url:
            links.append((translated.locale.language_code, url + suffix))
    if len(links) < 2:
        return []
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), None)
    if default:
        links.append(("x-default", default))
    return links


def share_image(image, meta: Metadata, request) -> None:
    if image is None:
        return
    rendition = image.get_rendition(SHARE_RENDITION)
    meta.image_url = absolute(request, rendition.url)
    meta.image_width, meta.image_height = rendition.width, rendition.height
    meta.image_alt = getattr(image, "alt_text", "") or image.title


def organization(request, home_url: str = "") -> dict:
    """The programme as a schema.org Organization (publisher, organiser, author of last resort)."""
    return {
        "@type": "Organization",
        "name": SITE_NAME,
        "url": home_url or absolute(request, "/"),
        "logo": absolute(request, static("img/share.png")),
    }


def postal_address(address: str, locality: str) -> dict:
    """A schema.org PostalAddress in the province of Pistoia."""
    return {
        "@type": "PostalAddress",
        "streetAddress": address,
        "addressLocality": locality,
        "addressRegion": "PT",
        "addressCountry": "IT",
    }


def place(name: str, address: str, point, locality: str = "") -> dict:
    """A schema.org Place; `point` has `lat` and `lng`, or is None."""
    data = {"@type": "Place", "name": name or address or locality}
    if address or locality:
        data["address"] = postal_address(address, locality)
    if point:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": point.lat, "longitude": point.lng}
    return data


@register_json_ld(Page)
def web_page(page, request, context, meta: Metadata) -> dict:
    return {
        "@context": SCHEMA,
        "@type": "WebPage",
        "name": meta.title,
        "description": meta.description,
        "url": canonical_url(page, request, context),
        "inLanguage": meta.language,
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME},
    }


def page_metadata(context) -> Metadata:
    request = context.get("request")
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    meta = Metadata(language=translation.get_language() or settings.LANGUAGE_CODE)
    if page is not None:
        meta.title = page.seo_title or page.title
        meta.description = strip_tags(getattr(page, "meta_description", "") or "")
        share_image(getattr(page, "share_image_fallback", None), meta, request)
        meta.alternates = alternates(page, request)
        builder = json_ld_builder(page)
        if builder:
            data = builder(page, request, context, meta)
            if isinstance(data, dict):
                meta.json_ld.append(data)
            elif data:
                meta.json_ld.extend(data)
    meta.canonical = canonical_url(page, request, context)
    if not meta.image_url and request:
        meta.image_url = absolute(request, static("img/share.png"))
        meta.image_width, meta.image_height = 1200, 630
        meta.image_alt = SITE_NAME
    return meta
