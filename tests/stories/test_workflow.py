"""The editorial workflow: who may do what with a story, and how a submission moves on."""

import datetime

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from stories.editorial import EDITORS, MODERATORS, WORKFLOW_NAME
from stories.factories import StoryPageFactory
from stories.models import StoryPage, StorySubmission, SubmissionStatus
from tests.stories.test_submission import URL, valid_data


def story_form(**overrides):
    data = {
        "title": "Una storia dalla redazione",
        "slug": "una-storia-dalla-redazione",
        "intro": "Una storia scritta dalla redazione.",
        "date": "2026-04-01",
        "author_name": "Redazione",
        "tags": "iot",
        "body": streamfield([("paragraph", rich_text("<p>Testo</p>"))]),
        "innovator_links": inline_formset([]),  # the MultipleChooserPanel
        "quote": "",
        "quote_attribution": "",
    }
    data.update(overrides)
    return nested_form_data(data)


def approve_url(story):
    state = WorkflowState.objects.get(object_id=str(story.pk), status="in_progress")
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[story.pk, "approve", state.current_task_state.pk],
    )


def test_groups_and_workflow_come_from_the_migration(db):
    editors = Group.objects.get(name=EDITORS)
    moderators = Group.objects.get(name=MODERATORS)
    root = Page.get_first_root_node()
    editor_page_perms = set(
        editors.page_permissions.filter(page=root).values_list("permission__codename", flat=True)
    )
    moderator_page_perms = set(
        moderators.page_permissions.filter(page=root).values_list("permission__codename", flat=True)
    )
    assert editor_page_perms == {"add_page", "change_page"}
    assert {"add_page", "change_page", "publish_page"} <= moderator_page_perms
    assert editors.permissions.filter(codename="change_innovator").exists()
    assert not editors.permissions.filter(codename="publish_innovator").exists()
    assert moderators.permissions.filter(codename="publish_innovator").exists()
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    [task] = workflow.tasks.specific()
    assert list(task.groups.all()) == [moderators]


def test_workflow_is_attached_to_the_index_and_the_programme(story_index, programme_page):
    attached = set(WorkflowPage.objects.values_list("page_id", flat=True))
    assert {story_index.pk, programme_page.pk} <= attached
    assert StoryPageFactory(parent=story_index).get_workflow().name == WORKFLOW_NAME


def test_editor_cannot_publish_but_can_submit(client, story_index, editor):
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["stories", "storypage", story_index.pk])
    assert client.get(add_url).status_code == 200
    response = client.post(add_url, story_form(**{"action-publish": "publish"}))
    assert response.status_code in (302, 403), response.context["form"].errors
    story = StoryPage.objects.filter(slug="una-storia-dalla-redazione").first()
    assert story is None or not story.live
    StoryPage.objects.all().delete()

    response = client.post(add_url, story_form(**{"action-submit": "submit"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    story = StoryPage.objects.get()
    assert not story.live
    state = WorkflowState.objects.get(object_id=str(story.pk))
    assert state.status == "in_progress"
    assert state.requested_by == editor
    # an editor is not in the task's group: approving does nothing
    client.post(approve_url(story))
    story.refresh_from_db()
    assert not story.live
    assert not story.permissions_for_user(editor).can_publish()


def test_moderator_approves_and_the_story_goes_live(client, story_index, editor, moderator):
    story = StoryPageFactory(parent=story_index, title="In revisione", live=False)
    story.save_revision(user=editor)
    story.get_workflow().start(story, editor)
    assert client.get(story.url).status_code == 404  # anonymous: not live yet

    client.force_login(moderator)
    assert story.permissions_for_user(moderator).can_publish()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "In revisione" in dashboard
    response = client.post(approve_url(story))
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live
    client.logout()
    assert client.get(story.url).status_code == 200
    assert "In revisione" in client.get("/storie/").content.decode()


def test_submission_status_follows_moderation(client, submission_page, moderator):
    client.post(URL, valid_data())
    client.post(URL, valid_data(title="Una seconda storia dal vivaio"))
    first, second = StorySubmission.objects.order_by("pk")
    client.force_login(moderator)
    client.post(approve_url(first.story))
    first.refresh_from_db()
    assert first.status == SubmissionStatus.PUBLISHED

    state = WorkflowState.objects.get(object_id=str(second.story_id), status="in_progress")
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[second.story_id, "reject", state.current_task_state.pk],
    )
    client.post(reject_url, {"comment": "Manca il permesso per le foto."})
    second.refresh_from_db()
    assert second.status == SubmissionStatus.REJECTED
    assert not second.story.live


def test_scheduled_publishing(story_index, moderator):
    story = StoryPageFactory(parent=story_index, title="Programmata", live=False)
    story.go_live_at = timezone.now() + datetime.timedelta(days=1)
    revision = story.save_revision(user=moderator)
    revision.publish(user=moderator)
    story.refresh_from_db()
    assert not story.live
    revision.refresh_from_db()
    assert revision.approved_go_live_at is not None
    # the day has come: move the scheduled time into the past
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    story.refresh_from_db()
    assert story.live


def test_anonymous_sees_only_live_stories(client, story_index):
    live = StoryPageFactory(parent=story_index, title="Pubblicata")
    draft = StoryPageFactory(parent=story_index, title="Bozza", live=False)
    assert client.get(live.url).status_code == 200
    assert client.get("/storie/bozza/").status_code == 404
    assert client.get(f"/admin/pages/{draft.pk}/edit/").status_code == 302  # to the login


@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_both_groups_can_preview(client, story_index, request, who):
    story = StoryPageFactory(parent=story_index, title="Da vedere", live=False)
    client.force_login(request.getfixturevalue(who))
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[story.pk]))
    assert response.status_code == 200
    assert "Da vedere" in response.content.decode()
