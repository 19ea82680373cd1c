"""Every link in every e-mail and feed is absolute and on the site the reader used: here the
default Wagtail Site moved to portal.example:8100, as `make run` with PORT=8100 or production's
WAGTAILADMIN_BASE_URL sets it (portal/links.py)."""

import datetime
import re
import xml.etree.ElementTree as ET
from io import StringIO
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Site

import pytest

from courses.factories import CoursePageFactory, RegistrationFactory
from courses.models import Registration
from courses.reminders import send_reminders
from home.demo.stories import build_editorial_users
from newsletter import emails as newsletter_emails
from newsletter.factories import NewsletterPageFactory, SubscriberFactory
from newsletter.models import SubscriberStatus
from portal import links
from portal.factories import ImageFactory
from stories.factories import StoryPageFactory
from tests.production import conftest as production

site = production.site  # the whole public site, a fixture

BASE = "http://portal.example:8100"
HOST = "portal.example:8100"
# Outside services a registration e-mail links to; the event's own link travels in their query.
CALENDARS = {"calendar.google.com", "outlook.live.com"}
NOT_LINKS = {"www.w3.org"}  # doctype and namespaces
URL = re.compile(r"""https?://[^\s"'<>]+""")
ROOT_RELATIVE = re.compile(r"""(?:^|[\s"'(=])(/[\w%-][^\s"'<>)]*)""", re.MULTILINE)
LINK_ATTRIBUTE = re.compile(r"""\b(?:href|src)=["']([^"']*)["']""")


@pytest.fixture
def portal_site(site, settings):
    """The default site at portal.example:8100, and the setting it follows."""
    default = Site.objects.get(is_default_site=True)
    default.hostname, default.port = "portal.example", 8100
    default.save()
    settings.WAGTAILADMIN_BASE_URL = BASE
    mail.outbox.clear()
    return site


def assert_links_on_site(text: str) -> list[str]:
    """Every URL in `text` on BASE (the calendars' links carry an event URL on BASE), and no
    root-relative link or attribute. Returns the URLs on BASE."""
    assert "localhost" not in text and "testserver" not in text and "127.0.0.1" not in text
    ours = []
    for url in URL.findall(text):
        url = url.rstrip(".,;")
        host = urlsplit(url).hostname
        if host in NOT_LINKS:
            continue
        if host in CALENDARS:
            query = " ".join(v for vs in parse_qs(urlsplit(url).query).values() for v in vs)
            assert f"{BASE}/" in query, url
            continue
        assert url.startswith(f"{BASE}/"), url
        ours.append(url)
    assert not ROOT_RELATIVE.findall(text)
    for value in LINK_ATTRIBUTE.findall(text):
        assert value.startswith(("http://", "https://", "mailto:")), value
    return ours


def assert_message_links_on_site(message) -> list[str]:
    ours = assert_links_on_site(message.body)
    for content, _mimetype in getattr(message, "alternatives", []):
        ours += assert_links_on_site(content)
    assert ours, message.body
    return ours


def ics_urls(message) -> list[str]:
    """URL lines of the attached iCalendar file, unfolded."""
    (_name, content, _mimetype) = message.attachments[0]
    text = (content.decode() if isinstance(content, bytes) else content).replace("\r\n ", "")
    return [line.removeprefix("URL:") for line in text.splitlines() if line.startswith("URL:")]


def test_the_helper_follows_the_site(portal_site, rf):
    assert links.absolute_url("/storie/") == f"{BASE}/storie/"
    assert links.absolute_url(portal_site["story"]) == f"{BASE}{portal_site['story'].url}"
    assert links.absolute_url("https://example.org/x") == "https://example.org/x"
    assert links.admin_url("wagtailadmin_home") == f"{BASE}/admin/"
    request = rf.get("/", HTTP_HOST=HOST)
    assert links.absolute_url("/club/", request) == f"{BASE}/club/"
    default = Site.objects.get(is_default_site=True)
    default.port = 443
    default.save()  # the cached address is forgotten
    assert links.absolute_url("/storie/") == "https://portal.example/storie/"


def test_migrate_points_the_default_site_at_the_setting(site, settings):
    settings.PORTAL_SITE_FOLLOWS_BASE_URL = True
    settings.WAGTAILADMIN_BASE_URL = BASE
    links.follow_base_url()
    default = Site.objects.get(is_default_site=True)
    assert (default.hostname, default.port, default.root_url) == ("portal.example", 8100, BASE)
    settings.WAGTAILADMIN_BASE_URL = "https://pistoia2030.example"
    links.follow_base_url()
    assert Site.objects.get(is_default_site=True).root_url == "https://pistoia2030.example"
    settings.PORTAL_SITE_FOLLOWS_BASE_URL = False
    settings.WAGTAILADMIN_BASE_URL = BASE
    links.follow_base_url()
    assert Site.objects.get(is_default_site=True).root_url == "https://pistoia2030.example"


