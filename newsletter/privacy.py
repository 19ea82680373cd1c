"""Subscriptions are personal data (docs/security.md, docs/newsletter.md): requests never
confirmed are deleted once their link expires, addresses unsubscribed longer ago than the
retention period with their delivery records (each issue keeps its own figures). Confirmed
subscribers stay while they are subscribed (portal.privacy)."""

from portal.privacy import PersonalData

from .models import Subscriber, SubscriberStatus


def delete(rows, uploads) -> None:
    rows.delete()


def expired_requests() -> PersonalData:
    return PersonalData(
        label="richieste di iscrizione alla newsletter scadute",
        model=Subscriber,
        # `NEWSLETTER_CONFIRMATION_DAYS` decides, not the retention period.
        expired=lambda cutoff: Subscriber.objects.expired_requests(),
        purge=delete,
        order=40,
    )


def unsubscribed_addresses() -> PersonalData:
    return PersonalData(
        label="indirizzi disiscritti eliminati",
        model=Subscriber,
        expired=lambda cutoff: Subscriber.objects.filter(
            status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at__lt=cutoff
        ),
        purge=delete,
        order=50,
    )
