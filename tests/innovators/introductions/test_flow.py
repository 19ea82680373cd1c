"""The double consent: the request e-mail, its links (GET shows, POST answers, once, for 14
days), acceptance (both sides get the other's contact), refusal and expiry (no contact), the
limits and the abuse report."""

import datetime
import re
from io import StringIO

from django.core import mail, signing
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

import pytest

from innovators.introductions.models import Introduction, IntroductionState
from tests.innovators.introductions.conftest import (
    CIRCOLO,
    MARCO,
    NUVOLA,
    VERDE,
    ask,
    ask_url,
    bodies_to,
    committed,
    links_for,
    press,
    signed_in_client,
    token_of,
)

MESSAGE = "Facciamo sensori per vivai: possiamo collaborare?"


def test_accepted_both_sides_get_the_others_contact(as_nuvola, verde, nuvola, client):
    response = ask(as_nuvola, verde, MESSAGE)
    assert response.status_code == 302 and response.url.endswith("?inviata=1")
    introduction = Introduction.objects.get()
    assert (introduction.asker, introduction.receiver) == (nuvola, verde)
    assert introduction.asked_by == NUVOLA and introduction.state == IntroductionState.ASKED

    # Each of Vivai Verde's people gets the message and links of their own; no address of the
    # asker's is in it.
    assert sorted(m.to[0] for m in mail.outbox) == [VERDE, MARCO]
    for message in mail.outbox:
        assert "Nuvola Digitale" in message.subject
        assert MESSAGE in message.body
        assert NUVOLA not in message.body
    links = links_for(MARCO)
    assert set(links) == {"si", "no"}
    assert links_for(VERDE)["si"] != links["si"]

    # Opening the link (a mail scanner does) shows the message and the button, and changes
    # nothing.
    mail.outbox.clear()
    page = client.get(links["si"])
    assert page.status_code == 200
    assert MESSAGE in page.content.decode() and "Accetto" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"
    assert "no-store" in page["Cache-Control"]
    introduction.refresh_from_db()
    assert introduction.state == IntroductionState.ASKED and mail.outbox == []

    # The button: accepted by Marco; both sides get the other's name, contact and e-mail.
    response = press(client, links["si"])
    assert response.status_code == 302
    introduction.refresh_from_db()
    assert introduction.state == IntroductionState.ACCEPTED
    assert introduction.answered_by == MARCO
    to_asker, to_marco = bodies_to(NUVOLA), bodies_to(MARCO)
    assert "Vivai Verde" in to_asker and "Marco Bianchi" in to_asker and MARCO in to_asker
    assert "Nuvola Digitale" in to_marco and NUVOLA in to_marco
    assert bodies_to(VERDE) == ""  # the other person of Vivai Verde gets nothing
    assert client.get(response.url).content.decode().count("data-introduction-state") == 1

    # Once only: the same link, the other link, another person's link change nothing.
    mail.outbox.clear()
    for path in (links["si"], links["no"], links_for_accepting_again(verde)):
        press(client, path)
    introduction.refresh_from_db()
    assert introduction.state == IntroductionState.ACCEPTED and introduction.answered_by == MARCO
    assert mail.outbox == []


def links_for_accepting_again(verde):
    from innovators.introductions.notices import answer_link

    return answer_link(Introduction.objects.get(), VERDE, "si").split("://", 1)[1].split("/", 1)[1]


@pytest.mark.parametrize("method", ["put", "delete", "head"])
def test_the_links_answer_only_by_post(as_nuvola, verde, client, method):
    ask(as_nuvola, verde)
    path = links_for(VERDE)["si"]
    assert getattr(client, method)(path).status_code == 405
    assert Introduction.objects.get().state == IntroductionState.ASKED


def test_a_declined_request_gives_no_contact(as_nuvola, verde, client):
    ask(as_nuvola, verde)
    links = links_for(VERDE)
    mail.outbox.clear()
    page = client.get(links["no"])
    assert "No, grazie" in page.content.decode()
    press(client, links["no"])
    introduction = Introduction.objects.get()
    assert introduction.state == IntroductionState.DECLINED
    [notice] = mail.outbox
    assert notice.to == [NUVOLA]
    assert "Vivai Verde" in notice.body
    for address in (VERDE, MARCO):
        assert address not in notice.body
    # «Accetto» afterwards: nothing.
    mail.outbox.clear()
    press(client, links["si"])
    assert Introduction.objects.get().state == IntroductionState.DECLINED and mail.outbox == []


