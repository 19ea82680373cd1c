"""The registrations' spreadsheet, in Italian: status in words, Sì/No, local time (Europe/Rome).

One function builds a row (`registration_row`), so a guard against spreadsheet formulas or
other cleaning of the values has one place to go.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy

from portal.admin_ui import yes_no

# Column → heading, in the spreadsheet's order.
COLUMNS = {
    "event": gettext_lazy("Evento"),
    "locale": gettext_lazy("Lingua"),
    "code": gettext_lazy("Codice"),
    "status": gettext_lazy("Stato"),
    "name": gettext_lazy("Nome e cognome"),
    "email": gettext_lazy("E-mail"),
    "organisation": gettext_lazy("Organizzazione"),
    "needs": gettext_lazy("Esigenze"),
    "consent": gettext_lazy("Consenso"),
    "created_at": gettext_lazy("Iscritto il"),
    "promoted_at": gettext_lazy("Promosso il"),
    "cancelled_at": gettext_lazy("Annullata il"),
    "attended_at": gettext_lazy("Presente il"),
}
DATETIME_FORMAT = "%d/%m/%Y %H:%M"


def local_datetime(value) -> str:
    """A moment as the desk reads it: local time (the project's TIME_ZONE), or empty."""
    return timezone.localtime(value).strftime(DATETIME_FORMAT) if value else ""


def registration_row(registration) -> dict[str, str]:
    """One registration as a row of text, keyed by the names in `COLUMNS`."""
    return {
        "event": registration.event.title,
        "locale": registration.locale.get_display_name() if registration.locale_id else "",
        "code": registration.code,
        "status": str(registration.get_status_display()),
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation,
        "needs": registration.needs,
        "consent": yes_no(registration.consent),
        "created_at": local_datetime(registration.created_at),
        "promoted_at": local_datetime(registration.promoted_at),
        "cancelled_at": local_datetime(registration.cancelled_at),
        "attended_at": local_datetime(registration.attended_at),
    }
