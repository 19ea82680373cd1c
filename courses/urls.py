"""`…/calendario.ics` for event and index pages.

Wagtail's page URLs allow no dot, so this hands `<page path>/calendario.ics` to Wagtail's serve
view as the page's `calendario.ics/` route (see `EventPage.ics` and `EventIndexPage.feed`).
"""

from django.urls import path, re_path

from wagtail import views as wagtail_views

from .feedback import views as feedback
from .seats import seats


def serve_calendar(request, path):
    return wagtail_views.serve(request, f"{path}calendario.ics/")


urlpatterns = [
    path("api/posti.json", seats, name="courses_seats"),
    # The questionnaire after an event, one answer per signed link (courses.feedback)
    path("valutazione/grazie/", feedback.thanks, name="courses_feedback_thanks"),
    path("valutazione/<str:token>/", feedback.questionnaire, name="courses_feedback"),
    re_path(r"^((?:[\w\-]+/)+)calendario\.ics$", serve_calendar, name="courses_calendar"),
]
