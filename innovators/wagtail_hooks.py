"""The innovators' admin: a listing editors can work with, grouped under one menu."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from innovators.models import Innovator, Sector


class InnovatorViewSet(SnippetViewSet):
    model = Innovator
    icon = "group"
    menu_label = _("Innovatori")
    list_display = [
        "name",
        "sector",
        "municipality",
        BooleanColumn("is_club_member", label=_("Club")),
        UpdatedAtColumn(),
    ]
    list_filter = ["sector", "municipality", "is_club_member", "kind", "live"]
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
    list_display = ["name", "slug", "color", "sort_order"]
    ordering = ["sort_order", "name"]
    sort_order_field = "sort_order"


class InnovatorsGroup(SnippetViewSetGroup):
    items = (InnovatorViewSet, SectorViewSet)
    menu_icon = "site"
    menu_label = _("Mappa e club")
    menu_name = "innovators"


register_snippet(InnovatorsGroup)


@hooks.register("register_search_provider")
def register_search_provider():
    from innovators.search import provider

    return provider()
