"""Their data, their rights: everything the portal holds about the innovator and the person,
as JSON; and «Rimuovi il mio profilo».

Removing unpublishes the profile at once (the map, the directory and the exports drop it) and
records a `ProfileRemoval`; the next `manage.py purge_personal_data` deletes the innovator
with its revisions, its people, its join request and its logo (`removed_profiles`). The
area's users whose address no longer looks after any innovator, or who have not signed in
for `PERSONAL_DATA_RETENTION_DAYS`, are deleted by the same purge (`area_accounts`).
"""

import json

from django.contrib.auth import get_user_model, logout
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from wagtail.actions.unpublish import UnpublishAction

from innovators.area.accounts import INNOVATORS_GROUP, USERNAME_PREFIX, innovators_for
from innovators.area.models import InnovatorPerson, ProfileRemoval
from innovators.area.registry import sections
from innovators.area.state import profile_state
from innovators.area.views import area_view
from innovators.models import Innovator
from portal.privacy import PersonalData

PROFILE_FIELDS = [
    "name",
    "slug",
    "kind",
    "short_description",
    "description",
    "website",
    "address",
    "location",
    "contact_email",
    "is_club_member",
    "joined_on",
    "year_founded",
    "live",
    "created_at",
    "updated_at",
]


def profile_data(innovator) -> dict:
    data = {name: getattr(innovator, name) for name in PROFILE_FIELDS}
    data.update(
        sector=innovator.sector.name if innovator.sector_id else None,
        municipality=innovator.municipality.name if innovator.municipality_id else None,
        tags=sorted(tag.name for tag in innovator.tags.all()),
        logo=innovator.logo.file.name if innovator.logo_id else None,
        language=innovator.locale.language_code,
    )
    return data


def export_data(user, innovator, request) -> dict:
    """What the portal holds about `innovator` and the signed-in person."""
    draft = innovator.get_latest_revision_as_object() if innovator.latest_revision_id else None
    join_request = getattr(innovator, "join_request", None) if _has_join(innovator) else None
    state = profile_state(innovator)
    return {
        "exported_at": timezone.now(),
        "person": {
            "email": user.email,
            "account_created_at": user.date_joined,
            "last_sign_in": user.last_login,
            "attached_to": [
                {
                    "innovator": person.innovator.name,
                    "name": person.name,
                    "since": person.created_at,
                }
                for person in InnovatorPerson.objects.filter(email=user.email).select_related(
                    "innovator"
                )
            ],
        },
        "innovator": {
            "published": profile_data(innovator),
            "changes_waiting": profile_data(draft)
            if draft is not None and innovator.has_unpublished_changes
            else None,
            "state": str(state.label),
            "moderators_comment": state.comment,
            "people": [
                {"email": person.email, "name": person.name, "since": person.created_at}
                for person in innovator.people.all()
            ],
            "join_request": {
                "received_at": join_request.created_at,
                "answers": join_request.answers,
            }
            if join_request
            else None,
        },
        "sections": {
            section.key: section.export
            or [
                {"title": item.title, "state": str(item.state), "url": item.url, "date": item.date}
                for item in section.items
            ]
            for section in sections(innovator, request)
        },
    }


def _has_join(innovator) -> bool:
    try:
        return innovator.join_request is not None
    except type(innovator).join_request.RelatedObjectDoesNotExist:
        return False


@area_view
def export(request):
    innovator = request.innovator
    body = json.dumps(
        export_data(request.user, innovator, request),
        cls=DjangoJSONEncoder,
        ensure_ascii=False,
        indent=2,
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="pistoia2030-{innovator.slug}.json"'
    return response


@require_http_methods(["GET", "POST"])
@area_view
def remove(request):
    """GET: what removing means, and a confirmation; POST: unpublish now, purge later."""
    innovator = request.innovator
    if request.method == "POST" and request.POST.get("confirm") == "1":
        with transaction.atomic():
            innovator = Innovator.objects.select_for_update().get(pk=innovator.pk)
            ProfileRemoval.objects.get_or_create(
                innovator=innovator, defaults={"requested_by": request.user.email}
            )
            current = innovator.current_workflow_state
            if current is not None:
                current.cancel(user=request.user)
            for record in Innovator.objects.filter(translation_key=innovator.translation_key):
                ProfileRemoval.objects.get_or_create(
                    innovator=record, defaults={"requested_by": request.user.email}
                )
                if record.live:
                    # The person may not unpublish in the admin; here they may, their own.
                    UnpublishAction(record, user=request.user).execute(skip_permission_checks=True)
        if not innovators_for(request.user.email):
            logout(request)
        return redirect(reverse("innovators_area:sign_in") + "?rimosso=1")
    return render(
        request,
        "innovators/area/remove.html",
        {"innovator": innovator, "innovators": request.innovators},
    )


# Personal data (portal.privacy): removed profiles, and the area's accounts.


def removal_requested(cutoff) -> list:
    """Every profile whose removal was asked: gone at the next purge, whatever its age."""
    return list(Innovator.objects.filter(removal__isnull=False))


def delete_removed(innovators, uploads) -> None:
    for innovator in innovators:
        logo_id = innovator.logo_id
        innovator.delete()  # its revisions, people, join request and removal go with it
        uploads.delete_unused([logo_id])


def removed_profiles() -> PersonalData:
    return PersonalData(
        label="profili rimossi dagli innovatori",
        model=ProfileRemoval,
        expired=removal_requested,
        purge=delete_removed,
        order=31,
        live_images=((Innovator, "logo"),),
    )


def stale_accounts(cutoff):
    """Area accounts no innovator names any more, or unused since `cutoff`."""
    users = get_user_model().objects.filter(
        username__startswith=USERNAME_PREFIX, groups__name=INNOVATORS_GROUP, is_staff=False
    )
    contacts = Innovator.objects.exclude(contact_email="").values_list("contact_email", flat=True)
    known = {email.strip().casefold() for email in contacts}
    known |= set(InnovatorPerson.objects.values_list("email", flat=True))
    unused = Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff)
    unused_ids = set(users.filter(unused).values_list("pk", flat=True))
    return [user for user in users if user.email not in known or user.pk in unused_ids]


def delete_accounts(users, uploads) -> None:
    for user in users:
        user.delete()


def area_accounts() -> PersonalData:
    return PersonalData(
        label="accessi all'area degli innovatori eliminati",
        model=get_user_model(),
        expired=stale_accounts,
        purge=delete_accounts,
        order=32,
    )


def people_records() -> PersonalData:
    """People attached to an innovator go with it (deleted innovators take them along); the
    record names the model for docs/security.md."""
    return PersonalData(
        label="persone degli innovatori eliminate",
        model=InnovatorPerson,
        expired=lambda cutoff: InnovatorPerson.objects.none(),
        purge=lambda rows, uploads: None,
        order=33,
    )
