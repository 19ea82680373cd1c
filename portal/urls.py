from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Open data: /api/innovatori.geojson and /api/innovatori.csv
    path("api/", include("innovators.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Italian without a prefix, English under /en/.
urlpatterns += i18n_patterns(
    path("cerca/", views.search, name="search"),
    # /formazione/calendario.ics and each event's calendario.ics (Wagtail's URLs allow no dot)
    path("", include("courses.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
