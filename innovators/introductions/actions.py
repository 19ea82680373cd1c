"""What happens to a request: asked, accepted, declined, reported, expired.

Each change is made in a transaction on the locked row, only while the request is open, so a
link pressed twice (or by two people of the same innovator) answers once; the e-mails are
queued after the commit (`notices`).
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from innovators.introductions import notices
from innovators.introductions.models import Introduction, IntroductionState
from innovators.introductions.tokens import answer_days
from innovators.models import Innovator


class Refused(Exception):
    """The request cannot be made; the message says why, for the asker."""


def per_day() -> int:
    return int(getattr(settings, "INTRODUCTIONS_PER_DAY", 3))


def open_between(a: Innovator, b: Innovator) -> Introduction | None:
    return (
        Introduction.objects.filter(state=IntroductionState.ASKED)
        .filter(Q(asker=a, receiver=b) | Q(asker=b, receiver=a))
        .first()
    )


def ask(asker: Innovator, receiver: Innovator, asked_by: str, message: str, language: str):
    """A new request from `asker` (its person `asked_by`) to `receiver`, or `Refused`."""
    with transaction.atomic():
        # One asker at a time: two requests sent together cannot both pass the daily limit.
        Innovator.objects.select_for_update().filter(pk=asker.pk).first()
        since = timezone.now() - datetime.timedelta(days=1)
        if Introduction.objects.filter(asker=asker, created_at__gte=since).count() >= per_day():
            raise Refused(
                _(
                    "Hai già chiesto %(count)s presentazioni nelle ultime 24 ore: "
                    "riprova domani, grazie."
                )
                % {"count": per_day()}
            )
        existing = open_between(asker, receiver)
        if existing is None:
            try:
                with transaction.atomic():
                    introduction = Introduction.objects.create(
                        asker=asker,
                        receiver=receiver,
                        asked_by=asked_by,
                        message=message,
                        language=language,
                    )
            except IntegrityError:  # the same pair, sent at the same moment
                existing = open_between(asker, receiver)
                if existing is None:
                    raise Refused(_("Non è possibile chiedere questa presentazione.")) from None
        if existing is not None:
            raise Refused(already_open_message(existing, asker))
        transaction.on_commit(lambda pk=introduction.pk: notices.send_request(pk), robust=True)
    return introduction


def already_open_message(existing: Introduction, asker: Innovator) -> str:
    if existing.asker_id == asker.pk:
        return _(
            "Hai già chiesto di conoscere %(name)s: aspetta la risposta (al massimo "
            "%(days)s giorni) prima di chiederlo di nuovo."
        ) % {"name": existing.receiver.name, "days": answer_days()}
    return _(
        "%(name)s ti ha già chiesto di conoscervi: rispondi dall'e-mail che avete ricevuto."
    ) % {"name": existing.asker.name}


def _close(introduction_id: int, state: str, *, by: str = "", report: str | None = None) -> bool:
    """Close the open request `introduction_id` in `state`; False if it was not open."""
    with transaction.atomic():
        introduction = Introduction.objects.select_for_update().filter(pk=introduction_id).first()
        if introduction is None:
            return False
        changed = []
        if report is not None and introduction.reported_at is None:
            introduction.reported_at = timezone.now()
            introduction.report_reason = report
            changed += ["reported_at", "report_reason"]
        closing = introduction.state == IntroductionState.ASKED
        if closing:
            introduction.state = state
            introduction.answered_at = timezone.now()
            introduction.answered_by = by
            changed += ["state", "answered_at", "answered_by"]
        if changed:
            introduction.save(update_fields=changed)
        if closing:
            send = (
                notices.send_accepted
                if state == IntroductionState.ACCEPTED
                else notices.send_closed
            )
            transaction.on_commit(lambda: send(introduction_id), robust=True)
    return bool(changed)


def accept(introduction_id: int, by: str) -> bool:
    return _close(introduction_id, IntroductionState.ACCEPTED, by=by)


def decline(introduction_id: int, by: str) -> bool:
    return _close(introduction_id, IntroductionState.DECLINED, by=by)


def report(introduction_id: int, by: str, reason: str) -> bool:
    """Abuse: the moderators see it; an open request is declined as well (no contact)."""
    return _close(introduction_id, IntroductionState.DECLINED, by=by, report=reason)


def expire(now=None) -> int:
    """Close the requests left unanswered past their links' life; the askers hear kindly."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=answer_days())
    ids = list(
        Introduction.objects.filter(state=IntroductionState.ASKED, created_at__lt=cutoff)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return sum(_close(pk, IntroductionState.EXPIRED) for pk in ids)
