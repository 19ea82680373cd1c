"""A moderator works a public story submission from its admin page (logged in as Moderazione)."""

import csv
import io

from stories.models import StoryPage, StorySubmission
from tests.html import parse, texts

from .test_submission import STORY_TEXT, URL, photo, valid_data


def sent_facts(page) -> dict[str, str]:
    facts = page.select_one("[data-submission-sent] dl")
    return dict(zip(texts(facts.select("dt")), texts(facts.select("dd")), strict=True))


def test_submission_page_shows_what_was_sent(client, submission_page, moderator):
    client.post(
        URL,
        valid_data(
            photo_1=photo(),
            alt_1="Le serre al mattino",
            photo_2=photo(color="#aa0000"),
            alt_2="I sensori nei vasi",
        ),
    )
    submission = StorySubmission.objects.get()
    story = StoryPage.objects.get()
    client.force_login(moderator)
    for url in (
        f"/admin/storysubmission/edit/{submission.pk}/",
        f"/admin/storysubmission/inspect/{submission.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200
        page = parse(response)
        facts = sent_facts(page)
        assert facts["Consenso privacy"] == "Sì"
        assert facts["Consenso alla pubblicazione"] == "Sì"
        assert "True" not in page.select_one("[data-submission-sent]").get_text()
        text = page.select_one("[data-submission-text]")
        assert texts(text.select("p")) == STORY_TEXT.split("\n\n")
        thumbnails = page.select("[data-submission-sent] figure img")
        assert [img["alt"] for img in thumbnails] == ["Le serre al mattino", "I sensori nei vasi"]
        assert all(int(img["width"]) <= 240 for img in thumbnails)
        link = page.select_one("[data-draft-story-link]")
        assert link["href"] == f"/admin/pages/{story.pk}/edit/"
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200


def test_moderator_changes_only_status_notes_and_reason(client, submission_page, moderator):
    client.post(URL, valid_data())
    submission = StorySubmission.objects.get()
    client.force_login(moderator)
    response = client.post(
        f"/admin/storysubmission/edit/{submission.pk}/",
        {
            "status": "rejected",
            "notes": "Fuori tema.",
            "decline_reason": "Parla d'altro.",
            "text": "riscritto",
            "name": "Altro",
        },
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.status, submission.notes) == ("rejected", "Fuori tema.")
    assert submission.decline_reason == "Parla d'altro."
    assert submission.name == "Giulia Rossi" and submission.text != "riscritto"


def test_deleted_draft_is_said_not_linked(client, submission_page, moderator):
    client.post(URL, valid_data())
    StoryPage.objects.get().delete()
    client.force_login(moderator)
    page = parse(client.get(f"/admin/storysubmission/edit/{StorySubmission.objects.get().pk}/"))
    assert page.select_one("[data-draft-story-link]") is None
    assert "La bozza è stata eliminata." in page.get_text()


def test_export_writes_consents_as_si_no(client, submission_page, editor):
    client.post(URL, valid_data())
    client.force_login(editor)
    export = client.get("/admin/storysubmission/?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(export.streaming_content).decode())))
    assert rows[0]["Consenso privacy"] == "Sì"
