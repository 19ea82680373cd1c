"""Pieces of the admin's listings and exports shared by the apps."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn


def yes_no(value: bool) -> str:
    """«Sì» or «No» in the active language: a yes/no cell of a CSV or XLSX export."""
    return gettext("Sì") if value else gettext("No")


class YesNoColumn(BooleanColumn):
    """Wagtail's tick/cross column, read aloud as «Sì»/«No» rather than «True»/«False»."""

    cell_template_name = "portal/admin/yes_no_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = context["value"]
        context["label"] = _("non indicato") if value is None else yes_no(value)
        return context
