"""Who receives an innovator's introductions, and who the contact person is.

An innovator's people are the addresses that may sign in to its area (its contact e-mail and
the people moderators attached to it, on any of its translations); each gets the request with
links of its own, and the one who accepts is the contact the asker receives.
"""

import hashlib

from django.conf import settings

from innovators.area.addresses import normalised_email
from innovators.models import Innovator, InnovatorPerson


def canonical(innovator: Innovator) -> Innovator:
    """The record introductions point at: the default language's one (the area's too)."""
    if innovator.locale.language_code == settings.LANGUAGE_CODE:
        return innovator
    return (
        Innovator.objects.filter(
            translation_key=innovator.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        ).first()
        or innovator
    )


def addresses(innovator: Innovator) -> list[str]:
    """Every address that looks after `innovator`, normalised, once each."""
    records = Innovator.objects.filter(translation_key=innovator.translation_key)
    found = [normalised_email(email) for email in records.values_list("contact_email", flat=True)]
    found += InnovatorPerson.objects.filter(
        innovator__translation_key=innovator.translation_key
    ).values_list("email", flat=True)
    return list(dict.fromkeys(email for email in found if email))


def digest(email: str) -> str:
    """What an answer link carries instead of the address (no address in URLs and logs)."""
    return hashlib.sha256(normalised_email(email).encode()).hexdigest()[:20]


def contact_name(innovator: Innovator | None, email: str) -> str:
    """The name moderators gave the person with `email`, if any."""
    if innovator is None:
        return ""
    name = (
        InnovatorPerson.objects.filter(
            innovator__translation_key=innovator.translation_key, email=normalised_email(email)
        )
        .exclude(name="")
        .values_list("name", flat=True)
        .first()
    )
    return name or ""
