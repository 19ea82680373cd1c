"""`…/calendario.ics` for event and index pages.

Wagtail's page URLs allow no dot, so this hands `<page path>/calendario.ics` to Wagtail's serve
view as the page's `calendario.ics/` route (see `EventPage.ics` and `EventIndexPage.feed`).
"""

from django.urls import path, re_path

from wagtail import views as wagtail_views

from .seats import seats


def serve_calendar(request, path):
    return wagtail_views.serve(request, f"{path}calendario.ics/")


urlpatterns = [
    path("api/posti.json", seats, name="courses_seats"),
    re_path(r"^((?:[\w\-]+/)+)calendario\.ics$", serve_calendar, name="courses_calendar"),
]
