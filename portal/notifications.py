"""E-mails that public forms send once a submission is saved: moderators told, sender thanked.

A failed e-mail is logged and never undoes what was saved.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    subject: str
    template: str
    recipients: list[str]


def admin_url(viewname: str, *args) -> str:
    """An absolute link into the Wagtail admin, for e-mails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(viewname, args=args)


def send_notices(notices: list[Notice], context: dict) -> None:
    for notice in notices:
        if not notice.recipients:
            continue
        try:
            body = render_to_string(notice.template, context)
            send_mail(notice.subject, body, None, notice.recipients)
        except Exception:  # the submission is saved: log and go on
            logger.exception("E-mail %r not sent to %s", notice.subject, notice.recipients)
