"""«Attività in background» as the roles see it: moderazione sees the failed e-mail and runs it
again; redazione and accoglienza do not see the queue (it holds e-mails and their
recipients)."""

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse

import pytest
from django_tasks import TaskResultStatus

from portal.models import BackgroundTask
from portal.notifications import deliver


@pytest.fixture
def failed_email(demo_users, settings):
    """An e-mail queued in the database whose sending failed (as the worker records it)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    deliver(EmailMessage("Conferma iscrizione", "Testo", None, ["anna@example.org"]))
    task = BackgroundTask.objects.get(task_path="portal.tasks.send_email")
    task.set_failed(ConnectionRefusedError("SMTP non raggiungibile"))
    return task


def test_moderazione_sees_a_failed_email_and_runs_it_again(as_moderazione, failed_email):
    index = as_moderazione.get(reverse("backgroundtask:index"))
    assert index.status_code == 200
    text = index.content.decode()
    assert "Conferma iscrizione" in text and "Non riuscita" in text and "1 di 5" in text
    retry_url = reverse("backgroundtask:retry", args=[failed_email.pk])
    assert retry_url in text  # «Riprova» among the row's actions
    confirm = as_moderazione.get(retry_url)
    assert confirm.status_code == 200 and "Sì, riprova" in confirm.content.decode()

    response = as_moderazione.post(retry_url)
    assert response.status_code == 302
    (queued,) = BackgroundTask.objects.filter(task_path="portal.tasks.send_email")
    assert queued.pk != failed_email.pk and queued.status == TaskResultStatus.READY
    assert queued.args_kwargs["args"][0]["to"] == ["anna@example.org"]


def test_a_task_that_did_not_fail_cannot_be_run_again(as_moderazione, failed_email):
    failed_email.set_successful(None)
    retry_url = reverse("backgroundtask:retry", args=[failed_email.pk])
    assert as_moderazione.post(retry_url).status_code == 404


def test_nobody_adds_or_edits_a_task_by_hand(as_moderazione, failed_email):
    text = as_moderazione.get(reverse("backgroundtask:index")).content.decode()
    assert reverse("backgroundtask:add") not in text
    assert as_moderazione.get(reverse("backgroundtask:add")).status_code in (302, 403)
    edit = reverse("backgroundtask:edit", args=[failed_email.pk])
    assert as_moderazione.get(edit).status_code in (302, 403)


@pytest.mark.parametrize("role", ["redazione", "accoglienza"])
def test_redazione_and_accoglienza_do_not_see_the_queue(client, role, failed_email):
    client.force_login(get_user_model().objects.get(username=role))
    response = client.get(reverse("backgroundtask:index"))
    assert response.status_code in (302, 403)
    retry = client.post(reverse("backgroundtask:retry", args=[failed_email.pk]))
    assert retry.status_code in (302, 403)
    assert BackgroundTask.objects.get(pk=failed_email.pk).status == TaskResultStatus.FAILED
