"""Open data of the impact page, included by portal/urls.py under /api/."""

from django.urls import path

from home.impact import views

urlpatterns = [
    path("impatto.json", views.impact_json, name="impact_json"),
    path("impatto/<slug:key>.csv", views.impact_csv, name="impact_csv"),
]
