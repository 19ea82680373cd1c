"""Introductions hold personal data (docs/security.md): the message and the addresses of the
person who asked and of the one who answered. `PERSONAL_DATA_RETENTION_DAYS` after it was
asked, a closed request is anonymised (message, addresses and report reason wiped); the row
stays, so the counts of the impact page and of the moderators do not change."""

from innovators.introductions.models import Introduction, IntroductionState
from portal.privacy import PersonalData

WIPED = {"message": "", "asked_by": "", "answered_by": "", "report_reason": ""}


def closed_before(cutoff):
    return (
        Introduction.objects.filter(created_at__lt=cutoff)
        .exclude(state=IntroductionState.ASKED)
        .exclude(asked_by="", answered_by="", message="", report_reason="")
    )


def anonymise(introductions, uploads) -> None:
    Introduction.objects.filter(pk__in=[i.pk for i in introductions]).update(**WIPED)


def introductions() -> PersonalData:
    return PersonalData(
        label="presentazioni tra innovatori anonimizzate",
        model=Introduction,
        expired=closed_before,
        purge=anonymise,
        order=33,
    )
