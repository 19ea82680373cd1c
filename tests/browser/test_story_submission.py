"""An innovator sends a story from /storie/racconta/; the moderator follows the link of the
e-mail she gets to the draft, approves it in the admin; the story appears on /storie/."""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

import pytest

from home.factories import HomePageFactory
from stories.editorial import MODERATORS, attach_editorial_workflow, editorial_workflow
from stories.factories import StoryIndexPageFactory, StorySubmissionPageFactory
from tests.images import image_bytes

STORY_TEXT = (
    "Abbiamo cominciato in un garage di Quarrata, con due stampanti 3D e molta curiosità. "
    "In tre anni il laboratorio è diventato un punto di riferimento per le imprese del mobile "
    "che vogliono provare prototipi prima di investire.\n\n"
    "Oggi lavoriamo con dodici aziende e due scuole, e il prossimo passo è aprire il "
    "laboratorio la sera a chiunque voglia imparare."
)


@pytest.fixture
def site(db, tmp_path):
    from wagtail.models import Page, Site

    editorial_workflow()  # the live server's database was flushed: rebuild groups and workflow
    home = HomePageFactory(parent=Page.get_first_root_node())
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "P"},
    )
    index = StoryIndexPageFactory(parent=home)
    StorySubmissionPageFactory(parent=index)
    attach_editorial_workflow(index)
    moderator = get_user_model().objects.create_user(
        "moderatrice", "moderatrice@example.org", "segreta-123"
    )
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    photo = tmp_path / "laboratorio.png"
    photo.write_bytes(image_bytes("PNG", (640, 480), "#2f4f8f"))
    return photo


def test_story_sent_approved_and_published(page, live_server, site, settings):
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    page.goto(f"{live_server.url}/storie/racconta/")
    page.get_by_label("Nome e cognome").fill("Marta Bianchi")
    page.get_by_label("Organizzazione").fill("Laboratorio Prototipi")
    page.get_by_label("E-mail").fill("marta@example.org")
    page.get_by_label("Titolo della storia").fill("Un laboratorio aperto alle imprese del mobile")
    page.get_by_label("In breve").fill(
        "Da un garage di Quarrata a un laboratorio per dodici imprese."
    )
    page.get_by_label("La tua storia").fill(STORY_TEXT)
    page.get_by_label("Foto 1", exact=False).first.set_input_files(str(site))
    page.get_by_label("Descrizione della foto 1").fill("Due stampanti 3D al lavoro")
    page.get_by_label("Ho letto l'informativa privacy", exact=False).check()
    page.get_by_label("Acconsento alla pubblicazione", exact=False).check()
    page.get_by_role("button", name="Invia la storia").click()
    page.get_by_text("Grazie, abbiamo ricevuto la tua storia!").wait_for()

    page.goto(f"{live_server.url}/storie/")
    assert page.get_by_text("Un laboratorio aperto alle imprese del mobile").count() == 0

    # The moderator follows the link of the e-mail she got, logs in and lands on the draft.
    [notice] = [message for message in mail.outbox if "moderatrice@example.org" in message.to]
    draft_url = re.search(r"http://\S+/admin/pages/\d+/edit/", notice.body).group(0)
    assert draft_url.startswith(live_server.url)
    page.goto(draft_url)
    page.locator("#id_username").fill("moderatrice")
    page.locator("#id_password").fill("segreta-123")
    page.locator("button[type=submit]").click()
    page.wait_for_url(draft_url)
    title = "Un laboratorio aperto alle imprese del mobile"
    assert page.locator("#id_title").input_value() == title
    page.goto(f"{live_server.url}/admin/")
    # the dashboard lists the draft as awaiting review; its actions menu approves it
    row = page.locator("#awaiting-review-content tr", has_text="Un laboratorio aperto")
    row.get_by_role("button", name="Azioni").click()
    row.get_by_role("button", name="Approva", exact=True).click()
    page.wait_for_load_state("networkidle")
    for _attempt in range(20):  # the approval is posted by the admin's script
        page.goto(f"{live_server.url}/storie/")
        if page.get_by_role("link", name="Un laboratorio aperto alle imprese del mobile").count():
            break
        page.wait_for_timeout(250)
    page.get_by_role("link", name="Un laboratorio aperto alle imprese del mobile").first.click()
    assert page.locator("h1").inner_text() == "Un laboratorio aperto alle imprese del mobile"
    assert "Due stampanti 3D al lavoro" in page.locator(".article__image img").get_attribute("alt")
