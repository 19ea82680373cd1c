"""Who may act for an innovator, and their Django users.

An innovator is looked after by the address in its contact e-mail and by the people moderators
attached to it (`InnovatorPerson`). Each such address signs in as a Django user of its own:
named `innovatore-<digest of the address>`, with no usable password, in the group
«Innovatori» (which holds no permission: no admin access), never staff. An editor's account,
even with the same address, is another user: the area does not open for it.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Q

from wagtail.users.models import UserProfile

from innovators.area.addresses import normalised_email
from innovators.models import Innovator

INNOVATORS_GROUP = "Innovatori"
USERNAME_PREFIX = "innovatore-"
# Sesame tokens are scoped: a token made for anything else does not open the area.
SCOPE = "innovators-area"
SESSION_KEY = "innovators_area_innovator"


def username_for(email: str) -> str:
    digest = hashlib.sha256(normalised_email(email).encode()).hexdigest()[:24]
    return USERNAME_PREFIX + digest


def innovators_for(email: str) -> list[Innovator]:
    """The innovators `email` looks after (contact e-mail or attached person), one record per
    innovator (its Italian one when it is translated), profiles being removed left out."""
    email = normalised_email(email)
    if not email:
        return []
    keys = Innovator.objects.filter(Q(contact_email__iexact=email) | Q(people__email=email)).values(
        "translation_key"
    )
    records = (
        Innovator.objects.filter(translation_key__in=keys, removal__isnull=True)
        .select_related("locale", "sector", "municipality")
        .order_by("name", "pk")
    )
    chosen = {}
    for record in records:
        current = chosen.get(record.translation_key)
        if current is None or record.locale.language_code == settings.LANGUAGE_CODE:
            chosen[record.translation_key] = record
    return sorted(chosen.values(), key=lambda innovator: (innovator.name.casefold(), innovator.pk))


def chosen_innovator(request, innovators: list[Innovator]) -> Innovator | None:
    """The one of `innovators` this person chose in the area (kept in the session), else the
    first, or None."""
    chosen = request.session.get(SESSION_KEY)
    return next((i for i in innovators if i.pk == chosen), innovators[0] if innovators else None)


def is_innovator_user(user) -> bool:
    """A signed-in innovator's person: not an editor, not staff, in the group «Innovatori»."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and not user.is_staff
        and not user.is_superuser
        and user.username.startswith(USERNAME_PREFIX)
        and user.groups.filter(name=INNOVATORS_GROUP).exists()
    )


def remember_language(user, language: str) -> None:
    """The language the person signed in to the area in (Wagtail's profile field): what other
    innovators send it (an introduction's request) comes in that language."""
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})


def area_languages(emails: list[str]) -> dict[str, str]:
    """The area's language of each address whose person has signed in, by address."""
    usernames = {username_for(email): email for email in emails}
    profiles = UserProfile.objects.filter(user__username__in=usernames).exclude(
        preferred_language=""
    )
    return {
        usernames[username]: language
        for username, language in profiles.values_list("user__username", "preferred_language")
    }


def innovator_user(email: str, *, create: bool = False):
    """The area's user for `email` (created, with its group, if `create`), or None."""
    email = normalised_email(email)
    user_model = get_user_model()
    username = username_for(email)
    user = user_model.objects.filter(username=username).first()
    if user is None and create:
        try:
            with transaction.atomic():
                user = create_user(user_model, username, email)
        except IntegrityError:  # the same address asked twice at once: the other made it
            user = user_model.objects.get(username=username)
    return user


def create_user(user_model, username: str, email: str):
    user = user_model(username=username, email=email, first_name=email[:150])
    user.set_unusable_password()
    user.save()
    group, _ = Group.objects.get_or_create(name=INNOVATORS_GROUP)
    user.groups.add(group)
    # Wagtail's workflow e-mails link into the admin, which these users cannot enter: the
    # area's own e-mails tell them instead (innovators.area.reviews).
    UserProfile.objects.update_or_create(
        user=user,
        defaults={
            "submitted_notifications": False,
            "approved_notifications": False,
            "rejected_notifications": False,
            "updated_comments_notifications": False,
        },
    )
    return user
