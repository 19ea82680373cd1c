"""Translation as editors do it: redazione requests a translation, which starts as a draft;
sending it for review reaches moderazione; "Sync" publishes only for those who may publish."""

import json

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowState

import pytest

from portal.translation_review import submit_url
from tests.html import parse


@pytest.fixture
def english(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def english_frame(site, english):
    """The English home and story index, published: the story's translation goes under them."""
    for key in ("home", "story_index"):
        site[key].copy_for_translation(english).save_revision().publish()
    return site


def request_translation(client, page, english):
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.post(url, {"locales": [english.pk]})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Page.objects.get(translation_key=page.translation_key, locale=english).specific


def test_a_new_translation_is_a_draft(as_redazione, english_frame, english, client):
    story = english_frame["story"]
    translated = request_translation(as_redazione, story, english)
    assert not translated.live
    as_redazione.logout()
    assert (
        client.get(f"/en/{english_frame['story_index'].slug}/{translated.slug}/").status_code == 404
    )


def test_redazione_sends_a_translation_for_review(
    as_redazione, english_frame, english, moderazione
):
    translated = request_translation(as_redazione, english_frame["story"], english)
    url = submit_url(translated)
    assert as_redazione.get(url).status_code == 200
    mail.outbox.clear()
    assert as_redazione.post(url).status_code == 302
    state = WorkflowState.objects.get(object_id=str(translated.pk), status="in_progress")
    assert state.requested_by.username == "redazione"
    assert [message.to for message in mail.outbox] == [[moderazione.email]]
    translated.refresh_from_db()
    assert not translated.live
    # In review already: the action is gone.
    assert denied(as_redazione.get(url))


def denied(response) -> bool:
    """The admin turns a refused permission into a redirect to the dashboard, with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    )


def test_an_untranslated_page_cannot_be_sent_as_a_translation(as_redazione, site):
    assert denied(as_redazione.get(submit_url(site["story"])))


@pytest.mark.parametrize(("role", "may_publish"), [("redazione", False), ("moderazione", True)])
def test_sync_publishes_only_for_publishers(
    client,
    english_frame,
    english,
    demo_users,
    role,
    may_publish,
    django_capture_on_commit_callbacks,
):
    from wagtail_localize.models import TranslationSource

    story = english_frame["story"]
    client.force_login(demo_users["moderazione"])
    translated = request_translation(client, story, english)
    source = TranslationSource.objects.get(object_id=story.translation_key)
    client.force_login(demo_users[role])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    form = client.get(url).context["form"]
    assert form.fields["publish_translations"].disabled is not may_publish
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        client.post(url, {"publish_translations": "on"})
    translated.refresh_from_db()
    assert translated.live is may_publish


def test_the_explorer_offers_to_send_the_translation(as_redazione, english_frame, english):
    translated = request_translation(as_redazione, english_frame["story"], english)
    listing = as_redazione.get(reverse("wagtailadmin_explore", args=[translated.get_parent().pk]))
    assert submit_url(translated) in listing.content.decode()


def translation_editor(client, page):
    """wagtail-localize's editor (the page's edit view): our review buttons and the React props."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = parse(response)
    props = json.loads(html.select_one(".js-translation-editor")["data-props"])
    return html.select("a[data-translation-review]"), props


def test_the_translation_editor_leads_with_sending_for_review(as_redazione, english_frame, english):
    translated = request_translation(as_redazione, english_frame["story"], english)
    [button], props = translation_editor(as_redazione, translated)
    # The editor's first and main action: a primary button to the review, before the editor.
    assert button["href"] == submit_url(translated)
    assert "button-secondary" not in button["class"]
    assert button.find_next(class_="js-translation-editor")
    # Its React footer no longer makes «Elimina» the main action of those who cannot publish,
    # nor offers them «Converti in pagina alias», which would publish the Italian page.
    assert props["perms"] == {
        "canPublish": False,
        "canUnpublish": False,
        "canLock": False,
        "canUnlock": False,
        "canDelete": False,
    }
    assert props["links"]["convertToAliasUrl"] is None
    assert as_redazione.post(button["href"]).status_code == 302
    assert WorkflowState.objects.filter(object_id=str(translated.pk), status="in_progress")
    # In review: the button is gone.
    assert translation_editor(as_redazione, translated)[0] == []


def test_publishers_keep_publish_and_delete_in_the_editor(
    client, english_frame, english, moderazione
):
    client.force_login(moderazione)
    translated = request_translation(client, english_frame["story"], english)
    [button], props = translation_editor(client, translated)
    assert props["perms"]["canPublish"] and props["perms"]["canDelete"]
    assert "button-secondary" in button["class"]  # their main action is «Pubblica»


def test_a_live_translation_is_sent_again_from_its_editor(
    as_redazione, english_frame, english, moderazione
):
    """Strings changed in the editor are not in the page yet: no draft, but it may be sent."""
    translated = request_translation(as_redazione, english_frame["story"], english)
    translated.save_revision().publish()
    translated.refresh_from_db()
    assert translated.live and not translated.has_unpublished_changes
    [button], _props = translation_editor(as_redazione, translated)
    assert as_redazione.post(button["href"]).status_code == 302
    assert WorkflowState.objects.filter(object_id=str(translated.pk), status="in_progress")
