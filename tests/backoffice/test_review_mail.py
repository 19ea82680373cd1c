"""Each moderator gets one e-mail per request from the public, not Wagtail's notice and ours:
the form's own, in Italian, with the link to the draft (portal/review_mail.py). A review an
editor starts keeps Wagtail's notice."""

from collections import Counter

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest

from innovators.models import Innovator
from stories.models import StoryPage
from tests.production.conftest import JOIN_URL, SUBMISSION_URL, join_data, submission_data


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("capo", "capo@example.org", "x")


def messages_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def test_a_join_request_reaches_each_moderator_once(client, site, demo_users, admin_user):
    moderazione, redazione = demo_users["moderazione"], demo_users["redazione"]
    mail.outbox.clear()
    response = client.post(JOIN_URL, join_data(site))
    assert response.status_code == 302
    innovator = Innovator.objects.get(name="Officina Nuova")

    recipients = Counter(address for message in mail.outbox for address in message.to)
    assert recipients == {
        moderazione.email: 1,
        admin_user.email: 1,
        "ciao@officinanuova.example.org": 1,
    }
    assert not messages_to(redazione.email)
    [notice] = messages_to(moderazione.email)
    assert notice.subject == "Nuova richiesta di adesione: Officina Nuova"
    assert "È arrivata una nuova richiesta di adesione" in notice.body
    edit_url = reverse("wagtailsnippets_innovators_innovator:edit", args=[innovator.pk])
    assert f"http://testserver{edit_url}" in notice.body
    assert innovator.workflow_states.get().status == "in_progress"  # still in the queue


def test_a_story_from_the_public_reaches_each_moderator_once(client, site, demo_users):
    moderazione = demo_users["moderazione"]
    mail.outbox.clear()
    assert client.post(SUBMISSION_URL, submission_data()).status_code == 302
    story = StoryPage.objects.get(title="I sensori che fanno risparmiare acqua")

    [notice] = messages_to(moderazione.email)
    assert notice.subject == "Nuova storia da revisionare: I sensori che fanno risparmiare acqua"
    assert reverse("wagtailadmin_pages:edit", args=[story.pk]) in notice.body
    assert len(mail.outbox) == 2  # and the sender's thanks


def test_a_review_an_editor_starts_keeps_wagtails_notice(site, demo_users):
    moderazione, redazione = demo_users["moderazione"], demo_users["redazione"]
    story = site["story"]
    story.save_revision(user=redazione)
    mail.outbox.clear()
    story.get_workflow().start(story, user=redazione)
    [notice] = mail.outbox
    assert notice.to == [moderazione.email]
    assert story.title in notice.subject
