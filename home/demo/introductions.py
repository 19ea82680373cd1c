"""Introductions between the demo innovators (`introductions.toml`): asked, accepted, declined
and expired over the last months, from each asker's contact e-mail; an accepted one was
answered by the receiver's. What exists (same asker, receiver and message) is kept."""

import dataclasses
import datetime

from django.utils import timezone

from innovators.introductions.models import Introduction, IntroductionState
from innovators.models import Innovator

from .data import Reader


@dataclasses.dataclass
class IntroductionRecord:
    asker: str  # the slug of a demo innovator
    receiver: str
    state: str
    language: str
    message: str
    days_ago: int


def build(data: Reader) -> None:
    innovators = {
        innovator.slug: innovator
        for innovator in Innovator.objects.filter(locale__language_code="it")
    }
    now = timezone.now()
    for record in data.records(IntroductionRecord, "introductions", "introductions"):
        asker, receiver = innovators[record.asker], innovators[record.receiver]
        if Introduction.objects.filter(
            asker=asker, receiver=receiver, message=record.message
        ).exists():
            continue
        asked = now - datetime.timedelta(days=record.days_ago)
        closed = record.state != IntroductionState.ASKED
        Introduction.objects.create(
            asker=asker,
            receiver=receiver,
            asked_by=asker.contact_email,
            message=record.message,
            language=record.language,
            state=record.state,
            created_at=asked,
            answered_at=asked + datetime.timedelta(days=1) if closed else None,
            answered_by=receiver.contact_email
            if record.state == IntroductionState.ACCEPTED
            else "",
        )
