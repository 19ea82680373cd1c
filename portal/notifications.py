"""E-mails that public forms send once a submission is saved: moderators told, sender thanked.

A failed e-mail never undoes what was saved and is never lost: it is logged and kept as a
`PendingNotice`, which `manage.py send_pending_notices` (cron, every few minutes) sends again,
up to `MAX_ATTEMPTS` times; the ones it gave up on are deleted after
`PERSONAL_DATA_RETENTION_DAYS`. Subjects are forced onto one line (a header cannot hold one).
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from portal import links
from portal.forms.text import one_line
from portal.models.notices import MAX_ATTEMPTS, PendingNotice

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    subject: str
    template: str
    recipients: list[str]


def admin_url(viewname: str, *args) -> str:
    """An absolute link into the Wagtail admin, for e-mails (`portal.links`)."""
    return links.admin_url(viewname, *args)


def deliver(message: EmailMessage) -> bool:
    """Send `message`; if that fails, log it and keep it to send again. True if sent."""
    message.subject = one_line(str(message.subject))
    try:
        message.send()
    except Exception as error:  # SMTP down, a bad header…: what was saved stays saved
        notice = PendingNotice.keep(message, error)
        logger.exception(
            "E-mail %r to %s not sent; kept as pending notice %s",
            message.subject,
            message.to,
            notice.pk,
        )
        return False
    return True


def send_notices(notices: list[Notice], context: dict) -> None:
    for notice in notices:
        if not notice.recipients:
            continue
        body = render_to_string(notice.template, context)
        deliver(EmailMessage(notice.subject, body, None, notice.recipients))


def send_pending() -> tuple[int, int]:
    """Try every pending notice again: (sent, still pending). Sent ones are deleted, and so
    are the ones given up on longer ago than the personal-data retention."""
    days = getattr(settings, "PERSONAL_DATA_RETENTION_DAYS", 365)
    PendingNotice.objects.filter(
        attempts__gte=MAX_ATTEMPTS, created_at__lt=timezone.now() - datetime.timedelta(days=days)
    ).delete()
    sent = failed = 0
    for notice in PendingNotice.objects.filter(attempts__lt=MAX_ATTEMPTS):
        try:
            notice.message().send()
        except Exception as error:
            notice.attempts += 1
            notice.last_error = repr(error)[:2000]
            notice.save(update_fields=["attempts", "last_error"])
            level = logging.ERROR if notice.given_up else logging.WARNING
            logger.log(
                level,
                "Pending notice %s (%r) failed again, attempt %s of %s",
                notice.pk,
                notice.subject,
                notice.attempts,
                MAX_ATTEMPTS,
            )
            failed += 1
        else:
            notice.delete()
            sent += 1
    return sent, failed
