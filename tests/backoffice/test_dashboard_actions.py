"""Moderazione approves or asks for changes from the dashboard's «In attesa della tua revisione»
and the dashboard it comes back to says so (portal/workflow_actions.py), for pages and for the
reviewed snippets (innovators, offers, programme phases)."""

from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import reverse

from wagtail.admin.utils import get_latest_str

import pytest

from innovators.factories import OfferFactory
from portal.workflow_actions import ReviewedSnippetViewSet
from stories.editorial import REVIEWED_SNIPPETS

DASHBOARD = reverse("wagtailadmin_home")
XHR = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}  # as the dashboard's modal posts


def submitted(obj, user):
    """`obj` with a change sent for review by `user`; its task state waiting."""
    obj.save_revision(user=user)
    state = obj.get_workflow().start(obj, user)
    return state.current_task_state


def action_url(obj, action, task_state) -> str:
    if hasattr(obj, "snippet_viewset"):
        name = obj.snippet_viewset.get_url_name("workflow_action")
    else:
        name = "wagtailadmin_pages:workflow_action"
    return reverse(name, args=[obj.pk, action, task_state.pk])


def dashboard_messages(client) -> list[str]:
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def reviewed(site, phases):
    """One of each kind of thing Moderazione reviews from the dashboard."""
    return {
        "page": site["story"],
        "innovator": site["innovator"],
        "offer": OfferFactory(innovator=site["innovator"], title="Mentoring per startup"),
        "phase": phases[2],
    }


@pytest.mark.parametrize("kind", ["page", "innovator", "offer", "phase"])
def test_approving_from_the_dashboard_confirms_it(client, reviewed, redazione, moderazione, kind):
    obj = reviewed[kind]
    task_state = submitted(obj, redazione)
    client.force_login(moderazione)
    # «Approva» is a plain form the dashboard posts, with the dashboard as `next`.
    response = client.post(action_url(obj, "approve", task_state), {"next": DASHBOARD})
    assert response.status_code == 302 and response.url == DASHBOARD
    assert dashboard_messages(client) == [f"Hai approvato e pubblicato «{get_latest_str(obj)}»."]
    task_state.refresh_from_db()
    assert task_state.status == "approved"


@pytest.mark.parametrize("kind", ["page", "offer"])
def test_asking_for_changes_from_the_dashboard_confirms_it(
    client, reviewed, redazione, moderazione, kind
):
    obj = reviewed[kind]
    task_state = submitted(obj, redazione)
    client.force_login(moderazione)
    url = action_url(obj, "reject", task_state)
    data = {"comment": "Manca la data.", "next": DASHBOARD}
    response = client.post(url, data, **XHR)
    assert response.json()["step"] == "success"
    assert dashboard_messages(client) == [
        f"Hai chiesto modifiche per «{get_latest_str(obj)}»: torna a chi l'ha inviato."
    ]


def test_an_action_already_done_confirms_nothing(client, reviewed, redazione, moderazione):
    """A second click on a row already approved (two tabs): Wagtail's error, no confirmation."""
    page = reviewed["page"]
    task_state = submitted(page, redazione)
    client.force_login(moderazione)
    url = action_url(page, "approve", task_state)
    client.post(url, {"next": DASHBOARD})
    dashboard_messages(client)  # the first confirmation, read
    client.post(url, {"next": DASHBOARD})
    [message] = dashboard_messages(client)
    assert "approvato" not in message


def test_every_reviewed_snippet_confirms_its_dashboard_actions():
    """A snippet put under the editorial review gets the confirmed actions from its viewset's
    base, so a new reviewed snippet cannot be left without them."""
    for app_label, model in REVIEWED_SNIPPETS:
        viewset = apps.get_model(app_label, model).snippet_viewset
        assert isinstance(viewset, ReviewedSnippetViewSet), (app_label, model)
