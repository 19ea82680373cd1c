"""The public form: a good story lands as a draft in moderation; bad input saves nothing."""

import csv
import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import WorkflowState

import pytest

from portal.models import PortalImage
from stories.models import StoryPage, StorySubmission, SubmissionStatus
from tests.html import parse
from tests.images import image_bytes

URL = "/storie/racconta/"
STORY_TEXT = (
    "Tre anni fa abbiamo iniziato a misurare l'acqua dei vasi con sensori costruiti da noi.\n\n"
    "Il primo inverno è stato difficile: i sensori si rompevano e i dati non tornavano. "
    "Poi, con i ragazzi dell'istituto tecnico, abbiamo rifatto tutto da capo.\n\n"
    "Oggi usiamo il quaranta per cento di acqua in meno e vendiamo i sensori ad altri vivai "
    "della piana, che li hanno adattati alle loro serre."
)


def valid_data(**overrides):
    data = {
        "name": "Giulia Rossi",
        "organisation": "Vivai Verde",
        "email": "giulia@example.org",
        "title": "I sensori che fanno risparmiare acqua",
        "summary": "Un vivaio di Pistoia ha dimezzato i consumi d'acqua con sensori fatti in casa.",
        "text": STORY_TEXT,
        "consent_privacy": "on",
        "consent_publication": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def photo(name="foto.jpg", content=None, **kwargs):
    return SimpleUploadedFile(name, content or image_bytes(**kwargs), content_type="image/jpeg")


def nothing_saved():
    return (
        not StoryPage.objects.exists()
        and not StorySubmission.objects.exists()
        and not PortalImage.objects.exists()
    )


def test_form_renders_accessibly(client, submission_page):
    html = parse(client.get(URL))
    form = html.select_one("form.story-form")
    assert [legend.get_text(strip=True) for legend in form.select("legend")][:2] == [
        "Chi sei",
        "La tua storia",
    ]
    for field in form.select("input:not([type=hidden]), textarea"):
        if field.get("name") == "homepage":
            continue
        assert form.select_one(f'label[for="{field["id"]}"]'), field["name"]
    assert form.select_one("#id_text")["aria-describedby"] == "id_text_helptext"


def test_good_story_becomes_a_draft_in_moderation(
    client, submission_page, story_innovators, moderator, mailoutbox
):
    data = valid_data(
        photo_1=photo(), alt_1="Sensori nei vasi", photo_2=photo(format="PNG"), alt_2="Le serre"
    )
    response = client.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == "/storie/racconta/grazie/"

    story = StoryPage.objects.get()
    assert not story.live
    assert story.get_parent().specific == submission_page.get_parent().specific
    assert story.title == "I sensori che fanno risparmiare acqua"
    assert story.author_name == "Giulia Rossi"
    assert [block.block_type for block in story.body] == ["paragraph"] * 3 + ["image"]
    assert story.body[0].value.source == (
        "<p>Tre anni fa abbiamo iniziato a misurare l&#x27;acqua dei vasi con sensori costruiti da noi.</p>"
    )
    assert [link.innovator for link in story.innovator_links.all()] == [story_innovators["verde"]]

    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Revisione redazionale"
    assert state.requested_by.username == "modulo-storie"
    assert not state.requested_by.is_active

    images = list(PortalImage.objects.order_by("pk"))
    assert [image.description for image in images] == ["Sensori nei vasi", "Le serre"]
    assert {image.collection.name for image in images} == {"Contributi"}
    assert story.image == images[0]
    assert all(image.file.name.endswith(".jpg") for image in images)  # re-encoded
    assert images[0].credit == "Foto inviata da Giulia Rossi"

    record = StorySubmission.objects.get()
    assert record.status == SubmissionStatus.RECEIVED
    assert record.story == story
    assert record.innovator == story_innovators["verde"]
    assert record.text == STORY_TEXT

    subjects = {message.subject: message.to for message in mailoutbox}
    assert subjects["Nuova storia da revisionare: I sensori che fanno risparmiare acqua"] == [
        "moderatore@example.org"
    ]
    assert subjects["Pistoia2030: abbiamo ricevuto la tua storia"] == ["giulia@example.org"]

    thanks = parse(client.get(response["Location"]))
    assert "Grazie, abbiamo ricevuto la tua storia!" in thanks.select_one("[role=status]").text


def test_unknown_organisation_is_kept_as_text(client, submission_page, story_innovators):
    client.post(URL, valid_data(organisation="Bozza Segreta"))  # a draft innovator: no match
    record = StorySubmission.objects.get()
    assert record.organisation == "Bozza Segreta"
    assert record.innovator is None
    assert not record.story.innovator_links.exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "Scrivi il tuo nome."),
        ("email", "non-una-mail", "Inserisci un indirizzo e-mail valido, come nome@esempio.it."),
        ("title", "Breve", "Il titolo è troppo corto: almeno 10 caratteri."),
        ("title", "x" * 121, "Il titolo è troppo lungo: al massimo 120 caratteri."),
        ("summary", "", "Scrivi un breve riassunto."),
        ("summary", "x" * 401, "Il riassunto è troppo lungo: al massimo 400 caratteri."),
        ("text", "Troppo corta.", "La storia è troppo corta: almeno 300 caratteri."),
        ("text", "x" * 8001, "La storia è troppo lunga: al massimo 8000 caratteri."),
        ("consent_privacy", "", "Per inviare la storia serve il consenso privacy."),
        ("consent_publication", "", "Per pubblicare la storia ci serve il tuo consenso."),
    ],
)
def test_each_field_is_validated(client, submission_page, field, value, message):
    data = valid_data()
    if value:
        data[field] = value
    else:
        data.pop(field)
    response = client.post(URL, data)
    assert response.status_code == 200
    html = parse(response)
    error = html.select_one(f"#id_{field}_error")
    assert error and error.get_text(strip=True) == message
    assert "id_" + field + "_error" in html.select_one(f"#id_{field}")["aria-describedby"]
    assert html.select_one(f'.notice--error a[href="#id_{field}"]')
    assert nothing_saved()


