"""The one-click unsubscribe endpoint (outside the page tree: it is exempt from CSRF)."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "newsletter/disiscrizione/<str:token>/",
        views.unsubscribe,
        name="newsletter_unsubscribe",
    ),
]
