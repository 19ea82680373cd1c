"""The applicant of a join request hears back once: approved (with the link to sign in to the
innovators' area) or declined (with the moderators' reason).

The moderator is `moderazione`, of the group Moderazione (not a superuser), and approves
through the real «Revisione redazionale» workflow.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, WorkflowState

import pytest

from innovators.models import Innovator, JoinRequest
from tests.html import parse

from .test_join import URL

EDIT = "wagtailsnippets_innovators_innovator:edit"
APPLICANT = "ciao@officinanuova.example.org"


def member_of(group: str, username: str):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def moderazione(db):
    return member_of("Moderazione", "moderazione")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the e-mails) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def requested(client, club_page, data, committed):
    """A join request sent through the public form; its receipt e-mails cleared."""
    with committed():
        assert client.post(URL, data).status_code == 302
    mail.outbox.clear()
    return Innovator.objects.get(name="Officina Nuova")


def to_applicant():
    return [message for message in mail.outbox if message.to == [APPLICANT]]


def in_review(innovator):
    return WorkflowState.objects.filter(
        object_id=str(innovator.pk), status__in=["in_progress", "needs_changes"]
    ).exists()


def decline_url(innovator):
    return reverse("innovators_join_request_decline", args=[innovator.join_request.pk])


def approve(client, innovator, moderator, committed):
    """The moderator approves the innovator's first publication through the workflow."""
    state = WorkflowState.objects.get(object_id=str(innovator.pk), status="in_progress")
    action = reverse(
        "wagtailsnippets_innovators_innovator:workflow_action",
        args=[innovator.pk, "approve", state.current_task_state.pk],
    )
    client.force_login(moderator)
    with committed():
        assert client.post(action).status_code in (200, 302)
    innovator.refresh_from_db()
    assert innovator.live


def test_approval_mails_the_sign_in_link_once(client, requested, moderazione, committed):
    approve(client, requested, moderazione, committed)
    [message] = to_applicant()
    assert "pubblicato" in message.subject
    links = re.findall(r"https?://\S+", message.body)
    assert len(links) == 1
    assert links[0].startswith("http") and links[0].endswith("/area-innovatori/accedi/")
    assert requested.join_request.approval_sent_at is not None

    # the moderators publish a later edit of the profile: nothing is sent again
    mail.outbox.clear()
    with committed():
        requested.save_revision(user=moderazione).publish(user=moderazione)
    assert to_applicant() == []


def test_decline_needs_a_reason_and_mails_it_once(client, requested, moderazione, committed):
    client.force_login(moderazione)
    edit = parse(client.get(reverse(EDIT, args=[requested.pk])))
    link = edit.select_one("[data-join-request-decline-link]")
    assert link["href"] == decline_url(requested)
    assert client.get(link["href"]).status_code == 200

    with committed():
        response = client.post(decline_url(requested), {"reason": "   "})
    assert response.status_code == 400
    assert "Scrivi il motivo per non pubblicarla" in parse(response).get_text()
    join_request = JoinRequest.objects.get(innovator=requested)
    assert (join_request.declined_at, join_request.decline_reason) == (None, "")
    assert in_review(requested) and to_applicant() == []

    reason = "Il profilo non riguarda il territorio della provincia di Pistoia."
    with committed():
        response = client.post(decline_url(requested), {"reason": reason})
    assert response.status_code == 302
    assert response["Location"] == reverse(EDIT, args=[requested.pk])
    [message] = to_applicant()
    assert "non è stata accolta" in message.subject
    assert reason in message.body
    join_request.refresh_from_db()
    assert join_request.decline_reason == reason and join_request.decline_sent_at
    assert not in_review(requested)
    requested.refresh_from_db()
    assert not requested.live

    edit = parse(client.get(reverse(EDIT, args=[requested.pk])))
    assert reason in edit.select_one("[data-join-request-declined]").get_text()
    assert edit.select_one("[data-join-request-decline-link]") is None
    mail.outbox.clear()
    with committed():
        client.post(decline_url(requested), {"reason": "Ancora."})
    assert to_applicant() == []
    join_request.refresh_from_db()
    assert join_request.decline_reason == reason


def test_redazione_cannot_decline(client, requested):
    client.force_login(member_of("Redazione", "redazione"))
    # Wagtail's admin answers a PermissionDenied with a redirect to the dashboard
    for response in (
        client.get(decline_url(requested)),
        client.post(decline_url(requested), {"reason": "No."}),
    ):
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert JoinRequest.objects.get(innovator=requested).declined_at is None
    edit = parse(client.get(reverse(EDIT, args=[requested.pk])))
    assert edit.select_one("[data-join-request-decline-link]") is None
    assert to_applicant() == []


def test_english_applicant_is_answered_in_english(client, requested, moderazione, committed):
    english, _created = Locale.objects.get_or_create(language_code="en")
    Innovator.objects.filter(pk=requested.pk).update(locale=english)
    client.force_login(moderazione)
    with committed():
        client.post(decline_url(requested), {"reason": "Outside the province."})
    [message] = to_applicant()
    assert "was not accepted" in message.subject
    assert "Outside the province." in message.body


def test_english_applicant_gets_the_english_sign_in_link(client, requested, moderazione, committed):
    english, _created = Locale.objects.get_or_create(language_code="en")
    Innovator.objects.filter(pk=requested.pk).update(locale=english)
    approve(client, requested, moderazione, committed)
    [message] = to_applicant()
    links = re.findall(r"https?://\S+", message.body)
    assert len(links) == 1 and links[0].endswith("/en/innovators-area/sign-in/")
