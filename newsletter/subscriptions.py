"""Subscribing, confirming, changing preferences and unsubscribing: the rules in one place.

A request answers the same way whatever the address's state, so the form reveals nothing:

- a new (or formerly unsubscribed) address becomes a pending request and gets the
  confirmation link; nothing else is sent until it is followed;
- a pending address gets the link again, with the topics and language just chosen;
- a confirmed address gets an e-mail with its preferences link; its choices do not change
  (whoever filled in the form may not own the address).

However often the form is sent for one address, it gets at most one e-mail every
`NEWSLETTER_NOTICE_MINUTES`.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import emails
from .models import Subscriber, SubscriberStatus


def notice_interval() -> datetime.timedelta:
    return datetime.timedelta(minutes=getattr(settings, "NEWSLETTER_NOTICE_MINUTES", 10))


def request_subscription(*, email: str, topics, language: str, consent: bool) -> None:
    email = email.strip().lower()
    for _attempt in range(2):  # the same address sent twice at once: the second one updates
        try:
            with transaction.atomic():
                _request(email, topics, language, consent)
            return
        except IntegrityError:
            continue


def _request(email, topics, language, consent) -> None:
    now = timezone.now()
    subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
    if subscriber is None:
        subscriber = Subscriber(email=email)
    if subscriber.status == SubscriberStatus.CONFIRMED:
        notice = emails.send_already_subscribed
    else:
        notice = emails.send_confirmation
        subscriber.status = SubscriberStatus.PENDING
        subscriber.topics = topics
        subscriber.language = language
        subscriber.consent = consent
        subscriber.requested_at = now
        subscriber.unsubscribed_at = None
    recent = subscriber.last_notice_at and now - subscriber.last_notice_at < notice_interval()
    if not recent:
        subscriber.last_notice_at = now
    subscriber.save()
    if not recent:
        transaction.on_commit(lambda pk=subscriber.pk: notice(pk), robust=True)


def confirm(subscriber: Subscriber) -> bool:
    """Confirm a pending, unexpired request: True if this call confirmed it; False if the link
    no longer works or the subscription was already confirmed (the link works once)."""
    if subscriber.status != SubscriberStatus.PENDING or subscriber.request_expired:
        return False
    updated = Subscriber.objects.filter(pk=subscriber.pk, status=SubscriberStatus.PENDING).update(
        status=SubscriberStatus.CONFIRMED, confirmed_at=timezone.now()
    )
    subscriber.refresh_from_db()
    return bool(updated)


def update_preferences(subscriber: Subscriber, *, topics, language: str) -> None:
    subscriber.topics = topics
    subscriber.language = language
    subscriber.save(update_fields=[*_topic_fields(), "language"])


def unsubscribe(subscriber: Subscriber) -> None:
    """Effective at once: the next batch of any run in progress leaves the address out."""
    Subscriber.objects.filter(pk=subscriber.pk).exclude(
        status=SubscriberStatus.UNSUBSCRIBED
    ).update(status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now())
    subscriber.refresh_from_db()


def _topic_fields() -> list[str]:
    from .models import TOPIC_FIELDS

    return list(TOPIC_FIELDS.values())
