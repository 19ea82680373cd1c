"""Pieces of the admin's listings shared by the apps."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn


class YesNoColumn(BooleanColumn):
    """Wagtail's tick/cross column, read aloud as «Sì»/«No» rather than «True»/«False»."""

    cell_template_name = "portal/admin/yes_no_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        value = context["value"]
        context["label"] = _("non indicato") if value is None else (_("Sì") if value else _("No"))
        return context
