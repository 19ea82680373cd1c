"""E-mails that public forms send once a submission is saved: moderators told, sender thanked.

Every e-mail leaves the request as a background task (`portal.tasks.send_email`): a slow or
absent mail server never holds a reader, a failed e-mail never undoes what was saved and is
never lost — the task is recorded as failed and queued again, up to `portal.tasks.MAX_ATTEMPTS`
times, and moderators see it in the admin («Attività in background»). Subjects are forced onto
one line (a header cannot hold one).
"""

import logging
from dataclasses import dataclass

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from django_tasks import TaskResultStatus

from portal.forms.text import one_line
from portal.tasks import message_to_data, send_email

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    subject: str
    template: str
    recipients: list[str]


def claim(rows, field: str) -> bool:
    """Stamp `field` with the time on `rows` (one row) if it is empty: True for the one caller
    that stamped it, so the e-mail the stamp stands for goes once however many race for it."""
    return rows.filter(**{f"{field}__isnull": True}).update(**{field: timezone.now()}) == 1


def deliver(message: EmailMessage) -> bool:
    """Queue `message` to be sent in the background. False if it could not even be queued
    (logged), or, where tasks run at once (the tests), if sending it failed."""
    message.subject = one_line(str(message.subject))
    try:
        result = send_email.enqueue(message_to_data(message))
    except Exception:  # the queue's database is down: what was saved stays saved
        logger.exception("E-mail %r to %s not queued", message.subject, message.to)
        return False
    return result.status != TaskResultStatus.FAILED


def send_notices(notices: list[Notice], context: dict) -> None:
    for notice in notices:
        if not notice.recipients:
            continue
        body = render_to_string(notice.template, context)
        deliver(EmailMessage(notice.subject, body, None, notice.recipients))
