"""Translation as editors do it: redazione requests a translation, which starts as a draft;
sending it for review reaches moderazione; "Sync" publishes only for those who may publish."""

from django.core import mail
from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowState

import pytest

from portal.translation_review import submit_url


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
