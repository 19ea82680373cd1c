"""The public join request: a draft for moderators, never a half-saved record or a 500."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import WorkflowState

import pytest

from innovators.models import Innovator
from tests.html import parse
from tests.images import image_bytes

URL = "/club/aderisci/"


def png(width=200, height=100) -> SimpleUploadedFile:
    content = image_bytes("PNG", (width, height))
    return SimpleUploadedFile("logo.png", content, content_type="image/png")


def error_for(response, field):
    return [
        li.get_text(" ", strip=True) for li in parse(response).select(f"#id_{field}_error li")
    ] or [
        error.get_text(" ", strip=True)
        for error in parse(response).select(".notice--error li")
        if error.get_text().startswith(str(field))
    ]


def test_form_renders(client, club_page, sectors):
    html = parse(client.get(URL))
    assert html.select_one("form.join-form input[name=csrfmiddlewaretoken]")
    assert {o.get_text() for o in html.select("#id_sector option")} >= {"Vivaismo", "Digitale"}


def test_good_request_creates_a_draft_with_a_revision_and_sends_mails(
    client, club_page, data, moderator
):
    response = client.post(URL, {**data, "logo": png()})
    assert response.status_code == 302
    assert response["Location"] == "/club/aderisci/?inviata=1"
    innovator = Innovator.objects.get(name="Officina Nuova")
    assert not innovator.live
    assert innovator.revisions.count() == 1
    assert innovator.is_club_member
    assert innovator.website == "https://officinanuova.example.org"
    assert innovator.municipality.name == "Agliana"
    assert (innovator.latitude, innovator.longitude) == (
        innovator.municipality.latitude,
        innovator.municipality.longitude,
    )
    assert innovator.description == "<p>Aiutiamo le botteghe.</p><p>Anche con corsi.</p>"
    assert sorted(tag.name for tag in innovator.tags.all()) == ["artigianato", "stampa 3D"]
    assert innovator.logo.width == 200
    # Our notice with what was sent (the moderators' only one: tests/backoffice/test_review_mail)
    # and the applicant's; the request waits in the moderators' review queue.
    recipients = sorted({address for message in mail.outbox for address in message.to})
    assert recipients == ["ciao@officinanuova.example.org", "moderatrice@example.org"]
    assert WorkflowState.objects.filter(object_id=str(innovator.pk), status="in_progress").exists()
    editors_mail = next(m for m in mail.outbox if "adesione" in m.subject)
    assert f"/admin/snippets/innovators/innovator/edit/{innovator.pk}/" in editors_mail.body
    # Still hidden from the public until a moderator publishes it.
    assert client.get(f"/club/{innovator.slug}/").status_code == 404
    thanks = parse(client.get(response["Location"]))
    assert thanks.select_one(".notice--success")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"name": ""}, "name", "obbligatorio"),
        ({"sector": ""}, "sector", "obbligatorio"),
        ({"municipality": ""}, "municipality", "obbligatorio"),
        ({"privacy": ""}, "privacy", "consenso privacy"),
        ({"contact_email": "non-una-mail"}, "contact_email", "e-mail valido"),
        ({"short_description": "x" * 281}, "short_description", "280"),
        ({"website": "javascript:alert(1)"}, "website", "URL valido"),
        (
            {"short_description": "<script>alert(1)</script>"},
            "short_description",
            "senza codice HTML",
        ),
        ({"tags": ",".join(f"t{n}" for n in range(11))}, "tags", "al massimo 10"),
    ],
)
def test_bad_input_re_renders_with_italian_messages(
    client, club_page, data, change, field, message
):
    data = {key: value for key, value in {**data, **change}.items() if value != ""}
    response = client.post(URL, data)
    assert response.status_code == 200
    html = parse(response)
    summary = html.select_one(".notice--error").get_text(" ", strip=True)
    assert message in summary
    assert html.select_one(f"[name={field}]") is not None
    assert not Innovator.objects.exists()
    assert not mail.outbox


def test_a_pdf_as_logo_is_refused(client, club_page, data):
    pdf = SimpleUploadedFile(
        "logo.png", b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF", content_type="image/png"
    )
    response = client.post(URL, {**data, "logo": pdf})
    assert response.status_code == 200
    assert "JPEG, PNG o WebP" in parse(response).select_one(".notice--error").get_text()
    assert not Innovator.objects.exists()


def test_an_oversize_image_is_refused(client, club_page, data, monkeypatch):
    monkeypatch.setattr("innovators.forms.LOGO_MAX_BYTES", 1000)
    response = client.post(URL, {**data, "logo": png(400, 400)})
    assert response.status_code == 200
    assert "troppo grande" in parse(response).select_one(".notice--error").get_text()
    big = client.post(URL, {**data, "logo": png(4100, 10)})
    assert "troppo grande" in parse(big).select_one(".notice--error").get_text()
    assert not Innovator.objects.exists()


def test_html_in_the_description_is_stripped_and_escaped(client, club_page, data):
    response = client.post(
        URL,
        {
            **data,
            "short_description": 'Ciao <b>mondo</b><script>alert("x")</script> & amici',
            "description": "<img src=x onerror=alert(1)>Testo <a href='https://spam.example'>link</a>",
        },
    )
    assert response.status_code == 302
    innovator = Innovator.objects.get()
    assert innovator.short_description == "Ciao mondo & amici"
    assert innovator.description == "<p>Testo link</p>"
    innovator.save_revision().publish()
    page = client.get(f"/club/{innovator.slug}/").content.decode()
    assert "<script>alert" not in page and "onerror" not in page
    assert "Ciao mondo &amp; amici" in page


def test_honeypot_saves_nothing_and_says_thanks(client, club_page, data):
    response = client.post(URL, {**data, "homepage": "http://spam.example"})
    assert response.status_code == 302
    assert not Innovator.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_ip(client, club_page, data, settings):
    settings.INNOVATORS_JOIN_RATE = "2/h"
    for number in range(2):
        assert client.post(URL, {**data, "name": f"Realtà {number}"}).status_code == 302
    response = client.post(URL, {**data, "name": "Realtà 3"})
    assert response.status_code == 429
    assert "troppe richieste" in parse(response).select_one(".notice--error").get_text()
    assert Innovator.objects.count() == 2
    other_ip = client.post(URL, {**data, "name": "Realtà 4"}, REMOTE_ADDR="10.0.0.9")
    assert other_ip.status_code == 302


def test_nothing_is_half_saved_when_the_revision_fails(client, club_page, data, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("revision failed")

    monkeypatch.setattr(Innovator, "save_revision", boom)
    with pytest.raises(RuntimeError):
        client.post(URL, {**data, "logo": png()})
    assert not Innovator.objects.exists()
    from portal.models import PortalImage

    assert not PortalImage.objects.exists()


def test_slug_never_collides(client, club_page, data, innovators):
    client.post(URL, {**data, "name": "Vivai Verde"})
    client.post(URL, {**data, "name": "Aderisci"}, REMOTE_ADDR="10.0.0.2")
    slugs = set(Innovator.objects.values_list("slug", flat=True))
    assert {"vivai-verde", "vivai-verde-2", "aderisci-2"} <= slugs