def test_fake_image_is_refused(client, submission_page):
    fake = SimpleUploadedFile("foto.jpg", b"<?php echo 'ciao'; ?>", content_type="image/jpeg")
    response = client.post(URL, valid_data(photo_1=fake, alt_1="Una foto"))
    html = parse(response)
    assert (
        "La foto 1 deve essere un'immagine JPEG, PNG o WebP."
        in html.select_one("#id_photo_1_error").text
    )
    assert nothing_saved()


def test_gif_named_jpeg_is_refused(client, submission_page):
    gif = photo(name="foto.jpg", format="GIF")
    response = client.post(URL, valid_data(photo_1=gif, alt_1="Una foto"))
    assert (
        "deve essere un'immagine JPEG, PNG o WebP"
        in parse(response).select_one("#id_photo_1_error").text
    )
    assert nothing_saved()


def test_oversize_image_is_refused(client, submission_page, settings):
    settings.STORIES_PHOTO_MAX_BYTES = 10 * 1024
    big = photo(content=image_bytes(size=(400, 300)) + b"\0" * 20 * 1024)
    response = client.post(URL, valid_data(photo_1=big, alt_1="Una foto"))
    assert "è troppo grande" in parse(response).select_one("#id_photo_1_error").text
    assert nothing_saved()


def test_photo_needs_a_description(client, submission_page):
    response = client.post(URL, valid_data(photo_1=photo(), alt_1=""))
    assert "Descrivi la foto 1" in parse(response).select_one("#id_alt_1_error").text
    assert nothing_saved()


def test_script_tags_never_survive(client, submission_page, moderator):
    script = "<script>alert('x')</script>"
    data = valid_data(
        name=f"Giulia{script}",
        organisation=f"<b>Vivai</b>{script}",
        title=f"Una storia{script} di sensori",
        summary=f"Un riassunto abbastanza lungo da passare{script} il controllo.",
        text=STORY_TEXT + f"\n\n{script}<img src=x onerror=alert(1)> fine",
        photo_1=photo(),
        alt_1=f"Una foto{script}",
    )
    response = client.post(URL, data)
    assert response.status_code == 302
    story = StoryPage.objects.get()
    record = StorySubmission.objects.get()
    stored = [
        story.title,
        story.intro,
        story.author_name,
        str(story.body.raw_data),
        record.name,
        record.organisation,
        record.summary,
        record.text,
        record.photo_descriptions,
        PortalImage.objects.get().description,
    ]
    for value in stored:
        assert "<script" not in value and "alert(" not in value and "<img" not in value, value
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert "<script>alert" not in html
    assert "onerror" not in html