def test_links_last_14_days(as_nuvola, verde, client, settings, monkeypatch):
    assert settings.INTRODUCTIONS_ANSWER_DAYS == 14
    ask(as_nuvola, verde)
    introduction = Introduction.objects.get()
    from innovators.introductions import people
    from innovators.introductions.notices import answer_link

    def link_signed(days_ago):
        then = int(timezone.now().timestamp()) - days_ago * 24 * 3600
        monkeypatch.setattr(
            signing.TimestampSigner, "timestamp", lambda self: signing.b62_encode(then)
        )
        link = answer_link(introduction, VERDE, "si")
        monkeypatch.undo()
        return "/" + link.split("://", 1)[1].split("/", 1)[1]

    assert (
        people.digest(VERDE)
        in signing.TimestampSigner(salt="innovators.introductions.answer").unsign_object(
            token_of(link_signed(0))
        )["p"]
    )
    stale = link_signed(15)
    assert client.get(stale).status_code == 400
    mail.outbox.clear()
    response = press(client, stale)
    assert response.status_code == 400 and b"data-link-invalid" in response.content
    assert Introduction.objects.get().state == IntroductionState.ASKED and mail.outbox == []
    response = press(client, link_signed(13))
    assert Introduction.objects.get().state == IntroductionState.ACCEPTED


def test_a_forged_or_foreign_token_answers_nothing(as_nuvola, verde, client):
    ask(as_nuvola, verde)
    token = token_of(links_for(VERDE)["si"])
    for bad in ("", "x" * 400, token[:-2] + "zz", "²", token.replace(":", ";")):
        response = client.post(reverse("introductions:answer"), {"t": bad, "scelta": "si"})
        assert response.status_code == 400
    response = client.post(reverse("introductions:answer"), {"t": token, "scelta": "forse"})
    assert response.status_code == 400
    assert Introduction.objects.get().state == IntroductionState.ASKED


def test_unanswered_requests_expire_kindly_and_without_contact(as_nuvola, verde, client):
    ask(as_nuvola, verde)
    links = links_for(VERDE)
    introduction = Introduction.objects.get()
    Introduction.objects.filter(pk=introduction.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=13)
    )
    with committed():
        call_command("expire_introductions", stdout=StringIO())
    assert Introduction.objects.get().state == IntroductionState.ASKED
    Introduction.objects.filter(pk=introduction.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=14, minutes=1)
    )
    mail.outbox.clear()
    with committed():
        call_command("expire_introductions", stdout=StringIO())
    introduction.refresh_from_db()
    assert introduction.state == IntroductionState.EXPIRED
    [notice] = mail.outbox
    assert notice.to == [NUVOLA] and "senza risposta" in notice.body
    assert VERDE not in notice.body and MARCO not in notice.body
    mail.outbox.clear()
    press(client, links["si"])
    assert Introduction.objects.get().state == IntroductionState.EXPIRED and mail.outbox == []


def test_a_few_requests_a_day(as_nuvola, nuvola, settings, site):
    from innovators.factories import InnovatorFactory

    settings.INTRODUCTIONS_PER_DAY = 3
    others = [InnovatorFactory(name=f"Realtà {n}", sector=site["sector"]) for n in range(5)]
    for other in others[:3]:
        assert ask(as_nuvola, other).status_code == 302
    response = ask(as_nuvola, others[3])
    assert response.status_code == 200
    assert "nelle ultime 24 ore" in response.content.decode()
    assert Introduction.objects.count() == 3
    # A day later the allowance is back.
    Introduction.objects.update(created_at=timezone.now() - datetime.timedelta(hours=25))
    assert ask(as_nuvola, others[3]).status_code == 302


