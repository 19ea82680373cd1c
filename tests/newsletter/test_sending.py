"""Sending the digest: right items per language and topic, reruns, crashes, scale."""

import smtplib

from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from newsletter.factories import SubscriberFactory
from newsletter.models import Delivery, DeliveryStatus, Issue, IssueStatus
from newsletter.sending import next_issue, send_issue
from stories.factories import StoryPageFactory
from tests.newsletter.backends import BreakingBackend

pytestmark = pytest.mark.django_db


def send(*args):
    call_command("send_newsletter", "--no-progress", *args)


def test_each_subscriber_gets_their_language_and_topics(content):
    SubscriberFactory(email="storie@example.org", topics=["stories"])
    SubscriberFactory(email="eventi@example.org", topics=["courses", "sessions"])
    SubscriberFactory(email="reader@example.org", language="en")
    SubscriberFactory(email="courses-en@example.org", language="en", topics=["courses"])
    SubscriberFactory(email="attesa@example.org", status="pending")
    send()
    by_address = {message.to[0]: message for message in mail.outbox}
    # Nothing new in English for courses (not translated), nothing for a pending request.
    assert set(by_address) == {"storie@example.org", "eventi@example.org", "reader@example.org"}
    stories = by_address["storie@example.org"].body
    assert content["story"].title in stories and content["course"].title not in stories
    events = by_address["eventi@example.org"].body
    assert content["course"].title in events and content["session"].title in events
    assert content["story"].title not in events
    assert "posti liberi" in events
    english = by_address["reader@example.org"].body
    assert content["en_story"].title in english and content["en_update"].title in english
    issue = Issue.objects.get()
    assert (issue.status, issue.recipients, issue.failures) == (IssueStatus.SENT, 3, 0)
    assert issue.item_count == 6


def test_images_and_links_are_absolute(content, english):
    from portal.factories import ImageFactory

    story = content["story"]
    story.image = ImageFactory(description="Serre del vivaio")
    story.save_revision().publish()
    SubscriberFactory(topics=["stories"])
    send()
    html = mail.outbox[0].alternatives[0][0]
    assert 'src="http://localhost/media/images/' in html  # on the default site
    assert 'alt="Serre del vivaio"' in html
    assert f'href="http://localhost{story.url}"' in html


def test_a_second_run_sends_nothing(content):
    SubscriberFactory.create_batch(3)
    send()
    assert len(mail.outbox) == 3
    send()
    assert len(mail.outbox) == 3
    assert Issue.objects.count() == 1
    # Something new: the next run sends it, to those whose topics it matches.
    StoryPageFactory(parent=content["story"].get_parent(), title="Una storia nuova")
    send()
    assert len(mail.outbox) == 6
    assert "Una storia nuova" in mail.outbox[-1].body
    assert content["story"].title not in mail.outbox[-1].body


def test_a_run_killed_midway_resumes_and_sends_each_email_once(content, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.BreakingBackend"
    BreakingBackend.limit, BreakingBackend.refused = 3, {"rifiuta@example.org"}
    subscribers = SubscriberFactory.create_batch(7)
    SubscriberFactory(email="rifiuta@example.org")
    with pytest.raises(smtplib.SMTPServerDisconnected):
        send("--batch-size", "2")
    assert len(mail.outbox) == 3
    issue = Issue.objects.get()
    assert issue.status == IssueStatus.SENDING
    assert not Delivery.objects.filter(status=DeliveryStatus.SENDING).exists()

    BreakingBackend.limit = 100
    send("--batch-size", "2")
    send("--batch-size", "2")
    addresses = [message.to[0] for message in mail.outbox]
    assert sorted(addresses) == sorted(s.email for s in subscribers)  # each exactly once
    issue.refresh_from_db()
    assert (issue.status, issue.recipients, issue.failures) == (IssueStatus.SENT, 7, 1)
    refused = Delivery.objects.get(subscriber__email="rifiuta@example.org")
    assert refused.status == DeliveryStatus.FAILED and "no such user" in refused.error


def test_a_claim_left_by_a_killed_process_is_never_resent(content):
    first, second = SubscriberFactory.create_batch(2)
    issue = next_issue()
    Delivery.objects.create(issue=issue, subscriber=first, status=DeliveryStatus.SENDING)
    send()
    assert [message.to for message in mail.outbox] == [[second.email]]
    issue.refresh_from_db()
    assert (issue.recipients, issue.failures) == (1, 1)


def test_one_connection_per_batch(content, settings):
    settings.EMAIL_BACKEND = "tests.newsletter.backends.BreakingBackend"
    BreakingBackend.limit, BreakingBackend.refused, BreakingBackend.opened = 100, set(), 0
    SubscriberFactory.create_batch(5)
    send("--batch-size", "2")
    assert len(mail.outbox) == 5
    assert BreakingBackend.opened == 3


def test_dry_run_and_preview_record_nothing(content, capsys):
    SubscriberFactory.create_batch(2)
    send("--dry-run")
    assert "Destinatari: 2" in capsys.readouterr().out
    send("--preview", "redazione@example.org", "--language", "en")
    assert [message.to for message in mail.outbox] == [["redazione@example.org"]]
    assert content["en_story"].title in mail.outbox[0].body
    assert not Issue.objects.exists()


def queries_to_send(count: int) -> int:
    SubscriberFactory.create_batch(count)
    issue = next_issue()
    with CaptureQueriesContext(connection) as queries:
        send_issue(issue, batch_size=1000)
    assert len(mail.outbox) == count
    return len(queries)


def test_queries_per_recipient_do_not_grow(content):
    small = queries_to_send(5)
    Issue.objects.all().delete()
    from newsletter.models import Subscriber

    Subscriber.objects.all().delete()
    mail.outbox = []
    large = queries_to_send(25)
    per_recipient = (large - small) / 20
    # A claim written before each e-mail and marked sent after it (with its savepoint):
    # a fixed cost per recipient, the composition and the links built once per issue.
    assert per_recipient <= 4
    assert small <= 60


def test_the_benchmark_line_sends_to_its_subscribers_and_cleans_up(content):
    from newsletter.models import Subscriber
    from ops.devtools.newsletter import bench_digest

    result = bench_digest(45)
    assert 0 < result.sent <= 45
    assert result.queries / result.sent < 5
    assert "Newsletter a 45 iscritti" in str(result)
    assert not Subscriber.objects.exists() and not Issue.objects.exists()


def test_links_in_the_introduction_are_absolute(content, newsletter_page):
    story = content["story"]
    newsletter_page.issue_introduction = (
        f'<p>Leggi <a linktype="page" id="{story.pk}">la storia</a>.</p>'
    )
    newsletter_page.save_revision().publish()
    SubscriberFactory(topics=["stories"])
    send()
    assert (
        f'<a href="http://localhost{story.url}">la storia</a>' in mail.outbox[0].alternatives[0][0]
    )
