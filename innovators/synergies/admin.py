"""Offers and needs in the admin: Moderazione finds those waiting in «In attesa della tua
revisione» (Wagtail's workflow) and in this listing, filtered by state, kind and category;
editors add categories."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import LiveStatusTagColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from innovators.synergies.models import Offer, OfferCategory
from portal.workflow_actions import ReviewedSnippetViewSet


def _states():
    today = timezone.localdate()
    return {
        "waiting": (
            _("In attesa di revisione"),
            Q(workflow_states__status="in_progress", withdrawn_at__isnull=True),
        ),
        "current": (
            _("Pubblicata"),
            Q(live=True, withdrawn_at__isnull=True, ends_on__gte=today),
        ),
        "lapsed": (_("Scaduta"), Q(live=True, withdrawn_at__isnull=True, ends_on__lt=today)),
        "withdrawn": (_("Ritirata"), Q(withdrawn_at__isnull=False)),
    }


STATE_LABELS = [(key, label) for key, (label, _q) in _states().items()]


class OfferFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Stato"), choices=STATE_LABELS, method="filter_state"
    )

    class Meta:
        model = Offer
        fields = ["state", "kind", "category"]

    def filter_state(self, queryset, name, value):
        return queryset.filter(_states()[value][1]).distinct()


class OfferViewSet(ReviewedSnippetViewSet):
    model = Offer
    icon = "pick"
    menu_label = _("Offro e cerco")
    add_to_admin_menu = False
    list_display = [
        "title",
        "kind",
        "category",
        "innovator",
        "ends_on",
        LiveStatusTagColumn(label=_("Stato")),
        UpdatedAtColumn(),
    ]
    filterset_class = OfferFilterSet
    list_export = ["title", "kind", "category", "innovator", "text", "ends_on", "live"]
    export_filename = "offerte-e-richieste"
    ordering = ["-created_at"]
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = True


class OfferCategoryViewSet(SnippetViewSet):
    model = OfferCategory
    icon = "tag"
    menu_label = _("Categorie di offerte e richieste")
    list_display = ["name", "name_en", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    sort_order_field = "sort_order"
