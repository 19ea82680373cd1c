"""The one background-task mechanism (portal.tasks) on the production backend: the database
queue and the real worker (`manage.py db_worker`), as `make run` and production run them."""

import datetime
import logging
import socket

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.management import call_command
from django.utils import timezone

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.notifications import Notice, deliver, send_notices
from portal.tasks import MAX_ATTEMPTS, message_from_data, message_to_data, retry_delay


def run_worker():
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def emails():
    """The queue's e-mail tasks (Wagtail queues its own tasks too, such as reference updates)."""
    return DBTaskResult.objects.filter(task_path="portal.tasks.send_email").order_by("enqueued_at")


def make_due():
    """Bring the retries' time forward, as if their pause had passed."""
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_an_email_leaves_the_request_and_the_worker_sends_it(task_queue, mailoutbox):
    assert deliver(EmailMessage("Benvenuti", "Testo", None, ["a@example.org"])) is True
    assert mailoutbox == []  # queued, not sent in the request
    assert emails().get().status == TaskResultStatus.READY
    run_worker()
    (message,) = mailoutbox
    assert (message.subject, message.to) == ("Benvenuti", ["a@example.org"])
    assert emails().get().status == TaskResultStatus.SUCCESSFUL


def test_a_mail_server_outage_loses_nothing(task_queue, settings, mailoutbox, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    send_notices(
        [
            Notice(
                "Nuova richiesta", "innovators/email/join_request_applicant.txt", ["a@example.org"]
            )
        ],
        {"innovator": None, "edit_url": ""},
    )
    with caplog.at_level(logging.ERROR, logger="portal.tasks"):
        run_worker()
    failed, retry = emails()
    assert failed.status == TaskResultStatus.FAILED and "ConnectionRefusedError" in failed.traceback
    assert retry.status == TaskResultStatus.READY and retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now()  # after a pause, not at once
    assert "failed (attempt 1 of 5)" in caplog.text
    run_worker()
    assert mailoutbox == [] and emails().count() == 2  # the retry waits its turn

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    make_due()
    run_worker()
    (message,) = mailoutbox
    assert message.subject == "Nuova richiesta" and message.to == ["a@example.org"]


def test_a_task_that_keeps_failing_stops_after_the_last_attempt(task_queue):
    message = EmailMessage("Oggetto", "Testo", None, ["a@example.org\nBcc: spia@example.org"])
    deliver(message)  # a header injection: refused by Django at every attempt
    for _attempt in range(MAX_ATTEMPTS + 2):
        make_due()
        run_worker()
    results = emails()
    assert [result.status for result in results] == [TaskResultStatus.FAILED] * MAX_ATTEMPTS
    assert {result.args_kwargs["kwargs"].get("attempt", 1) for result in results} == set(
        range(1, MAX_ATTEMPTS + 1)
    )
    assert all("BadHeaderError" in result.exception_class_path for result in results)


def test_the_pauses_between_attempts_grow():
    delays = [retry_delay(attempt) for attempt in range(1, MAX_ATTEMPTS + 2)]
    assert delays == sorted(delays) and delays[0] == datetime.timedelta(minutes=1)


def test_a_queued_email_keeps_its_alternatives_attachments_and_headers():
    message = EmailMultiAlternatives(
        "Promemoria",
        "Testo",
        "Pistoia2030 <noreply@example.org>",
        ["a@example.org"],
        reply_to=["info@example.org"],
        headers={"List-Unsubscribe": "<https://x.example/u>"},
    )
    message.attach_alternative("<p>Testo</p>", "text/html")
    message.attach("evento.ics", b"BEGIN:VCALENDAR", "text/calendar")
    again = message_from_data(message_to_data(message))
    assert again.message().as_bytes().count(b"BEGIN:VCALENDAR") == 1
    assert (again.subject, again.from_email, again.to, again.reply_to) == (
        "Promemoria",
        "Pistoia2030 <noreply@example.org>",
        ["a@example.org"],
        ["info@example.org"],
    )
    assert again.alternatives[0][0] == "<p>Testo</p>"
    assert again.extra_headers["List-Unsubscribe"] == "<https://x.example/u>"


def test_in_the_tests_a_task_runs_at_once_and_a_failure_is_reported(db, mailoutbox, caplog):
    bad = EmailMessage("Nuova richiesta", "Testo", None, ["m@example.org\nBcc: spia@example.org"])
    with caplog.at_level(logging.ERROR, logger="portal.tasks"):
        assert deliver(bad) is False
    assert mailoutbox == [] and "BadHeaderError" in caplog.text
    send_notices(
        [
            Notice(
                "Nuova\r\nBcc: x", "innovators/email/join_request_applicant.txt", ["a@example.org"]
            )
        ],
        {"innovator": None, "edit_url": ""},
    )
    assert mailoutbox[0].subject == "Nuova Bcc: x"  # one line


def test_finished_tasks_are_purged_with_the_personal_data(task_queue, mailoutbox, capsys):
    for subject in ("Vecchia", "Recente", "Fallita"):
        deliver(EmailMessage(subject, "Testo", None, ["a@example.org"]))
    run_worker()
    old, recent, failed = (
        emails().get(args_kwargs__args__0__subject=subject)
        for subject in ("Vecchia", "Recente", "Fallita")
    )
    failed.set_failed(ConnectionRefusedError("SMTP giù"))
    DBTaskResult.objects.filter(pk__in=[old.pk, failed.pk]).update(
        finished_at=timezone.now() - datetime.timedelta(days=30)
    )
    call_command("purge_personal_data", "--days", "365")
    assert "attività in background concluse eliminate: 1" in capsys.readouterr().out
    # The old success goes; a recent one stays a week; a failure stays for the retention.
    assert set(emails().values_list("pk", flat=True)) == {recent.pk, failed.pk}
