"""Offers and needs written in the innovators' area: a revision in «Revisione redazionale» in
the person's name, public on the board and the profile only once `moderazione` approves;
renewed with one click, withdrawn, lapsed; the reminder before the end goes once."""

import datetime
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, WorkflowState

import pytest

from home.demo.stories import build_editorial_users
from innovators.factories import OfferFactory
from innovators.models import Offer, OfferCategory, OfferKind
from tests.innovators.area.conftest import AREA, sign_in

NEW = "/area-innovatori/offerte/nuova/"
NAMESPACE = "wagtailsnippets_innovators_offer"
BOARD = "/club/bacheca/"


@pytest.fixture
def moderazione(db):
    build_editorial_users(StringIO())
    return get_user_model().objects.get(username="moderazione")


@pytest.fixture
def person(client, club_page, verde):
    sign_in(client, verde.contact_email)
    return client


def offer_data(**overrides) -> dict:
    data = {
        "kind": OfferKind.OFFER,
        "category": OfferCategory.objects.get(slug="spazi-attrezzature").pk,
        "title": "Serra sperimentale a ore",
        "text": "Una serra con sensori per provare coltivazioni nuove, due giorni al mese.",
        "tags": "verde urbano, sensori",
        "municipality": "",
        "homepage": "",
    }
    data.update(overrides)
    return data


def approve(offer, user) -> None:
    state = WorkflowState.objects.get(object_id=str(offer.pk), status="in_progress")
    moderator = Client()
    moderator.force_login(user)
    url = reverse(
        f"{NAMESPACE}:workflow_action", args=[offer.pk, "approve", state.current_task_state.pk]
    )
    assert moderator.post(url).status_code in (200, 302)


def test_the_area_lists_the_section_and_the_form(person):
    area = person.get(AREA).content.decode()
    assert 'id="area-offers"' in area and NEW in area
    response = person.get(NEW)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert 'name="kind"' in response.content.decode()


