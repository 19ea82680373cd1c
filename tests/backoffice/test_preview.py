"""The live preview: every page type and innovators render in the admin's side panel, under
the production headers; public pages stay unframeable by other sites."""

from django.urls import reverse

from wagtail.fields import StreamField
from wagtail.models import Page

import pytest

from tests.html import parse, texts
from tests.production.test_security import directives

PAGE_KEYS = [
    "home",
    "programme",
    "update",
    "story_index",
    "story",
    "submission",
    "map",
    "club",
    "course_index",
    "course",
    "session_index",
    "session",
]


def preview(client, url, data):
    posted = client.post(url, data)
    assert posted.status_code == 200, posted.content[:500]
    assert posted.json()["is_valid"], posted.json()
    return client.get(url)


def form_data(client, edit_url, model) -> dict:
    """The edit form as the admin would send it, read back from the edit view."""
    response = client.get(edit_url)
    assert response.status_code == 200
    form = parse(response).find("form", attrs={"data-edit-form": True}) or parse(response).find(
        "form", id="page-edit-form"
    )
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "file"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    for model_field in model._meta.fields:
        if isinstance(model_field, StreamField):  # drawn by JavaScript: sent empty
            data.setdefault(f"{model_field.name}-count", "0")
    return data


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_every_page_type_previews_in_a_frame(as_redazione, site, key):
    page = Page.objects.get(pk=site[key].pk)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = preview(as_redazione, url, form_data(as_redazione, edit_url, page.specific_class))
    assert_frameable_by_the_admin(response)
    assert page.title in parse(response).get_text()
    # The public page itself stays unframeable.
    public = as_redazione.get(page.url)
    assert public["X-Frame-Options"] == "DENY"
    assert directives(public)["frame-ancestors"] == ["'none'"]


def assert_frameable_by_the_admin(response):
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]  # the public policy, not the admin's


def test_an_innovator_previews_as_its_public_profile(as_redazione, site):
    innovator = site["innovator"]
    namespace = "wagtailsnippets_innovators_innovator"
    edit_url = reverse(f"{namespace}:edit", args=[innovator.pk])
    data = form_data(as_redazione, edit_url, type(innovator))
    data["name"] = "Vivai Verde in anteprima"
    response = preview(
        as_redazione, reverse(f"{namespace}:preview_on_edit", args=[innovator.pk]), data
    )
    assert_frameable_by_the_admin(response)
    assert texts(parse(response).select("h1")) == ["Vivai Verde in anteprima"]
    innovator.refresh_from_db()
    assert innovator.name == "Vivai Verde"  # a preview saves nothing
