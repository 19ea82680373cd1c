"""sitemap.xml and robots.txt.

Wagtail's sitemap lists the pages under the site's root only; with one root per language (the
Italian home and its English translation are siblings) this one lists every language's tree,
each URL with the `hreflang` alternates of its translations.
"""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class MultilingualSitemap(Sitemap):
    def roots(self):
        root = self.get_wagtail_site().root_page
        return list(root.get_translations(inclusive=True).live())

    def items(self):
        roots = self.roots()
        if not roots:
            return Page.objects.none()
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _alternates(self) -> dict:
        """translation_key → [(language, URL)] for every live page in the sitemap."""
        if not hasattr(self, "_alternates_cache"):
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            by_key: dict = {}
            for page in self.paginator.object_list:
                url = page.get_full_url(self.request)
                if url:
                    by_key.setdefault(page.translation_key, []).append(
                        (languages[page.locale_id], url)
                    )
            self._alternates_cache = by_key
        return self._alternates_cache

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        alternates = self._alternates()
        by_location = {url: key for key, links in alternates.items() for _code, url in links}
        for info in urls:
            links = alternates.get(by_location.get(info["location"]), [])
            if len(links) > 1:
                info["alternates"] = [{"lang_code": code, "location": url} for code, url in links]
        return urls


@require_GET
def sitemap(request):
    return sitemap_views.sitemap(request, {"pages": MultilingualSitemap(request)})


@require_GET
@cache_control(public=True, max_age=3600)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /cerca/",
        "Disallow: /en/cerca/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
