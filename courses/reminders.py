"""Reminders the day before an event (`manage.py send_event_reminders`, run hourly).

Every confirmed registration to a live, not cancelled course or session starting within the
next `REMINDER_HOURS` gets one e-mail with the .ics, the place and the cancel link, unless it
was taken (or promoted from the waiting list) after that window opened: its confirmation
said it all a moment ago. Never twice: each registration is claimed by an atomic update of
`reminder_sent_at` before its e-mail is queued. The e-mail goes out as a background task, sent
again if the server refuses it (portal.notifications); if it cannot even be built or queued,
the claim is released and the next run tries again.
"""

import datetime
import logging
from dataclasses import dataclass

from django.utils import timezone

from . import emails
from .models import CoursePage, Registration, RegistrationStatus, SessionPage

logger = logging.getLogger(__name__)

REMINDER_HOURS = 24


@dataclass
class ReminderReport:
    sent: int = 0  # queued for sending
    failed: int = 0

    def __str__(self):
        return f"promemoria inviati: {self.sent}, non inviati: {self.failed}"


def due_registrations(now=None, hours: int = REMINDER_HOURS) -> list[Registration]:
    now = now or timezone.now()
    lead = datetime.timedelta(hours=hours)
    starts = {}
    for model in (CoursePage, SessionPage):
        events = model.objects.live().filter(cancelled=False, start__gt=now, start__lte=now + lead)
        starts.update(dict(events.values_list("pk", "start")))
    registrations = Registration.objects.filter(
        event_id__in=list(starts),
        status=RegistrationStatus.CONFIRMED,
        reminder_sent_at__isnull=True,
    ).order_by("pk")
    return [
        registration
        for registration in registrations
        if (registration.promoted_at or registration.created_at)
        <= starts[registration.event_id] - lead
    ]


def send_reminders(now=None, hours: int = REMINDER_HOURS, dry_run: bool = False) -> ReminderReport:
    report = ReminderReport()
    for registration in due_registrations(now, hours):
        if dry_run:
            report.sent += 1
            continue
        claimed = Registration.objects.filter(
            pk=registration.pk,
            status=RegistrationStatus.CONFIRMED,
            reminder_sent_at__isnull=True,
        ).update(reminder_sent_at=timezone.now())
        if not claimed:  # another run got it, or it was cancelled meanwhile
            continue
        try:
            emails.send_reminder(registration.pk)
        except Exception:
            logger.exception("Reminder not built for registration %s", registration.pk)
            Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
            report.failed += 1
            continue
        report.sent += 1
    return report
