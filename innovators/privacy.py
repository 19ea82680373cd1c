"""Join requests are personal data (docs/security.md): an innovator never published within the
retention period is a declined request, deleted with its revisions and the logo sent
(portal.privacy). Published innovators stay until an editor deletes them."""

from innovators.models import Innovator
from portal.privacy import PersonalData


def stale_join_requests(cutoff) -> list:
    return list(
        Innovator.objects.filter(live=False, first_published_at__isnull=True, created_at__lt=cutoff)
    )


def delete_join_requests(innovators, uploads) -> None:
    for innovator in innovators:
        logo_id = innovator.logo_id
        innovator.delete()  # revisions go with it (Innovator._revisions)
        uploads.delete_unused([logo_id])


def join_requests() -> PersonalData:
    return PersonalData(
        label="richieste di adesione eliminate",
        model=Innovator,
        expired=stale_join_requests,
        purge=delete_join_requests,
        order=30,
        live_images=((Innovator, "logo"),),
    )
