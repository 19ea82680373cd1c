"""Admin views of the portal itself (not of a content app)."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def editors_guide(request):
    """The Italian guide for editors, moderators and the events desk (any admin user)."""
    return TemplateResponse(
        request, "portal/admin/editors_guide.html", {"header_title": _("Guida per la redazione")}
    )
