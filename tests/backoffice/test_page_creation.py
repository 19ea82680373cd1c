"""«Aggiungi pagina» as redazione: no autosave on the creation form (it left drafts holding the
slug when an editor gave up), autosave still on the edit form."""

from django.urls import reverse

AUTOSAVE = "data-w-autosave-interval-value"


def add_story_url(site):
    return reverse(
        "wagtailadmin_pages:add", args=["stories", "storypage", site["story"].get_parent().pk]
    )


def test_the_creation_form_does_not_autosave(as_redazione, site):
    response = as_redazione.get(add_story_url(site))
    assert response.status_code == 200
    assert 'name="title"' in response.content.decode()
    assert AUTOSAVE not in response.content.decode()


def test_the_edit_form_still_autosaves(as_redazione, site):
    response = as_redazione.get(reverse("wagtailadmin_pages:edit", args=[site["story"].pk]))
    assert response.status_code == 200 and AUTOSAVE in response.content.decode()


def test_creating_still_needs_the_admin(client, site):
    response = client.get(add_story_url(site))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
