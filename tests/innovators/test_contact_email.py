"""Only moderators see the contact e-mail of an innovator or a join request (issue 11,
defect 10; docs/security.md): not the editors of Redazione, in no admin view nor export."""

import csv
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.test.utils.form_data import rich_text

import pytest

from innovators.factories import InnovatorFactory
from innovators.models import Innovator
from stories.editorial import EDITORS, MODERATORS

SECRET = "zqsegreto@officina.example.org"
NEWER = "zqnuovo@officina.example.org"


def login(client, username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


@pytest.fixture
def join_request(sectors, comuni):
    """A join request as the public form leaves it: a draft with a revision, never published."""
    innovator = InnovatorFactory(name="Officina Nuova", contact_email=SECRET, live=False)
    innovator.save_revision()
    innovator.contact_email = NEWER
    innovator.save()
    innovator.save_revision()
    return innovator


def admin_pages(innovator) -> list[str]:
    revisions = list(innovator.revisions.order_by("pk").values_list("pk", flat=True))
    url = "wagtailsnippets_innovators_innovator:"
    return [
        reverse(f"{url}list"),
        reverse(f"{url}list") + "?q=officina",
        reverse(f"{url}list") + "?export=csv",
        reverse(f"{url}edit", args=(innovator.pk,)),
        reverse(f"{url}history", args=(innovator.pk,)),
        reverse(f"{url}revisions_compare", args=(innovator.pk, revisions[0], revisions[1])),
    ]


def body(response) -> str:
    assert response.status_code == 200, response.status_code
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


def test_editors_never_see_contact_e_mails(client, join_request):
    redazione = login(client, "redazione", EDITORS)
    for url in admin_pages(join_request):
        text = body(redazione.get(url))
        assert "zqsegreto" not in text and "zqnuovo" not in text, url
    export = body(redazione.get(admin_pages(join_request)[2]))
    heading = next(csv.reader(io.StringIO(export)))
    assert "Contact email" not in heading and "E-mail di contatto" not in heading


def test_an_editor_saving_the_form_keeps_the_e_mail(client, join_request):
    redazione = login(client, "redazione", EDITORS)
    url = reverse("wagtailsnippets_innovators_innovator:edit", args=(join_request.pk,))
    form = redazione.get(url).context["form"]
    assert "contact_email" not in form.fields
    data = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if value is None or value is False:
            continue
        if isinstance(field.widget, DraftailRichTextArea):
            value = rich_text(join_request.description)
        data[name] = value
    for prefix, formset in getattr(form, "formsets", {}).items():
        data[f"{prefix}-TOTAL_FORMS"] = formset.total_form_count()
        data[f"{prefix}-INITIAL_FORMS"] = formset.initial_form_count()
        data[f"{prefix}-MIN_NUM_FORMS"] = 0
        data[f"{prefix}-MAX_NUM_FORMS"] = 1000
    data["short_description"] = "Descrizione rivista dalla redazione."
    response = redazione.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    saved = Innovator.objects.get(pk=join_request.pk)
    latest = saved.get_latest_revision_as_object()
    assert latest.short_description == "Descrizione rivista dalla redazione."
    assert latest.contact_email == NEWER


def test_moderators_see_them(client, join_request):
    moderazione = login(client, "moderazione", MODERATORS)
    pages = admin_pages(join_request)
    assert NEWER in body(moderazione.get(pages[3]))
    assert "zqsegreto" in body(moderazione.get(pages[5]))  # the comparison of the revisions
    export = list(csv.DictReader(io.StringIO(body(moderazione.get(pages[2])))))
    assert [row for row in export if NEWER in row.values()]
