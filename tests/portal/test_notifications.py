"""A notice that cannot be sent is logged and kept, then sent again; never lost silently."""

import datetime
import logging

from django.core.mail import EmailMessage
from django.core.management import call_command
from django.utils import timezone

from portal.models import PendingNotice
from portal.models.notices import MAX_ATTEMPTS
from portal.notifications import Notice, deliver, send_notices


def test_a_bad_header_is_logged_and_kept(db, mailoutbox, caplog):
    message = EmailMessage(
        "Nuova richiesta", "Testo", None, ["moderatrice@example.org\nBcc: spia@example.org"]
    )
    with caplog.at_level(logging.ERROR, logger="portal.notifications"):
        assert deliver(message) is False
    assert mailoutbox == []
    notice = PendingNotice.objects.get()
    assert "BadHeaderError" in notice.last_error
    assert notice.recipients == ["moderatrice@example.org\nBcc: spia@example.org"]
    assert f"pending notice {notice.pk}" in caplog.text
    # It keeps failing: retried up to MAX_ATTEMPTS, then kept and reported.
    for _ in range(MAX_ATTEMPTS + 2):
        call_command("send_pending_notices")
    notice.refresh_from_db()
    assert notice.attempts == MAX_ATTEMPTS and notice.given_up
    assert mailoutbox == []
    # Kept (and reported) for the retention period, then deleted.
    PendingNotice.objects.update(created_at=timezone.now() - datetime.timedelta(days=366))
    call_command("send_pending_notices")
    assert not PendingNotice.objects.exists()


def test_a_subject_with_a_line_break_is_sent_on_one_line(db, mailoutbox):
    send_notices(
        [
            Notice(
                "Nuova richiesta: Officina\r\nBcc: x",
                "innovators/email/join_request_applicant.txt",
                ["a@example.org"],
            )
        ],
        {"innovator": None, "edit_url": ""},
    )
    (message,) = mailoutbox
    assert message.subject == "Nuova richiesta: Officina Bcc: x"
    assert not PendingNotice.objects.exists()
