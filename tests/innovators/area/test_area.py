"""The area: what it shows, switching between innovators, what it never shows (another's
stories), the page cache, the data export, removing the profile, and the admin side."""

import json
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

import pytest

from home.demo.stories import build_editorial_users
from innovators.area.models import InnovatorPerson, ProfileRemoval
from innovators.models import Innovator
from portal.privacy import purge_personal_data
from stories.factories import StoryPageFactory
from stories.models import StoryInnovator, StorySubmission, SubmissionStatus
from tests.html import parse
from tests.innovators.area.conftest import AREA, sign_in
from tests.production.conftest import site  # noqa: F401 (a fixture)


@pytest.fixture
def innovator(site):  # noqa: F811
    return site["innovator"]


@pytest.fixture
def other(innovator):
    return Innovator.objects.create(
        name="Nuvola Digitale",
        short_description="Dati aperti.",
        sector=innovator.sector,
        municipality=innovator.municipality,
        contact_email="info@nuvola.example.org",
        live=True,
    )


@pytest.fixture
def person(client, innovator):
    sign_in(client, innovator.contact_email)
    return client


def test_the_area_shows_the_profile_its_state_and_its_actions(person, innovator):
    response = person.get(AREA)
    assert response.status_code == 200
    body = response.content.decode()
    assert innovator.name in body and innovator.short_description in body
    assert 'data-profile-state="published"' in body
    for name in ("profile", "export", "remove", "sign_out", "sign_out_everywhere"):
        assert reverse(f"innovators_area:{name}") in body
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_the_english_area(person, innovator):
    response = person.get("/en/innovators-area/")
    assert response.status_code == 200
    assert "State of the profile" in response.content.decode()


def test_one_person_switches_between_innovators(client, innovator, other):
    InnovatorPerson.objects.create(innovator=other, email=innovator.contact_email)
    sign_in(client, innovator.contact_email)
    body = client.get(AREA).content.decode()
    assert 'name="innovator"' in body and "Nuvola Digitale" in body
    assert (
        client.post(reverse("innovators_area:choose"), {"innovator": other.pk}).status_code == 302
    )
    assert "<h1>Nuvola Digitale</h1>" in client.get(AREA).content.decode()


def test_an_innovator_does_not_see_anothers_stories(person, site, innovator, other):  # noqa: F811
    mine = StoryPageFactory(parent=site["story_index"], title="La nostra serra")
    StoryInnovator.objects.create(story=mine, innovator=innovator)
    theirs = StoryPageFactory(parent=site["story_index"], title="Il cloud di Nuvola")
    StoryInnovator.objects.create(story=theirs, innovator=other)
    StorySubmission.objects.create(
        name="N",
        email="info@nuvola.example.org",
        title="Segreto di Nuvola",
        summary="s",
        text="t",
        innovator=other,
    )
    body = person.get(AREA).content.decode()
    assert "La nostra serra" in body
    assert "Il cloud di Nuvola" not in body and "Segreto di Nuvola" not in body
    export = person.get(reverse("innovators_area:export")).content.decode()
    assert "La nostra serra" in export and "Nuvola" not in export


def test_a_story_not_published_shows_its_state_and_the_moderators_reason(person, innovator):
    for title, status, reason in (
        ("La serra d'inverno", SubmissionStatus.REJECTED, "Troppo simile a una storia uscita."),
        ("Il vivaio in fiera", SubmissionStatus.RECEIVED, ""),
    ):
        StorySubmission.objects.create(
            name="Anna",
            email=innovator.contact_email,
            title=title,
            summary="s",
            text="t",
            innovator=innovator,
            status=status,
            decline_reason=reason,
        )
    items = {
        item.text.split(" · ")[0]: item.text
        for item in parse(person.get(AREA)).select('[data-area-section="stories"] li')
    }
    assert "Troppo simile a una storia uscita." in items["La serra d'inverno"]
    assert str(SubmissionStatus.REJECTED.label) in items["La serra d'inverno"]
    assert "Troppo simile" not in items["Il vivaio in fiera"]
    assert str(SubmissionStatus.RECEIVED.label) in items["Il vivaio in fiera"]


def test_a_signed_in_page_is_never_served_from_the_page_cache(person, settings):
    settings.PAGE_CACHE_ENABLED = True
    for path in (AREA, "/area-innovatori/profilo/", "/en/innovators-area/"):
        first = person.get(path)
        second = person.get(path)
        assert first.status_code == second.status_code == 200
        assert "X-Page-Cache" not in second
        assert "no-store" in second["Cache-Control"]
    # Nor is the area served to anyone else from a cache: an anonymous visitor is sent away.
    anonymous = Client().get(AREA)
    assert anonymous.status_code == 302 and "X-Page-Cache" not in anonymous


def test_the_export_holds_the_innovator_and_the_person(person, innovator):
    response = person.get(reverse("innovators_area:export"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["person"]["email"] == innovator.contact_email.casefold()
    assert data["innovator"]["published"]["name"] == innovator.name
    assert data["innovator"]["published"]["contact_email"] == innovator.contact_email
    assert "stories" in data["sections"]


def test_removing_the_profile_unpublishes_it_and_the_purge_deletes_it(person, innovator):
    assert person.get(reverse("innovators_area:remove")).status_code == 200
    response = person.post(reverse("innovators_area:remove"), {"confirm": "1"})
    assert response.status_code == 302
    innovator.refresh_from_db()
    assert not innovator.live
    assert ProfileRemoval.objects.filter(innovator=innovator).exists()
    assert Client().get(f"/club/{innovator.slug}/").status_code == 404
    report = purge_personal_data(365)
    assert report.counts["profili rimossi dagli innovatori"] == 1
    assert not Innovator.objects.filter(pk=innovator.pk).exists()
    # Its address no longer looks after anything: its account goes at the next purge.
    purge_personal_data(365)
    assert not get_user_model().objects.filter(email=innovator.contact_email.casefold()).exists()


def test_the_innovators_group_has_no_permission(db):
    group = Group.objects.get(name="Innovatori")
    assert group.permissions.count() == 0


def test_moderators_attach_a_person_from_the_innovators_page(innovator):
    build_editorial_users(StringIO())
    users = get_user_model().objects
    moderator = Client()
    moderator.force_login(users.get(username="moderazione"))
    edit = reverse("wagtailsnippets_innovators_innovator:edit", args=[innovator.pk])
    body = moderator.get(edit).content.decode()
    assert "data-people-panel" in body
    add = reverse("wagtailsnippets_innovators_innovatorperson:add") + f"?innovator={innovator.pk}"
    assert add.replace("&", "&amp;") in body or add in body
    response = moderator.post(add, {"innovator": innovator.pk, "email": "Marco@Example.org"})
    assert response.status_code == 302
    assert InnovatorPerson.objects.get(innovator=innovator).email == "marco@example.org"
    editor = Client()
    editor.force_login(users.get(username="redazione"))
    assert "data-people-panel" not in editor.get(edit).content.decode()
    assert editor.get(add).status_code in (302, 403)


def test_purge_dry_run_counts_the_area(innovator):
    out = StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "profili rimossi dagli innovatori" in out.getvalue()