@pytest.mark.parametrize("field", ["name", "organisation", "title"])
def test_a_line_break_in_a_single_line_field_is_refused(client, submission_page, field):
    response = client.post(URL, valid_data(**{field: "Una storia\r\nBcc: spia@example.org"}))
    assert "una sola riga" in parse(response).select_one(f"#id_{field}_error").text
    assert nothing_saved()


def test_html_only_text_is_refused(client, submission_page):
    response = client.post(URL, valid_data(name="<script>alert(1)</script>"))
    assert "senza codice HTML" in parse(response).select_one("#id_name_error").text
    assert nothing_saved()


def test_honeypot_pretends_success_and_saves_nothing(client, submission_page, mailoutbox):
    response = client.post(URL, valid_data(homepage="http://spam.example"))
    assert response.status_code == 302
    assert nothing_saved()
    assert mailoutbox == []


def test_rate_limit_per_address(client, submission_page, settings):
    settings.STORIES_SUBMISSION_RATE = "2/h"
    for n in range(2):
        data = valid_data(title=f"Storia numero {n} dal vivaio")
        assert client.post(URL, data, REMOTE_ADDR="10.0.0.1").status_code == 302
    response = client.post(URL, valid_data(), REMOTE_ADDR="10.0.0.1")
    assert response.status_code == 429
    assert "Hai inviato troppe storie" in parse(response).select_one(".notice--error").text
    assert StorySubmission.objects.count() == 2
    other = client.post(URL, valid_data(), REMOTE_ADDR="10.0.0.2")
    assert other.status_code == 302


def media_files(settings) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {str(path) for path in root.rglob("*") if path.is_file()}


def test_a_photo_broken_past_its_header_is_dropped_by_the_worker(
    task_queue, client, submission_page, settings
):
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from tests.portal.test_tasks import run_worker

    truncated = image_bytes(size=(1200, 900))[:-4000]  # header fine, data cut short
    data = valid_data(
        photo_1=photo(), alt_1="Buona", photo_2=photo(content=truncated), alt_2="Rotta"
    )
    response = client.post(URL, data)
    assert response.status_code == 302  # the header passed: the request decodes nothing
    assert PortalImage.objects.count() == 2
    sent = {image.file.name for image in PortalImage.objects.all()}
    run_worker()
    (kept,) = PortalImage.objects.all()  # the broken one is deleted, with its file
    assert kept.description == "Buona" and kept.file.name not in sent
    assert not any(default_storage_exists(name) for name in sent)
    story = StoryPage.objects.get()
    assert story.get_latest_revision_as_object().image == kept  # the story is kept
    encodings = DBTaskResult.objects.filter(task_path="portal.forms.images.encode_upload")
    assert sorted(encodings.values_list("status", flat=True)) == [
        TaskResultStatus.FAILED,  # visible to moderators, not tried again
        TaskResultStatus.SUCCESSFUL,
    ]
    assert "UnreadableUpload" in encodings.get(status=TaskResultStatus.FAILED).exception_class_path


def default_storage_exists(name) -> bool:
    from django.core.files.storage import default_storage

    return default_storage.exists(name)


def test_failure_after_the_page_rolls_everything_back(client, submission_page, monkeypatch):
    from wagtail.models import Workflow

    def broken(self, obj, user):
        raise RuntimeError("workflow down")

    monkeypatch.setattr(Workflow, "start", broken)
    client.raise_request_exception = False
    response = client.post(URL, valid_data(photo_1=photo(), alt_1="Foto"))
    assert response.status_code == 500
    assert nothing_saved()


def test_submissions_are_listed_and_exported(client, submission_page, editor):
    client.post(URL, valid_data(name='=HYPERLINK("http://x")'))
    client.force_login(editor)
    listing = client.get("/admin/storysubmission/")
    assert listing.status_code == 200
    assert "I sensori che fanno risparmiare acqua" in listing.content.decode()
    export = client.get("/admin/storysubmission/?export=csv")
    assert export.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0]["Titolo"] == "I sensori che fanno risparmiare acqua"
    assert rows[0]["Stato"] == "Ricevuta"
    assert rows[0]["Nome"].startswith("'=")  # no formula injection


def test_record_survives_the_draft(client, submission_page):
    client.post(URL, valid_data())
    StoryPage.objects.get().delete()
    record = StorySubmission.objects.get()
    assert record.story is None
    assert record.text == STORY_TEXT
