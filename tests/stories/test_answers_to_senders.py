"""The sender of a story hears back once: published (with the link) or not (with the reason).

The moderator is `moderazione`, of the group Moderazione (not a superuser), and publishes
through the real «Revisione redazionale» workflow.
"""

import re

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, WorkflowState

import pytest

from stories.editorial import MODERATORS
from stories.models import StorySubmission, SubmissionStatus
from tests.html import parse

from .conftest import make_user
from .test_submission import URL, valid_data
from .test_workflow import approve_url


@pytest.fixture
def moderazione(db):
    return make_user("moderazione", MODERATORS)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the e-mails) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def sent(client, submission_page, django_capture_on_commit_callbacks):
    """One story sent through the public form; its receipt e-mails cleared."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, valid_data())
    mail.outbox.clear()
    return StorySubmission.objects.get()


def to_sender(submission):
    return [message for message in mail.outbox if message.to == [submission.email]]


def edit_url(submission):
    return f"/admin/storysubmission/edit/{submission.pk}/"


def test_publication_mails_the_link_once(client, sent, moderazione, committed):
    client.force_login(moderazione)
    with committed():
        response = client.post(approve_url(sent.story))
    assert response.status_code == 302
    story = sent.story
    story.refresh_from_db()
    assert story.live
    [message] = to_sender(sent)
    assert "pubblicata" in message.subject
    links = re.findall(r"https?://\S+", message.body)
    assert links == [story.get_full_url()]
    assert links[0].startswith("http") and links[0].endswith(f"/{story.slug}/")
    sent.refresh_from_db()
    assert sent.status == SubmissionStatus.PUBLISHED
    assert sent.published_notice_sent_at is not None

    # a later edit published again (as the moderator does from the editor) sends nothing
    mail.outbox.clear()
    with committed():
        revision = story.save_revision(user=moderazione)
        revision.publish(user=moderazione)
    assert to_sender(sent) == []


def test_decline_needs_a_reason_and_mails_it_once(client, sent, moderazione, committed):
    client.force_login(moderazione)
    with committed():
        response = client.post(edit_url(sent), {"status": "rejected", "decline_reason": " "})
    assert response.status_code == 200
    assert "Scrivi il motivo per non pubblicarla" in parse(response).get_text()
    sent.refresh_from_db()
    assert sent.status == SubmissionStatus.RECEIVED and sent.decline_reason == ""
    assert to_sender(sent) == []

    reason = "La storia è già stata raccontata nel numero di marzo."
    with committed():
        response = client.post(edit_url(sent), {"status": "rejected", "decline_reason": reason})
    assert response.status_code == 302
    [message] = to_sender(sent)
    assert "non sarà pubblicata" in message.subject
    assert reason in message.body
    sent.refresh_from_db()
    assert sent.status == SubmissionStatus.REJECTED and sent.decline_notice_sent_at
    # the draft leaves the moderators' queue
    assert not WorkflowState.objects.filter(
        object_id=str(sent.story_id), status__in=["in_progress", "needs_changes"]
    ).exists()

    # saving the submission again (a note, the reason reworded) sends nothing more
    mail.outbox.clear()
    with committed():
        client.post(
            edit_url(sent),
            {"status": "rejected", "decline_reason": reason + " Grazie.", "notes": "Fatto."},
        )
    assert to_sender(sent) == []


def test_a_rejected_review_without_reason_mails_nothing(client, sent, moderazione, committed):
    """«Richiedi modifiche» in the workflow marks it rejected; the sender hears only once a
    moderator writes the reason."""
    client.force_login(moderazione)
    state = WorkflowState.objects.get(object_id=str(sent.story_id), status="in_progress")
    reject = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[sent.story_id, "reject", state.current_task_state.pk],
    )
    with committed():
        client.post(reject, {"comment": "Mancano le foto."})
    sent.refresh_from_db()
    assert sent.status == SubmissionStatus.REJECTED
    assert to_sender(sent) == []
    with committed():
        client.post(edit_url(sent), {"status": "rejected", "decline_reason": "Fuori tema."})
    [message] = to_sender(sent)
    assert "Fuori tema." in message.body


def test_english_sender_is_answered_in_english(client, sent, moderazione, committed):
    english = Locale.objects.get_or_create(language_code="en")[0]
    type(sent.story).objects.filter(pk=sent.story_id).update(locale=english)
    client.force_login(moderazione)
    with committed():
        client.post(edit_url(sent), {"status": "rejected", "decline_reason": "Off topic."})
    [message] = to_sender(sent)
    assert "will not be published" in message.subject
    assert "Off topic." in message.body
