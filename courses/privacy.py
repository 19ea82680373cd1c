"""Registrations are personal data (docs/security.md): once their event ended longer ago than
the retention period they are anonymised, not deleted, so seat counts and the impact figures
hold (portal.privacy)."""

from courses.models import CoursePage, Registration, SessionPage
from portal.privacy import ANONYMOUS_DOMAIN, PersonalData


def past_registrations(cutoff):
    event_ids = [
        pk
        for model in (CoursePage, SessionPage)
        for pk in model.objects.filter(end__lt=cutoff).values_list("pk", flat=True)
    ]
    return Registration.objects.filter(event_id__in=event_ids).exclude(
        email__endswith=f"@{ANONYMOUS_DOMAIN}"
    )


def anonymise(registrations, uploads) -> None:
    """Name, e-mail, organisation and needs wiped; the status and the dates stay."""
    for registration in registrations.only("pk"):
        Registration.objects.filter(pk=registration.pk).update(
            name="",
            email=f"r{registration.pk}@{ANONYMOUS_DOMAIN}",
            organisation="",
            needs="",
        )


def registrations() -> PersonalData:
    return PersonalData(
        label="iscrizioni anonimizzate",
        model=Registration,
        expired=past_registrations,
        purge=anonymise,
        order=10,
    )
