"""Every submission reaches a real reviewer: pages in every section and in the English tree,
innovators (also from the public join form) and programme phases go to Moderazione, who gets
an e-mail, sees them on the dashboard and approves them."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
)

import pytest

from innovators.models import Innovator, Offer
from portal.models import ProgrammePhase
from stories.editorial import MODERATORS, WORKFLOW_NAME, route_reviews
from tests.production.conftest import JOIN_URL, join_data

SECTIONS = ["home", "programme", "update", "story", "course", "session", "club", "map"]


def reviewers(workflow) -> set[str]:
    return {
        user.username
        for task in workflow.tasks.specific()
        for group in task.groups.all()
        for user in group.user_set.filter(is_active=True)
    }


@pytest.mark.parametrize("key", SECTIONS)
def test_every_section_goes_to_moderazione(site, demo_users, key):
    workflow = Page.objects.get(pk=site[key].pk).get_workflow()
    assert workflow.name == WORKFLOW_NAME
    assert reviewers(workflow) == {"moderazione"}


def test_the_english_tree_goes_to_moderazione(site, demo_users):
    english = site["home"].copy_for_translation(Locale.objects.get(language_code="en"))
    assert english.get_workflow().name == WORKFLOW_NAME


@pytest.mark.parametrize("model", [Innovator, Offer, ProgrammePhase])
def test_reviewed_snippets_go_to_moderazione(demo_users, model):
    assert model().get_workflow().name == WORKFLOW_NAME


def test_no_workflow_is_left_without_a_reviewer(site, demo_users):
    in_use = Workflow.objects.filter(active=True)
    assert list(in_use.values_list("name", flat=True)) == [WORKFLOW_NAME]
    assert not Workflow.objects.get(name="Moderators approval").active


def test_route_reviews_upgrades_an_existing_database(site, demo_users):
    """The state of a database from before the migration: Wagtail's default workflow on the
    root, a page waiting in it for the empty "Moderators" group."""
    default = Workflow.objects.get(name="Moderators approval")
    default.active = True
    default.save()
    root = Page.get_first_root_node()
    WorkflowPage.objects.filter(page=root).update(workflow=default)
    WorkflowContentType.objects.all().delete()
    course = site["course"]
    course.save_revision()
    state = default.start(course, user=None)

    route_reviews(apps)
    route_reviews(apps)  # idempotent

    assert WorkflowPage.objects.get(page=root).workflow.name == WORKFLOW_NAME
    assert WorkflowContentType.objects.filter(workflow__name=WORKFLOW_NAME).count() == 3
    state.refresh_from_db()
    assert state.status == "in_progress"  # nothing lost: the review under way …
    [task] = default.tasks.specific()
    assert Group.objects.get(name=MODERATORS) in task.groups.all()  # … reaches Moderazione
    default.refresh_from_db()
    assert default.active  # still in use by that review


def test_a_page_submitted_by_redazione_reaches_moderazione(
    as_redazione, site, redazione, moderazione
):
    course = site["course"]
    course.save_revision(user=redazione)
    mail.outbox.clear()
    course.get_workflow().start(course, user=redazione)
    assert [message.to for message in mail.outbox] == [[moderazione.email]]

    as_redazione.force_login(moderazione)
    dashboard = as_redazione.get(reverse("wagtailadmin_home")).content.decode()
    assert course.title in dashboard


def test_a_join_request_waits_in_the_moderators_queue(client, site, moderazione):
    mail.outbox.clear()
    response = client.post(JOIN_URL, join_data(site))
    assert response.status_code == 302
    innovator = Innovator.objects.get(name="Officina Nuova")
    assert not innovator.live
    state = WorkflowState.objects.get(object_id=str(innovator.pk), status="in_progress")
    assert state.requested_by is None
    assert moderazione.email in {address for message in mail.outbox for address in message.to}

    client.force_login(moderazione)
    assert "Officina Nuova" in client.get(reverse("wagtailadmin_home")).content.decode()
    namespace = "wagtailsnippets_innovators_innovator"
    approve = reverse(
        f"{namespace}:workflow_action",
        args=[innovator.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(approve).status_code in (200, 302)
    innovator.refresh_from_db()
    assert innovator.live


def test_redazione_submits_a_phase_and_moderazione_publishes_it(client, site, phases, demo_users):
    phase = phases[2]
    namespace = "wagtailsnippets_portal_programmephase"
    client.force_login(demo_users["redazione"])
    data = {
        "number": phase.number,
        "name": phase.name,
        "summary": "Una sintesi rivista dalla redazione.",
        "status": phase.status,
        "start_date": "",
        "end_date": "",
        "action-submit": "submit",
    }
    response = client.post(reverse(f"{namespace}:edit", args=[phase.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    phase.refresh_from_db()
    assert phase.summary != "Una sintesi rivista dalla redazione."  # still the live text
    assert "Una sintesi rivista" not in client.get("/programma/").content.decode()
    state = WorkflowState.objects.get(object_id=str(phase.pk), status="in_progress")

    client.force_login(demo_users["moderazione"])
    approve = reverse(
        f"{namespace}:workflow_action", args=[phase.pk, "approve", state.current_task_state.pk]
    )
    assert client.post(approve).status_code in (200, 302)
    phase.refresh_from_db()
    assert phase.summary == "Una sintesi rivista dalla redazione."
    client.logout()
    assert "Una sintesi rivista dalla redazione." in client.get("/programma/").content.decode()


def test_only_moderazione_reviews(demo_users):
    [task] = Workflow.objects.get(name=WORKFLOW_NAME).tasks.specific()
    assert isinstance(task, GroupApprovalTask)
    assert [group.name for group in task.groups.all()] == [MODERATORS]
