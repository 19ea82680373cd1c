"""The one-click unsubscribe endpoint (outside the page tree: it is exempt from CSRF), and a
named link to the newsletter page for the site frame (the footer links it by name, with no
query and no import of this app)."""

from django.urls import path

from . import views

urlpatterns = [
    path("newsletter/iscriviti/", views.subscribe_redirect, name="newsletter_subscribe"),
    path(
        "newsletter/disiscrizione/<str:token>/",
        views.unsubscribe,
        name="newsletter_unsubscribe",
    ),
]