def test_one_open_request_per_pair(as_nuvola, verde, nuvola, client):
    assert ask(as_nuvola, verde).status_code == 302
    decline = links_for(VERDE)["no"]
    again = ask(as_nuvola, verde)
    assert again.status_code == 200
    assert "Hai già chiesto di conoscere Vivai Verde" in again.content.decode()
    # The other way round: Vivai Verde is told to answer the e-mail it has.
    as_verde = signed_in_client(VERDE)
    back = ask(as_verde, nuvola)
    assert "Nuvola Digitale ti ha già chiesto di conoscervi" in back.content.decode()
    assert Introduction.objects.count() == 1
    # The database holds it too, whichever way round.
    for asker, receiver in ((nuvola, verde), (verde, nuvola)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Introduction.objects.create(asker=asker, receiver=receiver)
    # Once answered, a new request may be made.
    press(client, decline)
    assert ask(as_nuvola, verde).status_code == 302
    assert Introduction.objects.count() == 2


def test_who_may_ask_whom(as_nuvola, nuvola, verde, client):
    # Not signed in: the sign-in page.
    response = client.get(ask_url(verde))
    assert response.status_code == 302 and response.url == "/area-innovatori/accedi/"
    # Its own profile, an unpublished or unknown innovator.
    assert ask(as_nuvola, nuvola).status_code == 400
    verde.live = False
    verde.save()
    assert as_nuvola.get(ask_url(verde)).status_code == 404
    assert as_nuvola.get("/area-innovatori/presentazioni/chiedi/99999999/").status_code == 404
    assert Introduction.objects.count() == 0


def test_the_message_is_plain_text_and_the_form_has_a_honeypot(as_nuvola, verde):
    page = as_nuvola.get(ask_url(verde)).content.decode()
    assert 'name="homepage"' in page
    response = ask(as_nuvola, verde, "")
    assert response.status_code == 200 and "Scrivi qualche riga" in response.content.decode()
    ask(as_nuvola, verde, "<b>Ciao</b> <script>alert(1)</script>vi scriviamo")
    assert Introduction.objects.get().message == "Ciao vi scriviamo"
    Introduction.objects.all().delete()
    mail.outbox.clear()
    spam = as_nuvola.post(ask_url(verde), {"message": "Offerta!", "homepage": "http://spam"})
    assert spam.status_code == 302
    assert Introduction.objects.count() == 0 and mail.outbox == []


def test_the_ask_form_is_rate_limited_per_address(as_nuvola, verde, settings):
    settings.INTRODUCTIONS_ASK_RATE = "2/h"
    ask(as_nuvola, verde)
    ask(as_nuvola, verde)
    assert ask(as_nuvola, verde).status_code == 429


def test_the_receiver_reports_abuse_and_moderazione_sees_it(
    as_nuvola, verde, circolo, client, moderazione, redazione
):
    ask(as_nuvola, verde, "Compra i nostri corsi, sconto del 90%!")
    nuvola_link = links_for(VERDE)["no"]
    mail.outbox.clear()
    ask(signed_in_client(CIRCOLO), verde, "Un messaggio che resta privato.")
    mail.outbox.clear()
    with committed():
        response = client.post(
            reverse("introductions:answer"),
            {
                "t": token_of(nuvola_link),
                "scelta": "segnala",
                "reason": "Pubblicità.",
                "homepage": "",
            },
        )
    assert response.status_code == 302
    reported = Introduction.objects.get(asker__name="Nuvola Digitale")
    assert reported.reported_at is not None and reported.report_reason == "Pubblicità."
    assert reported.state == IntroductionState.DECLINED
    [notice] = mail.outbox  # the asker's kind notice: no contact, no word of the report
    assert notice.to == [NUVOLA] and VERDE not in notice.body and "segnal" not in notice.body

    client.force_login(moderazione)
    page = client.get("/admin/presentazioni/").content.decode()
    assert "Compra i nostri corsi" in page and "Pubblicità." in page
    assert "Un messaggio che resta privato." not in page  # not reported: only counted
    assert VERDE not in page and NUVOLA not in page
    assert "/admin/presentazioni/" in client.get("/admin/").content.decode()

    client.force_login(redazione)
    refused = client.get("/admin/presentazioni/", follow=True)  # Wagtail: back to the dashboard
    assert refused.redirect_chain == [("/admin/", 302)]
    assert "Compra i nostri corsi" not in refused.content.decode()
    assert "/admin/presentazioni/" not in client.get("/admin/").content.decode()


def test_each_person_gets_the_request_in_the_language_of_its_area(as_nuvola, verde, client):
    """Marco signed in to the area in English: his request (and its links) comes in English;
    the contact address, never signed in, gets the site's language, Italian."""
    client.post("/en/innovators-area/sign-in/", {"email": MARCO})
    token = re.search(r"sesame=([\w\-]+)", mail.outbox[-1].body).group(1)
    assert client.post("/en/innovators-area/sign-in/link/", {"sesame": token}).status_code == 302
    mail.outbox.clear()

    ask(as_nuvola, verde, MESSAGE)

    [to_marco] = [m for m in mail.outbox if m.to == [MARCO]]
    [to_verde] = [m for m in mail.outbox if m.to == [VERDE]]
    assert to_marco.subject == "Pistoia2030: Nuvola Digitale would like to meet you"
    assert "/en/innovators-area/introductions/answer/?t=" in to_marco.body
    assert to_verde.subject == "Pistoia2030: Nuvola Digitale vorrebbe conoscervi"
    assert "/area-innovatori/presentazioni/risposta/?t=" in to_verde.body

    # Marco accepts: his side of the introduction comes in English too.
    mail.outbox.clear()
    links = re.findall(r"https?://\S+/answer/\?t=\S+", to_marco.body)
    press(client, next(link for link in links if link.endswith("scelta=si")))
    [introduced] = [m for m in mail.outbox if m.to == [MARCO]]
    assert introduced.subject == "Pistoia2030: meet Nuvola Digitale"