def test_a_new_offer_waits_for_moderazione_then_shows(person, verde, moderazione):
    response = person.post(NEW, offer_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    offer = Offer.objects.get(title="Serra sperimentale a ore")
    assert not offer.live and offer.innovator == verde
    assert offer.ends_on == timezone.localdate() + datetime.timedelta(days=183)
    revision = Revision.objects.for_instance(offer).latest("created_at")
    assert revision.user.email == verde.contact_email.casefold()
    state = WorkflowState.objects.get(object_id=str(offer.pk), status="in_progress")
    assert state.requested_by == revision.user
    assert "Serra sperimentale" not in Client().get(BOARD).content.decode()
    assert (
        'data-offer-state="in_review"'
        in person.get(f"/area-innovatori/offerte/{offer.pk}/").content.decode()
    )

    mail.outbox.clear()
    approve(offer, moderazione)
    offer.refresh_from_db()
    assert offer.live
    assert sorted(tag.name for tag in offer.tags.all()) == ["sensori", "verde urbano"]
    board = Client().get(f"{BOARD}?tipo=offro").content.decode()
    assert "Serra sperimentale a ore" in board and f"/club/{verde.slug}/" in board
    assert "Serra sperimentale a ore" in Client().get(f"/club/{verde.slug}/").content.decode()
    # The person hears of it, in the offer's language, with the link to its page in the area.
    [message] = [m for m in mail.outbox if "bacheca" in m.subject]
    assert message.to == [verde.contact_email.casefold()]
    assert f"/area-innovatori/offerte/{offer.pk}/" in message.body


def test_changes_requested_reach_the_person(person, verde, moderazione):
    person.post(NEW, offer_data())
    offer = Offer.objects.get()
    state = WorkflowState.objects.get(object_id=str(offer.pk), status="in_progress")
    moderator = Client()
    moderator.force_login(moderazione)
    url = reverse(
        f"{NAMESPACE}:workflow_action",
        args=[offer.pk, "reject", state.current_task_state.pk],
    )
    mail.outbox.clear()
    moderator.post(url, {"comment": "Indicate anche gli orari, grazie."})
    page = person.get(f"/area-innovatori/offerte/{offer.pk}/").content.decode()
    assert 'data-offer-state="changes_requested"' in page
    assert "Indicate anche gli orari" in page
    assert any("Indicate anche gli orari" in m.body for m in mail.outbox)


def test_an_edit_keeps_the_live_version_until_approved(person, verde, moderazione):
    offer = OfferFactory(innovator=verde, title="Mentoring per startup")
    response = person.post(
        f"/area-innovatori/offerte/{offer.pk}/", offer_data(title="Nuovo titolo")
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Mentoring per startup" and offer.has_unpublished_changes
    assert "Mentoring per startup" in Client().get(BOARD).content.decode()
    approve(offer, moderazione)
    offer.refresh_from_db()
    assert offer.title == "Nuovo titolo"


def test_invalid_input_rerenders_and_saves_nothing(person):
    response = person.post(NEW, offer_data(title="", kind="regalo", category="999"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="form-errors"' in body
    assert not Offer.objects.exists()


def test_the_honeypot_saves_nothing(person):
    assert person.post(NEW, offer_data(homepage="http://spam.example")).status_code == 302
    assert not Offer.objects.exists()


def test_an_innovator_cannot_touch_another_ones_offer(person, nuvola):
    other = OfferFactory(innovator=nuvola)
    assert person.get(f"/area-innovatori/offerte/{other.pk}/").status_code == 404
    assert person.post(f"/area-innovatori/offerte/{other.pk}/rinnova/").status_code == 404
    assert person.post(f"/area-innovatori/offerte/{other.pk}/ritira/").status_code == 404
    other.refresh_from_db()
    assert other.live and other.withdrawn_at is None


def test_anonymous_readers_go_to_the_sign_in(client, db):
    assert client.get(NEW).url.startswith("/area-innovatori/accedi/")


def test_withdrawn_disappears_at_once(person, verde, club_page, settings):
    settings.PAGE_CACHE_ENABLED = True  # even from the cached board
    offer = OfferFactory(innovator=verde, title="Tirocinio in vivaio")
    assert "Tirocinio in vivaio" in Client().get(BOARD).content.decode()
    assert person.get(f"/area-innovatori/offerte/{offer.pk}/ritira/").status_code == 405
    assert person.post(f"/area-innovatori/offerte/{offer.pk}/ritira/").status_code == 302
    offer.refresh_from_db()
    assert offer.withdrawn_at is not None and not offer.live
    assert "Tirocinio in vivaio" not in Client().get(BOARD).content.decode()
    assert "Tirocinio in vivaio" not in Client().get(f"/club/{verde.slug}/").content.decode()


def test_lapsed_disappears_and_one_click_renews(person, verde, club_page, settings):
    settings.PAGE_CACHE_ENABLED = True
    offer = OfferFactory(
        innovator=verde,
        title="Laboratorio condiviso",
        ends_on=timezone.localdate() - datetime.timedelta(days=1),
        reminder_sent_at=timezone.now(),
    )
    assert "Laboratorio condiviso" not in Client().get(BOARD).content.decode()
    assert (
        'data-offer-state="lapsed"'
        in person.get(f"/area-innovatori/offerte/{offer.pk}/").content.decode()
    )
    response = person.post(f"/area-innovatori/offerte/{offer.pk}/rinnova/")
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.ends_on == timezone.localdate() + datetime.timedelta(days=183)
    assert offer.reminder_sent_at is None  # a new reminder before the new end
    assert "Laboratorio condiviso" in Client().get(BOARD).content.decode()


def test_the_reminder_goes_once_before_the_end(verde, club_page):
    soon = OfferFactory(
        innovator=verde,
        title="Spazio coworking",
        ends_on=timezone.localdate() + datetime.timedelta(days=10),
    )
    OfferFactory(
        innovator=verde, title="Lontana", ends_on=timezone.localdate() + datetime.timedelta(days=90)
    )
    mail.outbox.clear()
    call_command("remind_offers_ending", stdout=StringIO())
    [message] = mail.outbox
    assert "Spazio coworking" in message.subject
    assert message.to == [verde.contact_email.casefold()]
    assert f"/area-innovatori/offerte/{soon.pk}/" in message.body
    call_command("remind_offers_ending", stdout=StringIO())
    assert len(mail.outbox) == 1  # once
    soon.refresh_from_db()
    assert soon.reminder_sent_at is not None


def test_renewal_after_the_reminder_allows_a_new_one(person, verde):
    offer = OfferFactory(
        innovator=verde,
        ends_on=timezone.localdate() + datetime.timedelta(days=3),
        reminder_sent_at=timezone.now(),
    )
    person.post(f"/area-innovatori/offerte/{offer.pk}/rinnova/")
    offer.refresh_from_db()
    assert (
        offer.reminder_sent_at is None
        and offer.ends_on > timezone.localdate() + datetime.timedelta(days=150)
    )


def test_moderazione_finds_what_waits(person, moderazione):
    person.post(NEW, offer_data())
    OfferFactory(title="Già pubblicata")
    moderator = Client()
    moderator.force_login(moderazione)
    dashboard = moderator.get("/admin/").content.decode()
    assert "Serra sperimentale a ore" in dashboard  # «In attesa della tua revisione»
    listing = moderator.get("/admin/snippets/innovators/offer/?state=waiting")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Serra sperimentale a ore" in body and "Già pubblicata" not in body
    current = moderator.get("/admin/snippets/innovators/offer/?state=current").content.decode()
    assert "Già pubblicata" in current and "Serra sperimentale a ore" not in current


def test_redazione_cannot_approve(person):
    build_editorial_users(StringIO())
    person.post(NEW, offer_data())
    offer = Offer.objects.get()
    state = WorkflowState.objects.get(object_id=str(offer.pk), status="in_progress")
    editor = Client()
    editor.force_login(get_user_model().objects.get(username="redazione"))
    url = reverse(
        f"{NAMESPACE}:workflow_action", args=[offer.pk, "approve", state.current_task_state.pk]
    )
    editor.post(url)
    offer.refresh_from_db()
    assert not offer.live


def test_the_english_area_writes_in_english(person):
    response = person.get("/en/innovators-area/offers/new/")
    assert response.status_code == 200
    assert "New offer or need" in response.content.decode()
    person.post("/en/innovators-area/offers/new/", offer_data(title="Greenhouse by the hour"))
    assert Offer.objects.get().language == "en"
    assert person.get("/en/innovators-area/synergies/").status_code == 200


def test_moderazione_previews_what_was_sent(person, moderazione):
    person.post(NEW, offer_data())
    offer = Offer.objects.get()
    moderator = Client()
    moderator.force_login(moderazione)
    url = reverse(f"{NAMESPACE}:revisions_view", args=[offer.pk, offer.latest_revision_id])
    response = moderator.get(url)
    assert response.status_code == 200
    assert "Serra sperimentale a ore" in response.content.decode()
