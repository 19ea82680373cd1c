"""A story from an innovator signed in to its area starts from its details and is linked to
its profile (issue 23, item 4). The innovator signs in by the link in the e-mail."""

from innovators.area.models import InnovatorPerson
from stories.models import StoryPage, StorySubmission
from tests.html import parse
from tests.innovators.area.conftest import sign_in

from .test_submission import URL, valid_data

ADDRESS = "anna@vivai-verde.example.org"


def field_values(response) -> dict[str, str]:
    form = parse(response).select_one("form.story-form")
    return {name: form.select_one(f"[name={name}]").get("value", "") for name in FIELDS}


FIELDS = ("name", "organisation", "email")


def sign_in_as_anna(client, innovator, name=""):
    innovator.contact_email = ADDRESS
    innovator.save()
    if name:
        InnovatorPerson.objects.create(innovator=innovator, email=ADDRESS, name=name)
    sign_in(client, ADDRESS)  # by the link in the e-mail, as Anna would


def test_signed_in_innovator_starts_pre_filled(client, submission_page, story_innovators):
    sign_in_as_anna(client, story_innovators["verde"], name="Anna Verdi")
    response = client.get(URL)
    assert response.status_code == 200
    assert field_values(response) == {
        "name": "Anna Verdi",
        "organisation": "Vivai Verde",
        "email": ADDRESS,
    }
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_story_is_linked_to_the_signed_in_profile(client, submission_page, story_innovators):
    verde = story_innovators["verde"]
    sign_in_as_anna(client, verde)
    response = client.post(URL, valid_data(organisation="Il vivaio di Anna", email=ADDRESS))
    assert response.status_code == 302
    submission = StorySubmission.objects.get()
    assert submission.innovator == verde
    story = StoryPage.objects.get()
    assert [link.innovator for link in story.innovator_links.all()] == [verde]


def test_anonymous_and_editors_start_empty(client, submission_page, story_innovators, editor):
    assert field_values(client.get(URL)) == dict.fromkeys(FIELDS, "")
    client.force_login(editor)
    assert field_values(client.get(URL)) == dict.fromkeys(FIELDS, "")
    client.post(URL, valid_data(organisation="Nessuna corrispondenza"))
    assert StorySubmission.objects.get().innovator is None
