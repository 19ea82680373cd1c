"""Admin panels of the event pages."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from . import desk


class RegistrationCountsPanel(Panel):
    """The event's registrations (confirmed, waiting, cancelled), linking to the full list."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/registration_counts_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            event = self.instance
            context["counts"] = event.registration_counts() if event.pk else None
            context["capacity"] = event.capacity
            user = self.request.user
            if event.pk:
                # Registrations from every language belong to the original page; only the
                # buttons that lead somewhere this user may go (courses/desk.py).
                seats_page = event.seats_page_id
                listing = reverse("wagtailsnippets_courses_registration:list")
                if desk.can_view(user):
                    context["list_url"] = f"{listing}?event={seats_page}"
                if desk.can_export(user):
                    context["export_url"] = f"{listing}?event={seats_page}&export=csv"
                if desk.can_check_in(user):
                    context["checkin_url"] = f"{reverse('courses_checkin')}?event={seats_page}"
            return context

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Iscrizioni"))
        super().__init__(*args, **kwargs)
