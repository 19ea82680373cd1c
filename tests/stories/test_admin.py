from django.contrib.auth import get_user_model

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from portal.models import ProgrammePhase
from stories.models import PhaseUpdatePage


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("redazione", "r@example.org", "password")
    client.force_login(user)
    return client


def test_phases_are_listed_in_the_admin(admin_client, phases):
    response = admin_client.get("/admin/snippets/portal/programmephase/")
    assert response.status_code == 200
    for name in ["Esplorazione", "Progettazione", "Azione", "Valutazione"]:
        assert name in response.content.decode()


def test_a_phase_status_change_is_a_draft_until_published(admin_client, phases):
    phase = phases[3]
    url = f"/admin/snippets/portal/programmephase/edit/{phase.pk}/"
    data = {
        "number": 4,
        "name": "Valutazione",
        "summary": "Monitoraggio e verifica.",
        "status": "in_progress",
        "start_date": "2027-03-01",
        "end_date": "2027-02-01",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 200  # re-rendered with the error
    assert "La fine non può precedere l&#x27;inizio." in response.content.decode()
    response = admin_client.post(url, {**data, "end_date": "2027-12-31"})
    assert response.status_code == 302
    phase.refresh_from_db()
    assert phase.status == "planned"  # saved as a draft revision: readers still see the live one
    assert phase.has_unpublished_changes
    response = admin_client.post(url, {**data, "end_date": "2027-12-31", "action-publish": "1"})
    assert response.status_code == 302
    phase.refresh_from_db()
    assert phase.status == "in_progress" and not phase.has_unpublished_changes


def test_editor_creates_a_phase_update_in_the_admin(admin_client, programme_page, phases):
    url = f"/admin/pages/add/stories/phaseupdatepage/{programme_page.pk}/"
    assert admin_client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title": "Nuovo laboratorio",
            "slug": "nuovo-laboratorio",
            "intro": "Un nuovo laboratorio di co-design.",
            "date": "2026-11-20",
            "phase": phases[2].pk,
            "tags": "azione, co-design",
            "body": streamfield([("paragraph", rich_text("<p>Testo</p>"))]),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    update = PhaseUpdatePage.objects.get(slug="nuovo-laboratorio")
    assert update.live and update.phase == phases[2]
    assert sorted(t.name for t in update.tags.all()) == ["azione", "co-design"]
    assert ProgrammePhase.objects.count() == 4
