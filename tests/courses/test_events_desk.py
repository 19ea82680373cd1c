"""The events desk: each group sees, exports and checks in exactly as its rights say.

Logged in as members of the real groups the migrations made (never as a superuser).
"""

import csv
import datetime
import io

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

import pytest

from courses.desk import DESK, EDITORS, setup_events_desk
from courses.factories import RegistrationFactory
from courses.models import RegistrationStatus
from tests.html import parse

MODERATORS = "Moderazione"
LIST = "/admin/snippets/courses/registration/"
CHECKIN = "/admin/iscrizioni/check-in/"
DESK_CODENAMES = {"view_registration", "export_registration", "checkin_registration"}


def member_of(client, group_name, username=None):
    user = get_user_model().objects.create_user(username or group_name.lower(), password="x")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


@pytest.fixture
def view_only_group(db):
    group = Group.objects.create(name="Solo lettura")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_registration"),
    )
    return group.name


def granted(group_name):
    return set(
        Group.objects.get(name=group_name)
        .permissions.filter(content_type__app_label="courses")
        .values_list("codename", flat=True)
    )


def test_migration_gives_the_desk_rights_to_accoglienza_and_redazione(db):
    assert granted(DESK) == DESK_CODENAMES
    assert granted(EDITORS) >= DESK_CODENAMES
    assert not DESK_CODENAMES & granted(MODERATORS)
    assert Group.objects.get(name=DESK).permissions.filter(codename="access_admin").exists()


def test_setting_up_the_desk_again_changes_nothing(db):
    before = {name: granted(name) for name in (DESK, EDITORS)}
    setup_events_desk(apps)
    setup_events_desk(apps)
    assert Group.objects.filter(name=DESK).count() == 1
    assert {name: granted(name) for name in (DESK, EDITORS)} == before


def outcome(response) -> str:
    """What the person got: the page (200/CSV) or a refusal (403, or Wagtail's redirect)."""
    if response.status_code == 200:
        return "allowed"
    assert response.status_code in (302, 403), response.status_code
    return "denied"


@pytest.mark.parametrize(
    ("group_name", "expected"),
    [
        (DESK, {"list": "allowed", "export": "allowed", "checkin": "allowed"}),
        (EDITORS, {"list": "allowed", "export": "allowed", "checkin": "allowed"}),
        (MODERATORS, {"list": "denied", "export": "denied", "checkin": "denied"}),
        ("Solo lettura", {"list": "allowed", "export": "denied", "checkin": "denied"}),
    ],
)
def test_each_group_gets_what_its_rights_say(client, course, view_only_group, group_name, expected):
    anna = RegistrationFactory(event=course, name="Anna Bianchi", code="ABC234")
    member_of(client, group_name)
    got = {
        "list": outcome(client.get(f"{LIST}?event={course.pk}")),
        "export": outcome(client.get(f"{LIST}?event={course.pk}&export=csv")),
        "checkin": outcome(client.get(f"{CHECKIN}?q=ABC234")),
    }
    assert got == expected
    response = client.post(f"{CHECKIN}?q=ABC234", {"registration": anna.pk, "action": "attend"})
    anna.refresh_from_db()
    assert anna.attended == (expected["checkin"] == "allowed")
    if expected["checkin"] == "allowed":
        assert response.status_code == 302


def desk_buttons(response):
    return {link["data-desk-action"] for link in parse(response).select("[data-desk-action]")}


def test_the_listing_offers_the_export_only_to_who_may_export(client, course, view_only_group):
    RegistrationFactory(event=course)
    member_of(client, "Solo lettura")
    page = parse(client.get(LIST))
    assert not [a for a in page.select("a[href]") if "export=csv" in a["href"]]
    client.logout()
    member_of(client, DESK)
    page = parse(client.get(LIST))
    assert [a for a in page.select("a[href]") if "export=csv" in a["href"]]


def test_event_editor_shows_the_desk_buttons_only_to_who_can_use_them(client, course):
    RegistrationFactory(event=course)
    member_of(client, EDITORS)
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    assert desk_buttons(response) == {"list", "export", "checkin"}

    client.logout()
    member_of(client, MODERATORS)
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    assert desk_buttons(response) == set()
    assert "confermate su 2 posti" in parse(response).get_text()


def test_check_in_menu_item_only_for_the_desk(client, course):
    # The sidebar menu is sent as JSON for the admin's script: look for the item's address.
    member_of(client, DESK)
    assert CHECKIN in client.get("/admin/").content.decode()
    client.logout()
    member_of(client, MODERATORS)
    assert CHECKIN not in client.get("/admin/").content.decode()


def test_csv_speaks_italian_in_local_time(client, course):
    created = timezone.make_aware(datetime.datetime(2026, 7, 1, 10, 30), datetime.UTC)
    confirmed = RegistrationFactory(event=course, name="Anna", consent=True, code="AAA222")
    waiting = RegistrationFactory(
        event=course, name="Bruno", status=RegistrationStatus.WAITING, code="BBB333"
    )
    cancelled = RegistrationFactory(
        event=course,
        name="Carla",
        status=RegistrationStatus.CANCELLED,
        consent=False,
        code="CCC444",
        cancelled_at=created,
    )
    type(confirmed).objects.filter(pk=confirmed.pk).update(created_at=created, attended_at=created)
    member_of(client, DESK)
    response = client.get(f"{LIST}?event={course.pk}&export=csv")
    rows = {
        row["Codice"]: row
        for row in csv.DictReader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))
        )
    }
    assert rows[confirmed.code]["Stato"] == "Confermata"
    assert rows[waiting.code]["Stato"] == "In lista d'attesa"
    assert rows[cancelled.code]["Stato"] == "Annullata"
    assert rows[confirmed.code]["Consenso"] == "Sì"
    assert rows[cancelled.code]["Consenso"] == "No"
    # 10:30 UTC in July is 12:30 in Rome (summer time).
    assert rows[confirmed.code]["Iscritto il"] == "01/07/2026 12:30"
    assert rows[confirmed.code]["Presente il"] == "01/07/2026 12:30"
    assert rows[cancelled.code]["Annullata il"] == "01/07/2026 12:30"
    assert rows[waiting.code]["Presente il"] == ""
