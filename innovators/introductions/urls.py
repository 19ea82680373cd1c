"""Introductions, inside `i18n_patterns` beside the area (portal/urls.py): Italian paths
without a prefix, English ones under /en/; all under the area's prefix, which the page cache
skips."""

from django.urls import path
from django.utils.translation import pgettext_lazy

from innovators.introductions import views

app_name = "introductions"

urlpatterns = [
    path(
        pgettext_lazy("URL", "area-innovatori/presentazioni/chiedi/<int:pk>/"),
        views.ask,
        name="ask",
    ),
    path(
        pgettext_lazy("URL", "area-innovatori/presentazioni/risposta/"),
        views.answer,
        name="answer",
    ),
]
