"""`purge_personal_data` deletes expired newsletter requests and long-unsubscribed addresses."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from newsletter.factories import SubscriberFactory
from newsletter.models import Subscriber, SubscriberStatus

pytestmark = pytest.mark.django_db


def test_expired_requests_and_old_unsubscriptions_are_deleted(settings):
    now = timezone.now()
    settings.NEWSLETTER_CONFIRMATION_DAYS = 7
    SubscriberFactory(
        email="scaduta@example.org",
        status=SubscriberStatus.PENDING,
        requested_at=now - datetime.timedelta(days=8),
    )
    SubscriberFactory(
        email="recente@example.org",
        status=SubscriberStatus.PENDING,
        requested_at=now - datetime.timedelta(days=2),
    )
    SubscriberFactory(
        email="uscito@example.org",
        status=SubscriberStatus.UNSUBSCRIBED,
        unsubscribed_at=now - datetime.timedelta(days=400),
    )
    SubscriberFactory(
        email="appena-uscito@example.org",
        status=SubscriberStatus.UNSUBSCRIBED,
        unsubscribed_at=now - datetime.timedelta(days=3),
    )
    SubscriberFactory(email="iscritto@example.org", requested_at=now - datetime.timedelta(days=900))

    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "newsletter scadute: 1" in out.getvalue()
    assert Subscriber.objects.count() == 5
    call_command("purge_personal_data", stdout=StringIO())
    assert sorted(Subscriber.objects.values_list("email", flat=True)) == [
        "appena-uscito@example.org",
        "iscritto@example.org",
        "recente@example.org",
    ]
