"""The innovators' admin: a listing editors can work with, grouped under one menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

import django_filters

from innovators import admin_views, api, needs_report, privacy
from innovators.area import admin as area_admin
from innovators.area import data as area_data
from innovators.area import needs as area_needs
from innovators.models import Innovator, Sector
from innovators.panels import innovator_edit_handler
from innovators.permissions import CONTACT_PERMISSION
from innovators.synergies import admin as synergies_admin
from innovators.synergies import api as synergies_api
from innovators.synergies import area as synergies_area
from portal.admin_ui import YesNoColumn
from portal.choosers import SnippetChooserViewSet
from portal.csv import SafeSpreadsheetExportMixin
from portal.workflow_actions import ReviewedSnippetViewSet

CONTACT_FIELDS = ("contact_email",)


class InnovatorIndexView(SafeSpreadsheetExportMixin, IndexView):
    """The listing and its export: safe cells; the contact e-mail only for moderators."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        if not request.user.has_perm(CONTACT_PERMISSION):
            self.list_export = [f for f in self.list_export if f not in CONTACT_FIELDS]


PUBLICATION_STATES = {
    "live": (_("Pubblicato"), {"live": True, "has_unpublished_changes": False}),
    "changes": (
        _("Pubblicato, con modifiche in bozza"),
        {"live": True, "has_unpublished_changes": True},
    ),
    "draft": (_("Bozza"), {"live": False}),
    "request": (
        _("Richiesta di adesione da pubblicare"),
        {"live": False, "join_request__isnull": False},
    ),
}


class InnovatorFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Stato"),
        choices=[(key, label) for key, (label, _lookups) in PUBLICATION_STATES.items()],
        method="filter_status",
    )

    class Meta:
        model = Innovator
        fields = ["status", "sector", "municipality", "is_club_member", "kind"]

    def filter_status(self, queryset, name, value):
        return queryset.filter(**PUBLICATION_STATES[value][1])


class InnovatorViewSet(ReviewedSnippetViewSet):
    model = Innovator
    icon = "group"
    menu_label = _("Innovatori")
    index_view_class = InnovatorIndexView
    list_display = [
        "name",
        "sector",
        "municipality",
        YesNoColumn("is_club_member", label=_("Club")),
        LiveStatusTagColumn(label=_("Stato")),
        UpdatedAtColumn(),
    ]
    filterset_class = InnovatorFilterSet
    edit_handler = innovator_edit_handler()
    list_export = [
        "name",
        "slug",
        "kind",
        "sector",
        "municipality",
        "address",
        "latitude",
        "longitude",
        "website",
        "contact_email",
        "is_club_member",
        "joined_on",
        "year_founded",
        "live",
    ]
    export_filename = "innovatori"
    # Search goes through the model's index (Innovator.search_fields): the SQLite full-text
    # backend cannot restrict a search to the viewset's own `search_fields`.
    ordering = ["name"]
    list_per_page = 50
    copy_view_enabled = False


class SectorViewSet(SnippetViewSet):
    model = Sector
    icon = "tag"
    menu_label = _("Settori")
    chooser_viewset_class = SnippetChooserViewSet
    list_display = ["name", "slug", "color", "sort_order"]
    ordering = ["sort_order", "name"]
    sort_order_field = "sort_order"


class InnovatorsGroup(SnippetViewSetGroup):
    items = (
        InnovatorViewSet,
        SectorViewSet,
        area_admin.InnovatorPersonViewSet,
        synergies_admin.OfferViewSet,
        synergies_admin.OfferCategoryViewSet,
    )
    menu_icon = "site"
    menu_label = _("Mappa e club")
    menu_name = "innovators"


register_snippet(InnovatorsGroup)


@hooks.register("register_admin_urls")
def register_join_request_urls():
    """«Non pubblicare» of a join request, with the reason the applicant is sent."""
    return [
        path(
            "innovators/richieste/<int:pk>/non-pubblicare/",
            admin_views.decline,
            name="innovators_join_request_decline",
        )
    ]


@hooks.register("register_search_provider")
def register_search_provider():
    from innovators.search import provider

    return provider()


@hooks.register("register_search_provider")
def register_offers_search_provider():
    from innovators.synergies.search import provider

    return provider()


hooks.register("register_api_page_fields", api.page_fields)
hooks.register("register_api_endpoint", api.endpoint)
hooks.register("register_api_endpoint", synergies_api.endpoint)
hooks.register("register_personal_data", privacy.join_requests)
# The innovators' area (innovators/area/): removed profiles, its accounts, attached people.
hooks.register("register_personal_data", area_data.removed_profiles)
hooks.register("register_personal_data", area_data.area_accounts)
hooks.register("register_personal_data", area_data.people_records)
hooks.register("construct_homepage_panels", area_admin.add_dashboard_panel)
# Offers and needs (innovators/synergies/): the area's sections.
hooks.register("register_innovator_area_section", synergies_area.offers_section)
hooks.register("register_innovator_area_section", synergies_area.matches_section)


# What innovators need now (innovators/needs.py): a section of the area, the editors' report.
hooks.register("register_innovator_area_section", area_needs.section)


@hooks.register("register_admin_urls")
def register_needs_report_url():
    return [path("innovatori/bisogni/", needs_report.needs_report, name="innovators_needs")]


@hooks.register("register_admin_menu_item")
def register_needs_report_menu_item():
    class NeedsMenuItem(MenuItem):
        def is_shown(self, request):
            return needs_report.can_view(request.user)

    return NeedsMenuItem(
        _("Bisogni degli innovatori"), reverse("innovators_needs"), icon_name="help", order=253
    )
