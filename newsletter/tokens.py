"""Signed links without an account: confirm, change preferences, unsubscribe.

A token is the subscriber's random key and its signature for one purpose, joined by «-»
(only letters, digits, «-» and «_», as Wagtail's page URLs require). A token for one purpose
does not open another, and a tampered token opens nothing.
"""

from django.core import signing
from django.utils.crypto import constant_time_compare

from .models import Subscriber

PURPOSES = ("confirm", "preferences", "unsubscribe")


def _signature(key: str, purpose: str) -> str:
    return signing.Signer(salt=f"newsletter.{purpose}").signature(key)


def make_token(subscriber: Subscriber, purpose: str) -> str:
    assert purpose in PURPOSES
    return f"{subscriber.key}-{_signature(subscriber.key, purpose)}"


def subscriber_for(token: str, purpose: str) -> Subscriber | None:
    key, _sep, signature = (token or "").partition("-")
    if not key or len(key) != 32 or not constant_time_compare(signature, _signature(key, purpose)):
        return None
    return Subscriber.objects.filter(key=key).first()
