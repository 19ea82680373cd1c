"""Admin: the registrations (listing per event, CSV export) and the door check-in."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

import django_filters

from portal.csv import SafeSpreadsheetExportMixin

from . import admin_views, api, desk, privacy
from .exports import COLUMNS, registration_row
from .feedback import reports
from .models import CoursePage, Registration, RegistrationStatus, SessionPage


def event_pages(request=None):
    return Page.objects.type(CoursePage, SessionPage).order_by("-path")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Evento"), queryset=event_pages)
    status = django_filters.ChoiceFilter(label=_("Stato"), choices=RegistrationStatus.choices)
    attended = django_filters.BooleanFilter(
        label=_("Presente"), field_name="attended_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Registration
        fields = ["event", "status"]


class RegistrationIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The registrations: seen with the view right, exported only with the export right; what
    people typed never runs as a formula in the spreadsheet."""

    def dispatch(self, request, *args, **kwargs):
        if self.is_export and not desk.can_export(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("event", "locale")

    @property
    def show_export_buttons(self):
        return super().show_export_buttons and desk.can_export(self.request.user)

    def to_row_dict(self, item):
        return registration_row(item)


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Iscrizioni")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    filterset_class = RegistrationFilterSet
    list_display = ["name", "email", "event", "status", "code", "created_at", "attended_at"]
    list_per_page = 50
    search_fields = ["name", "email", "organisation", "code"]
    search_backend_name = None  # plain database lookups: codes and e-mails match exactly
    list_export = list(COLUMNS)
    export_headings = COLUMNS
    export_filename = "iscrizioni"
    inspect_view_enabled = True
    form_fields = ["event", "status", "name", "email", "organisation", "needs", "consent"]


register_snippet(RegistrationViewSet)


@hooks.register("register_admin_urls")
def register_checkin_url():
    return [path("iscrizioni/check-in/", admin_views.checkin, name="courses_checkin")]


@hooks.register("register_admin_menu_item")
def register_checkin_menu_item():
    class CheckInMenuItem(MenuItem):
        def is_shown(self, request):
            return desk.can_check_in(request.user)

    return CheckInMenuItem(
        _("Check-in eventi"), reverse("courses_checkin"), icon_name="tick", order=251
    )


@hooks.register("register_admin_urls")
def register_evaluation_urls():
    return [
        path("valutazione/", reports.EvaluationReportView.as_view(), name="courses_evaluation"),
        path("valutazione/<int:event_id>/", reports.event_detail, name="courses_evaluation_event"),
    ]


@hooks.register("register_admin_menu_item")
def register_evaluation_menu_item():
    class EvaluationMenuItem(MenuItem):
        def is_shown(self, request):
            return desk.can_view_attendance(request.user)

    return EvaluationMenuItem(
        _("Valutazione"), reverse("courses_evaluation"), icon_name="table", order=252
    )


@hooks.register("register_search_provider")
def register_search_provider():
    from courses.search import provider

    return provider()


hooks.register("register_api_page_fields", api.page_fields)
hooks.register("register_personal_data", privacy.registrations)
