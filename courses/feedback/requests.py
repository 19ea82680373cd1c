"""Asking, once (`manage.py send_feedback_requests`, daily): every participant checked in at a
live course or session that ended in the last `FEEDBACK_REQUEST_DAYS` (default 7) gets one
e-mail with the questionnaire's link, in the language they registered in.

Only people marked present at the door (`attended_at`): someone who did not come gets nothing.
Never twice: each registration is claimed by an atomic update of `feedback_requested_at` before
its e-mail is queued (as `courses.reminders` does), so a second run, or two at once, send
nothing more; if the e-mail cannot even be built or queued, the claim is released for the next
run. The e-mail itself goes through `portal.notifications` (retried in the background).
Each run also deletes the marks of used links that have expired (`FeedbackLinkUse`).
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from .. import emails
from ..models import CoursePage, FeedbackLinkUse, Registration, SessionPage

logger = logging.getLogger(__name__)


def request_days() -> int:
    return getattr(settings, "FEEDBACK_REQUEST_DAYS", 7)


@dataclass
class FeedbackRequestReport:
    sent: int = 0  # queued for sending
    failed: int = 0
    expired: int = 0  # marks of used links deleted

    def __str__(self):
        return (
            f"questionari inviati: {self.sent}, non inviati: {self.failed}, "
            f"collegamenti scaduti eliminati: {self.expired}"
        )


def due_registrations(now=None, days: int | None = None):
    """Present, not yet asked, at an event that ended between `days` ago and `now`."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=request_days() if days is None else days)
    ended = []
    for model in (CoursePage, SessionPage):
        events = model.objects.live().filter(cancelled=False, end__gt=since, end__lte=now)
        ended += list(events.values_list("translation_key", flat=True))
    return Registration.objects.filter(
        event__translation_key__in=ended,
        attended_at__isnull=False,
        feedback_requested_at__isnull=True,
    ).order_by("pk")


def send_feedback_requests(now=None, days=None, dry_run: bool = False) -> FeedbackRequestReport:
    report = FeedbackRequestReport()
    expired = FeedbackLinkUse.objects.filter(expires_on__lt=timezone.localdate())
    report.expired = expired.count() if dry_run else expired.delete()[0]
    for registration_id in due_registrations(now, days).values_list("pk", flat=True):
        if dry_run:
            report.sent += 1
            continue
        claimed = Registration.objects.filter(
            pk=registration_id, feedback_requested_at__isnull=True
        ).update(feedback_requested_at=timezone.now())
        if not claimed:  # another run got it
            continue
        try:
            emails.send_feedback_request(registration_id)
        except Exception:
            logger.exception("Feedback request not built for registration %s", registration_id)
            Registration.objects.filter(pk=registration_id).update(feedback_requested_at=None)
            report.failed += 1
            continue
        report.sent += 1
    return report