def test_registration_and_already_registered(
    client, portal_site, django_capture_on_commit_callbacks
):
    course = portal_site["course"]
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(course.url, production.registration_data(), HTTP_HOST=HOST)
        assert response.status_code == 302
    confirmation, again = mail.outbox
    registration = Registration.objects.get()
    ours = assert_message_links_on_site(confirmation)
    assert f"{BASE}{course.url}calendario.ics" in ours
    assert f"{BASE}{course.url}annulla/{registration.token}/" in ours
    assert ics_urls(confirmation) == [f"{BASE}{course.url}"]
    assert "già iscritto" in again.body
    assert f"{BASE}{course.url}iscrizione/{registration.token}/" in (
        assert_message_links_on_site(again)
    )


def test_reminder(portal_site):
    start = timezone.now() + datetime.timedelta(hours=20)
    course = CoursePageFactory(parent=portal_site["course_index"], start=start, capacity=5)
    made = RegistrationFactory(event=course)
    Registration.objects.filter(pk=made.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    assert send_reminders().sent == 1
    [reminder] = mail.outbox
    assert f"{BASE}{course.url}calendario.ics" in assert_message_links_on_site(reminder)
    assert ics_urls(reminder) == [f"{BASE}{course.url}"]


def test_newsletter_confirmation_and_issue(portal_site, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://admin.example"  # the newsletter follows the site
    home = portal_site["home"]
    page = NewsletterPageFactory(parent=home)
    page.issue_introduction = (
        f'<p>Leggi <a linktype="page" id="{portal_site["story"].pk}">la storia</a>.</p>'
    )
    page.save_revision().publish()
    pending = SubscriberFactory(status=SubscriberStatus.PENDING, topics=["stories"])
    newsletter_emails.send_confirmation(pending.pk)
    confirmed = SubscriberFactory(topics=["stories"])
    newsletter_emails.send_already_subscribed(confirmed.pk)
    confirmation, already = mail.outbox
    assert any(
        url.startswith(f"{BASE}{page.url}") for url in assert_message_links_on_site(confirmation)
    )
    assert_message_links_on_site(already)

    mail.outbox.clear()
    story = StoryPageFactory(
        parent=portal_site["story_index"], title="Una storia nuova", image=ImageFactory()
    )
    call_command("send_newsletter", "--no-progress")
    [issue] = [message for message in mail.outbox if message.to == [confirmed.email]]
    ours = assert_message_links_on_site(issue)
    assert f"{BASE}{story.url}" in ours
    assert any(url.startswith(f"{BASE}/media/images/") for url in ours)


def test_notices_of_the_public_forms(client, portal_site):
    build_editorial_users(StringIO())
    assert (
        client.post(
            production.JOIN_URL, production.join_data(portal_site), HTTP_HOST=HOST
        ).status_code
        == 302
    )
    assert (
        client.post(
            production.SUBMISSION_URL, production.submission_data(), HTTP_HOST=HOST
        ).status_code
        == 302
    )
    moderators = get_user_model().objects.get(username="moderazione").email
    notices = [message for message in mail.outbox if moderators in message.to]
    assert len(notices) == 2
    for notice in notices:
        assert any("/admin/" in url for url in assert_message_links_on_site(notice))


def test_wagtails_moderation_notice(portal_site):
    build_editorial_users(StringIO())
    redazione = get_user_model().objects.get(username="redazione")
    story = portal_site["story"]
    story.save_revision(user=redazione)
    mail.outbox.clear()
    story.get_workflow().start(story, user=redazione)
    [notice] = mail.outbox
    assert f"{BASE}/admin/pages/{story.pk}/edit/" in assert_message_links_on_site(notice)


@pytest.mark.parametrize(
    ("page", "route"),
    [
        ("story_index", "feed/"),
        ("story_index", "feed/atom/"),
        ("programme", "feed/"),
        ("programme", "feed/atom/"),
    ],
)
def test_feeds(client, portal_site, page, route):
    response = client.get(portal_site[page].url + route, HTTP_HOST=HOST)
    assert response.status_code == 200
    text = response.content.decode()
    root = ET.fromstring(response.content)
    urls = [
        element.text
        for element in root.iter()
        if element.tag.rsplit("}", 1)[-1] in {"link", "id", "guid"} and element.text
    ]
    urls += [element.get("href") for element in root.iter() if element.get("href")]
    assert urls
    for url in urls:
        assert url.startswith(f"{BASE}/"), url
    assert "localhost" not in text and "testserver" not in text
