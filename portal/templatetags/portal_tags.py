from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page, Site

register = template.Library()


def _home_page(request) -> Page | None:
    """The home page of the reader's language: the site root (Italian) or its translation."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if translation.get_language() == settings.LANGUAGE_CODE:
        return root
    return root.get_translation_or_none(Locale.get_active()) or root


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The home page's children marked «show in menus», in tree order."""
    request = context["request"]
    home = _home_page(request)
    current = context.get("page")
    current_path = current.url_path if isinstance(current, Page) else ""
    children = home.get_children().live().in_menu() if home else []
    items = [
        {
            "page": child,
            "aria_current": (
                "page"
                if child.url_path == current_path
                else "true"
                if current_path.startswith(child.url_path)
                else ""
            ),
        }
        for child in children
    ]
    return {"items": items, "request": request}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link per language to the current page's translation, or to that language's home.

    A language with neither is left out, so the switcher never leads to a missing page.
    """
    page = context.get("page")
    request = context["request"]
    active = translation.get_language()
    site = Site.find_for_request(request)
    # The page's own translations win over the other languages' home pages.
    preferred = [p for p in (page, site and site.root_page) if isinstance(p, Page)]
    candidates = (
        Page.objects.live()
        .filter(translation_key__in=[p.translation_key for p in preferred])
        .select_related("locale")
    )
    pages_by_language = {}
    for wanted in preferred:
        for candidate in candidates:
            if candidate.translation_key == wanted.translation_key:
                pages_by_language.setdefault(candidate.locale.language_code, candidate)
    links = []
    for code, name in settings.LANGUAGES:
        target = pages_by_language.get(code)
        if target is None and code != active:
            continue
        links.append(
            {
                "code": code,
                "name": name,
                "url": target.get_url(request) if target else request.path,
                "is_active": code == active,
            }
        )
    return {"links": links}
