"""Profile edits go through the editorial review: a revision and a workflow state in the
person's name, the live profile unchanged until `moderazione` approves through Wagtail's own
workflow action; «Richiedi modifiche» reaches the person with the comment."""

import re
from io import StringIO

from django.core import mail
from django.test import Client
from django.urls import reverse

from wagtail.models import Revision, WorkflowState

import pytest

from home.demo.stories import build_editorial_users
from innovators.models import Innovator
from tests.images import image_bytes
from tests.innovators.area.conftest import AREA, sign_in
from tests.production.conftest import site  # noqa: F401 (a fixture)

PROFILE = "/area-innovatori/profilo/"
NAMESPACE = "wagtailsnippets_innovators_innovator"


@pytest.fixture
def moderazione(db):
    build_editorial_users(StringIO())
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="moderazione")


@pytest.fixture
def innovator(site):  # noqa: F811
    return site["innovator"]


@pytest.fixture
def person(client, innovator):
    sign_in(client, innovator.contact_email)
    return client


def form_data(innovator, **overrides) -> dict:
    data = {
        "short_description": "Vivai che curano il verde urbano.",
        "description": "Un nuovo testo.\n\nCon due paragrafi.",
        "sector": innovator.sector_id,
        "tags": "verde urbano, alberi",
        "website": "https://vivai-verde.example.org/",
        "municipality": innovator.municipality_id,
        "address": "Via del Vivaio 3",
        "latitude": "43.9301",
        "longitude": "10.9102",
        "contact_email": innovator.contact_email,
        "homepage": "",
    }
    data.update(overrides)
    return data


def test_the_form_shows_the_profile_and_the_map(person, innovator):
    response = person.get(PROFILE)
    assert response.status_code == 200
    body = response.content.decode()
    assert innovator.short_description in body
    assert "data-area-map" in body and "area-map.js" in body
    assert '<label for="id_address"' in body
    assert "no-store" in response["Cache-Control"]


def test_saving_makes_a_revision_and_a_review_but_not_a_live_change(person, innovator):
    live_text = innovator.short_description
    response = person.post(PROFILE, form_data(innovator))
    assert response.status_code == 302, response.content.decode()[:3000]
    innovator.refresh_from_db()
    assert innovator.short_description == live_text  # the live profile is unchanged
    assert innovator.has_unpublished_changes
    revision = Revision.objects.for_instance(innovator).latest("created_at")
    assert revision.user.email == innovator.contact_email.casefold()
    assert revision.content["short_description"] == "Vivai che curano il verde urbano."
    assert "POINT(10.910200 43.930100)" in revision.content["location"]
    state = WorkflowState.objects.get(object_id=str(innovator.pk), status="in_progress")
    assert state.requested_by == revision.user
    area = person.get(AREA).content.decode()
    assert 'data-profile-state="in_review"' in area
    assert "in revisione" in area
    # The public profile still shows the live text.
    public = Client().get(f"/club/{innovator.slug}/").content.decode()
    assert "Vivai che curano il verde urbano." not in public


def test_moderazione_approves_and_the_change_goes_live(person, innovator, moderazione):
    person.post(PROFILE, form_data(innovator))
    state = WorkflowState.objects.get(object_id=str(innovator.pk), status="in_progress")
    dashboard = _dashboard(moderazione)
    assert 'data-dashboard="profile-changes"' in dashboard and "Vivai Verde" in dashboard
    mail.outbox.clear()
    moderator = Client()
    moderator.force_login(moderazione)
    approve = reverse(
        f"{NAMESPACE}:workflow_action", args=[innovator.pk, "approve", state.current_task_state.pk]
    )
    assert moderator.post(approve).status_code in (200, 302)
    innovator.refresh_from_db()
    assert innovator.short_description == "Vivai che curano il verde urbano."
    assert innovator.address == "Via del Vivaio 3"
    assert round(innovator.latitude, 4) == 43.9301
    assert sorted(tag.name for tag in innovator.tags.all()) == ["alberi", "verde urbano"]
    public = Client().get(f"/club/{innovator.slug}/").content.decode()
    assert "Vivai che curano il verde urbano." in public
    assert [innovator.contact_email.casefold()] in [message.to for message in mail.outbox]


def _dashboard(user) -> str:
    client = Client()
    client.force_login(user)
    return client.get(reverse("wagtailadmin_home")).content.decode()


def test_changes_requested_reach_the_person_with_the_comment(person, innovator, moderazione):
    person.post(PROFILE, form_data(innovator))
    state = WorkflowState.objects.get(object_id=str(innovator.pk), status="in_progress")
    mail.outbox.clear()
    moderator = Client()
    moderator.force_login(moderazione)
    reject = reverse(
        f"{NAMESPACE}:workflow_action", args=[innovator.pk, "reject", state.current_task_state.pk]
    )
    response = moderator.post(reject, {"comment": "Manca il numero civico giusto."})
    assert response.status_code in (200, 302)
    [message] = [m for m in mail.outbox if m.to == [innovator.contact_email.casefold()]]
    assert "Manca il numero civico giusto." in message.body
    assert re.search(r"https?://\S+/area-innovatori/", message.body)
    area = person.get(AREA).content.decode()
    assert 'data-profile-state="changes_requested"' in area
    assert "Manca il numero civico giusto." in area
    innovator.refresh_from_db()
    assert innovator.address != "Via del Vivaio 3"


