"""The day-before reminder: once per confirmed registration, with the .ics, the place and the
cancel link that frees the seat."""

import datetime
import re

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from courses.factories import CoursePageFactory, RegistrationFactory, SessionPageFactory
from courses.models import Registration, RegistrationStatus
from courses.reminders import send_reminders

pytestmark = pytest.mark.django_db


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


@pytest.fixture
def tomorrow(course_index):
    start = timezone.now() + datetime.timedelta(hours=20)
    return CoursePageFactory(parent=course_index, title="Design thinking", start=start, capacity=2)


def registration(event, **fields):
    made = RegistrationFactory(event=event, **fields)
    Registration.objects.filter(pk=made.pk).update(created_at=fields.get("created_at", ago(days=3)))
    return Registration.objects.get(pk=made.pk)


def test_reminders_go_once_to_confirmed_participants(client, tomorrow, course_index, session_index):
    confirmed = registration(tomorrow, email="anna@example.org")
    registration(tomorrow, email="attesa@example.org", status=RegistrationStatus.WAITING)
    registration(tomorrow, email="annullata@example.org", status=RegistrationStatus.CANCELLED)
    registration(tomorrow, email="ultima-ora@example.org", created_at=ago(hours=1))
    later = CoursePageFactory(
        parent=course_index, start=timezone.now() + datetime.timedelta(days=3)
    )
    registration(later, email="tra-tre-giorni@example.org")
    cancelled = SessionPageFactory(
        parent=session_index, start=timezone.now() + datetime.timedelta(hours=5), cancelled=True
    )
    registration(cancelled, email="sessione-annullata@example.org")

    call_command("send_event_reminders")
    call_command("send_event_reminders")
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]
    message = mail.outbox[0]
    assert "Design thinking" in message.subject
    assert "Palazzo Pretorio" in message.body
    _name, ics, mimetype = message.attachments[0]
    assert mimetype == "text/calendar" and "BEGIN:VEVENT" in str(ics)
    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at is not None

    # The cancel link in the reminder frees the seat and promotes the waiting list, as today.
    cancel_path = re.search(r"https?://[^/\s]+(/\S*/annulla/\S+)", message.body).group(1)
    assert client.post(cancel_path).status_code == 200
    assert (
        Registration.objects.get(email="attesa@example.org").status == RegistrationStatus.CONFIRMED
    )


def test_a_refused_reminder_is_sent_again_by_the_worker_once(task_queue, tomorrow, settings):
    from tests.newsletter.backends import BreakingBackend
    from tests.portal.test_tasks import make_due, run_worker

    registration(tomorrow)
    settings.EMAIL_BACKEND = "tests.newsletter.backends.BreakingBackend"
    BreakingBackend.limit, BreakingBackend.refused = 0, set()
    assert send_reminders().sent == 1  # queued
    run_worker()  # the server drops the line: queued again for later
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_reminders().sent == 0  # claimed: the queued retry carries it
    make_due()
    run_worker()
    run_worker()
    assert len(mail.outbox) == 1
    assert "Design thinking" in mail.outbox[0].subject
