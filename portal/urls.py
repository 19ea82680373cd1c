from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import lockouts, page_creation, routing, sitemap, views

# Wagtail's URLs that the portal answers itself, under the same names.
REPLACED = {"wagtail_serve", "wagtailcore_authenticate_with_password"}

urlpatterns = [
    # Wagtail's page creation without autosave (portal.page_creation), at Wagtail's own URL.
    path(
        "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/"
        "<int:parent_page_id>/",
        page_creation.create_page,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Open data: /api/innovatori.geojson and /api/innovatori.csv
    path("api/", include("innovators.urls")),
    # Open data: /api/impatto.json and /api/impatto/<indicator>.csv
    path("api/", include("home.urls")),
    # Wagtail API v2, read-only: pages and the endpoints the apps register (docs/api.md)
    path("api/v2/", include("portal.api_urls")),
    path("sitemap.xml", sitemap.sitemap, name="sitemap"),
    path("robots.txt", sitemap.robots_txt, name="robots_txt"),
]

if settings.DEBUG or settings.SERVE_MEDIA:
    from portal.media import serve_media

    # Uploads, never served as a page (see portal.media); a proxy or S3 does it in production.
    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$", serve_media))
if getattr(settings, "BENCH_BARE_VIEW", False):
    # `make bench-http` only: the cheapest Django response, the benchmark's yardstick.
    urlpatterns.append(path("bench/bare/", views.bench_bare))

# Italian without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("cerca/", views.search, name="search"),
    # /formazione/calendario.ics and each event's calendario.ics (Wagtail's URLs allow no dot)
    path("", include("courses.urls")),
    # /newsletter/disiscrizione/<token>/: one-click unsubscribe (RFC 8058), outside the page tree
    path("", include("newsletter.urls")),
    # The innovators' area, /area-innovatori/ (/en/innovators-area/): translated paths
    path("", include("innovators.area.urls")),
    # Introductions between innovators (innovators/introductions/), under the same prefix
    path("", include("innovators.introductions.urls")),
    # Page passwords, limited per address and per page (portal.lockouts)
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        lockouts.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's URLs, its page view with the route cached (portal.routing)
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name not in REPLACED],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
