"""Seat allocation: registering, cancelling and promoting from the waiting list.

Every change that can move a seat runs in one transaction that first locks the event's row
(`select_for_update`), so two requests never see the same free seat: PostgreSQL blocks the
second request on the lock; SQLite, which ignores `select_for_update`, starts every transaction
with `BEGIN IMMEDIATE` (see `portal.settings.base`), which takes the database's write lock at once.
E-mails go out only after the transaction commits.
"""

import random
import time

from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone

from . import emails
from .models.registrations import Registration, RegistrationStatus

LOCK_RETRIES = 8


class AlreadyRegistered(Exception):
    """The e-mail already has an active registration for the event (`registration_id`)."""

    def __init__(self, registration_id: int | None):
        super().__init__(registration_id)
        self.registration_id = registration_id


def _active_registration_id(event, email: str) -> int | None:
    registrations = Registration.objects.filter(event_id=event.pk, email__iexact=email).active()
    return registrations.values_list("pk", flat=True).first()


def _locked_capacity(event) -> int:
    """Lock the event's row for the rest of the transaction and read its current capacity."""
    return (
        type(event).objects.select_for_update().values_list("capacity", flat=True).get(pk=event.pk)
    )


def _confirmed_count(event) -> int:
    return Registration.objects.filter(
        event_id=event.pk, status=RegistrationStatus.CONFIRMED
    ).count()


def _retrying(operation):
    """Run `operation` in a transaction, again if the database was busy (SQLite under load)."""
    for attempt in range(LOCK_RETRIES):
        try:
            with transaction.atomic():
                return operation()
        except OperationalError as error:
            if "locked" not in str(error) or attempt == LOCK_RETRIES - 1:
                raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")


def register(
    event,
    *,
    name: str,
    email: str,
    organisation: str = "",
    needs: str = "",
    consent: bool = True,
    **extra,
) -> Registration:
    """A confirmed registration while seats are left, otherwise a place on the waiting list."""

    def allocate():
        capacity = _locked_capacity(event)
        existing = _active_registration_id(event, email)
        if existing:
            raise AlreadyRegistered(existing)
        confirmed = _confirmed_count(event)
        status = (
            RegistrationStatus.CONFIRMED if confirmed < capacity else RegistrationStatus.WAITING
        )
        registration = Registration.objects.create(
            event_id=event.pk,
            status=status,
            name=name,
            email=email.lower(),
            organisation=organisation,
            needs=needs,
            consent=consent,
            **extra,
        )
        transaction.on_commit(lambda pk=registration.pk: emails.send_registration(pk), robust=True)
        return registration

    try:
        return _retrying(allocate)
    except IntegrityError as error:  # the same e-mail sent twice at the same moment
        raise AlreadyRegistered(_active_registration_id(event, email)) from error


def cancel(registration: Registration) -> Registration | None:
    """Cancel a registration; a freed seat goes to the first person waiting, who is e-mailed.

    Returns the promoted registration, if any.
    """

    def release():
        event = registration.event.specific_deferred
        capacity = _locked_capacity(event)
        current = Registration.objects.get(pk=registration.pk)
        if current.is_cancelled:
            return None
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at"])
        transaction.on_commit(lambda pk=current.pk: emails.send_cancellation(pk), robust=True)
        return _promote(event, capacity)

    promoted = _retrying(release)
    registration.refresh_from_db()
    return promoted


def _promote(event, capacity: int) -> Registration | None:
    """Confirm the first people on the waiting list while seats are free (inside the lock)."""
    promoted = None
    free = capacity - _confirmed_count(event)
    for waiting in Registration.objects.filter(event_id=event.pk).waiting_list()[: max(free, 0)]:
        waiting.status = RegistrationStatus.CONFIRMED
        waiting.promoted_at = timezone.now()
        waiting.save(update_fields=["status", "promoted_at"])
        transaction.on_commit(lambda pk=waiting.pk: emails.send_promotion(pk), robust=True)
        promoted = promoted or waiting
    return promoted


def mark_attended(registration: Registration, attended: bool = True) -> None:
    registration.attended_at = timezone.now() if attended else None
    registration.save(update_fields=["attended_at"])
