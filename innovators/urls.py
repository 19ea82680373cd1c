"""Open-data endpoints, included by portal/urls.py under /api/."""

from django.urls import path

from innovators import views

urlpatterns = [
    path("innovatori.geojson", views.geojson, name="innovators_geojson"),
    path("innovatori.csv", views.csv_export, name="innovators_csv"),
]