def test_hostile_html_is_stripped(person, innovator):
    data = form_data(
        innovator,
        short_description='<script>alert(1)</script>Verde <img src=x onerror="alert(2)">urbano',
        description="<b>Grassetto</b> &lt;img onerror=alert(3)&gt;",
    )
    assert person.post(PROFILE, data).status_code == 302
    revision = Revision.objects.for_instance(innovator).latest("created_at")
    assert revision.content["short_description"] == "Verde urbano"
    assert "<b>" not in revision.content["description"]
    assert "onerror" not in revision.content["description"]


def test_a_point_outside_the_province_is_refused(person, innovator):
    response = person.post(PROFILE, form_data(innovator, latitude="45.46", longitude="9.19"))
    assert response.status_code == 200
    assert "fuori dalla provincia" in response.content.decode()
    assert not WorkflowState.objects.filter(object_id=str(innovator.pk)).exists()


def test_the_address_works_without_the_map(person, innovator):
    data = form_data(innovator, latitude="", longitude="", address="Piazza del Duomo 1")
    assert person.post(PROFILE, data).status_code == 302
    revision = Revision.objects.for_instance(innovator).latest("created_at")
    assert revision.content["address"] == "Piazza del Duomo 1"


def test_a_new_logo_is_reencoded(person, innovator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    logo = SimpleUploadedFile("logo.png", image_bytes("PNG"), content_type="image/png")
    assert person.post(PROFILE, {**form_data(innovator), "logo": logo}).status_code == 302
    revision = Revision.objects.for_instance(innovator).latest("created_at")
    assert revision.content["logo"] is not None
    innovator.refresh_from_db()
    assert innovator.logo_id != revision.content["logo"]  # live keeps its logo until approval


def test_the_honeypot_saves_nothing(person, innovator):
    assert person.post(PROFILE, form_data(innovator, homepage="x")).status_code == 302
    assert not WorkflowState.objects.filter(object_id=str(innovator.pk)).exists()


def test_the_rate_limit(person, innovator, settings):
    settings.INNOVATORS_PROFILE_EDIT_RATE = "1/h"
    assert person.post(PROFILE, form_data(innovator)).status_code == 302
    assert person.post(PROFILE, form_data(innovator)).status_code == 429


def test_a_new_contact_email_waits_for_its_confirmation(person, innovator):
    mail.outbox.clear()
    old = innovator.contact_email
    person.post(PROFILE, form_data(innovator, contact_email="nuova@vivai-verde.example.org"))
    innovator.refresh_from_db()
    assert innovator.contact_email == old
    [message] = [m for m in mail.outbox if m.to == ["nuova@vivai-verde.example.org"]]
    link = re.search(r"https?://\S+/area-innovatori/profilo/conferma-email/\?t=\S+", message.body)
    path = link.group(0).split("testserver", 1)[-1]
    stranger = Client()
    assert stranger.get(path).status_code == 200  # a GET changes nothing
    innovator.refresh_from_db()
    assert innovator.contact_email == old
    token = path.split("?t=")[1]
    assert stranger.post(reverse("innovators_area:confirm_email"), {"t": token}).status_code == 200
    innovator.refresh_from_db()
    assert innovator.contact_email == "nuova@vivai-verde.example.org"
    # A pending revision carries the new address too, so an approval does not bring back the old.
    revision = Revision.objects.for_instance(innovator).latest("created_at")
    assert revision.content["contact_email"] == "nuova@vivai-verde.example.org"


def test_a_forged_confirmation_changes_nothing(client, innovator):
    response = client.post(reverse("innovators_area:confirm_email"), {"t": "forged:token"})
    assert response.status_code == 400


def test_an_innovator_cannot_edit_another(person, innovator):
    other = Innovator.objects.create(
        name="Altra Realtà",
        short_description="Un'altra.",
        sector=innovator.sector,
        municipality=innovator.municipality,
        contact_email="altra@example.org",
        live=True,
    )
    assert (
        person.post(reverse("innovators_area:choose"), {"innovator": other.pk}).status_code == 404
    )
    person.post(PROFILE, form_data(innovator))
    assert not WorkflowState.objects.filter(object_id=str(other.pk)).exists()
    assert not Revision.objects.for_instance(other).filter(user__isnull=False).exists()


def test_social_profiles_go_live_with_the_approved_change(person, innovator, moderazione):
    links = {
        "linkedin": "https://www.linkedin.com/company/vivai-verde",
        "instagram": "instagram.com/vivaiverde",  # the scheme is added
    }
    assert person.post(PROFILE, form_data(innovator, **links)).status_code == 302
    innovator.refresh_from_db()
    assert not innovator.linkedin  # in review, not live
    state = WorkflowState.objects.get(object_id=str(innovator.pk), status="in_progress")
    moderator = Client()
    moderator.force_login(moderazione)
    approve = reverse(
        f"{NAMESPACE}:workflow_action", args=[innovator.pk, "approve", state.current_task_state.pk]
    )
    assert moderator.post(approve).status_code in (200, 302)
    innovator.refresh_from_db()
    assert innovator.social_links == [
        ("LinkedIn", "https://www.linkedin.com/company/vivai-verde"),
        ("Instagram", "https://instagram.com/vivaiverde"),
    ]
    public = Client().get(f"/club/{innovator.slug}/").content.decode()
    assert 'href="https://instagram.com/vivaiverde"' in public
