"""The editors' newsletter area, as Redazione and as Moderazione."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

import pytest

from newsletter.factories import SubscriberFactory
from newsletter.models import Issue
from stories.editorial import EDITORS, MODERATORS
from tests.html import parse

pytestmark = pytest.mark.django_db


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "password")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def redazione(client):
    client.force_login(user_in(EDITORS, "redazione"))
    return client


@pytest.fixture
def moderazione(client):
    client.force_login(user_in(MODERATORS, "moderazione"))
    return client


@pytest.fixture
def subscribers(content):
    SubscriberFactory(email="segreto@example.org", topics=["stories"])
    SubscriberFactory(email="reader@example.org", language="en")
    SubscriberFactory(email="attesa@example.org", status="pending")


def test_editors_see_figures_and_preview_but_no_address_and_cannot_send(
    redazione, subscribers, content
):
    response = redazione.get("/admin/newsletter/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "segreto@example.org" not in body
    assert "Invia ora" not in body
    counts = {row["language"]: row for row in response.context["counts"]}
    assert counts["Italiano"]["confirmed"] == 1 and counts["Italiano"]["pending"] == 1
    assert counts["Italiano"]["topics"] == [1, 0, 0, 0]
    assert counts["English"]["topics"] == [1, 1, 1, 1]
    preview = redazione.get("/admin/newsletter/anteprima/it/")
    assert preview.status_code == 200
    assert content["story"].title in preview.content.decode()
    assert content["course"].title in preview.content.decode()
    assert redazione.get("/admin/newsletter/anteprima/en/?formato=testo").status_code == 200
    # Wagtail answers a permission denied in its admin with a redirect to the dashboard.
    refused = redazione.post("/admin/newsletter/invia/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert redazione.get("/admin/snippets/newsletter/subscriber/").status_code in (302, 403)
    assert mail.outbox == [] and not Issue.objects.exists()


def test_moderators_send_now_and_see_the_issue_recorded(moderazione, subscribers):
    assert "Invia ora" in moderazione.get("/admin/newsletter/").content.decode()
    assert moderazione.get("/admin/newsletter/invia/").status_code == 405
    response = moderazione.post("/admin/newsletter/invia/")
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    issue = Issue.objects.get()
    assert (issue.recipients, issue.failures, issue.sent_by) == (2, 0, "moderazione")
    page = moderazione.get("/admin/newsletter/")
    assert list(page.context["past_issues"]) == [issue]
    moderazione.post("/admin/newsletter/invia/")
    assert len(mail.outbox) == 2  # nothing new
    addresses = moderazione.get("/admin/snippets/newsletter/subscriber/")
    assert addresses.status_code == 200 and "segreto@example.org" in addresses.content.decode()


def test_send_now_needs_the_csrf_token(subscribers):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(user_in(MODERATORS, "moderazione"))
    assert client.post("/admin/newsletter/invia/").status_code == 403
    assert mail.outbox == []


def test_anonymous_readers_are_sent_to_the_login(client):
    assert client.get("/admin/newsletter/").status_code == 302


def test_the_preview_loads_its_images_from_the_admins_own_origin(redazione, content):
    """The admin's CSP allows images from its own origin (and https): the e-mail's images,
    absolute on the site's address, are served to the preview as paths."""
    from portal.factories import ImageFactory

    story = content["story"]
    story.image = ImageFactory(description="Serre del vivaio")
    story.save_revision().publish()
    preview = redazione.get("/admin/newsletter/anteprima/it/", HTTP_HOST="127.0.0.1:8123")
    sources = [image["src"] for image in parse(preview).select("img")]
    assert sources and all(source.startswith("/media/") for source in sources)
    assert "img-src 'self'" in preview["Content-Security-Policy"]
