"""E-mails to registered people: confirmation (with the .ics), waiting list, promotion, reminder,
cancellation, "already registered" (a second registration of the same address), and after the
event the link to its questionnaire (`courses.feedback`).

Each function takes a registration's id: they run after the transaction that changed it commits.
Each e-mail is sent in the background, again if it fails (`portal.notifications.deliver`).
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from portal.links import absolute_url
from portal.notifications import deliver

from .feedback import links as feedback_links
from .models.registrations import Registration


def _context(registration: Registration) -> dict:
    from .calendar import google_calendar_url, outlook_calendar_url

    event = registration.reader_event
    url = absolute_url(event)
    return {
        "registration": registration,
        "event": event,
        "event_url": url,
        "confirmation_url": url + event.reverse_subpage("confirmation", args=(registration.token,)),
        "cancellation_url": url + event.reverse_subpage("cancellation", args=(registration.token,)),
        "ics_url": url + event.ICS_FILE,
        "google_url": google_calendar_url(event),
        "outlook_url": outlook_calendar_url(event),
    }


def _send(registration_id: int, template: str, with_calendar: bool, **extra) -> None:
    from .calendar import build_calendar

    registration = Registration.objects.select_related("event").get(pk=registration_id)
    language = registration.reader_event.locale.language_code
    with translation.override(language):
        context = {**_context(registration), **{key: make() for key, make in extra.items()}}
        message = EmailMessage(
            subject=render_to_string(template.format(part="subject"), context).strip(),
            body=render_to_string(template.format(part="body"), context),
            to=[registration.email],
            reply_to=[context["event"].contact_email] if context["event"].contact_email else None,
        )
        if with_calendar and registration.is_confirmed:
            ics = build_calendar([context["event"]]).to_ical()
            message.attach(f"{context['event'].slug}.ics", ics, "text/calendar")
        deliver(message)


def send_registration(registration_id: int) -> None:
    """Confirmation of a seat, or of a place on the waiting list."""
    _send(registration_id, "courses/emails/registration_{part}.txt", with_calendar=True)


def send_promotion(registration_id: int) -> None:
    """A seat freed up: the first person on the waiting list is now confirmed."""
    _send(registration_id, "courses/emails/promotion_{part}.txt", with_calendar=True)


def send_reminder(registration_id: int) -> None:
    """The day before: when, where, the .ics and the cancel link (see `courses.reminders`)."""
    _send(registration_id, "courses/emails/reminder_{part}.txt", with_calendar=True)


def send_already_registered(registration_id: int | None) -> None:
    """Someone registered this address again: its owner is told, nothing changes."""
    if registration_id is not None:
        _send(registration_id, "courses/emails/already_registered_{part}.txt", with_calendar=False)


def send_cancellation(registration_id: int) -> None:
    _send(registration_id, "courses/emails/cancellation_{part}.txt", with_calendar=False)


def send_feedback_request(registration_id: int) -> None:
    """After the event, to a participant checked in: the questionnaire's one-answer link."""
    _send(
        registration_id,
        "courses/emails/feedback_request_{part}.txt",
        with_calendar=False,
        feedback_url=lambda: feedback_links.questionnaire_url(registration_id),
        feedback_days=feedback_links.link_days,
    )
