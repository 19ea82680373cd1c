"""The admin's Italian where Wagtail's own catalogues get it wrong (issue 27): the overrides in
locale/it/LC_MESSAGES/django.po win over Wagtail's, as LOCALE_PATHS come first."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

import pytest
from bs4 import BeautifulSoup


def parse_html(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    ("msgid", "italian"),
    [
        ("Add child page", "Aggiungi sottopagina"),
        ("Add a child page", "Aggiungi sottopagina"),
        ("More actions", "Altre azioni"),
        ("Locale", "Lingua"),
        ("Translated manually on {date}", "Tradotto a mano"),  # no English month
        (
            "This %(model_name)s is currently awaiting moderation.",
            "In attesa di moderazione (%(model_name)s).",  # not «Questo pagina»
        ),
        (
            "This page is currently at <strong>%(task)s</strong> in <strong>%(workflow)s</strong>.",
            "Questa pagina è nella fase <strong>%(task)s</strong> del flusso "
            "<strong>%(workflow)s</strong>.",
        ),
        (
            "This %(model_name)s is currently at <strong>%(task)s</strong> in "
            "<strong>%(workflow)s</strong>.",
            "In revisione (%(model_name)s): fase <strong>%(task)s</strong> del flusso "
            "<strong>%(workflow)s</strong>.",  # not «Questo offerta è attualmente in … nel»
        ),
        ("by %(user)s", "da %(user)s"),  # «Inviato … da redazione», not «per redazione»
        (
            'The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"',
            'Inviato al flusso di lavoro "%(workflow)s": %(model_name)s "%(title)s"',
        ),
    ],
)
def test_the_admin_speaks_plain_italian(msgid, italian):
    with translation.override("it"):
        assert gettext(msgid) == italian


def test_asking_for_changes_is_not_called_a_rejection():
    with translation.override("it"):
        subject = gettext('The page "%(title)s" has been rejected during "%(task)s".') % {
            "title": "Il vivaio",
            "task": "Approvazione della Moderazione",
        }
        pages = ngettext("This page has one child page", "This page has %(counter)s child pages", 3)
    assert subject == (
        'Per la pagina "Il vivaio" sono state chieste modifiche durante '
        '"Approvazione della Moderazione".'
    )
    assert pages == "Questa pagina ha %(counter)s sottopagine"


def test_the_innovator_chooser_filters_by_lingua(admin_client):
    """Wagtail's chooser leaves its language filter unlabelled, so Django showed «Locale»."""
    from innovators.models import Innovator

    url = reverse(Innovator.snippet_viewset.chooser_viewset.get_url_name("choose"))
    with translation.override("it"):
        html = parse_html(admin_client.get(url, HTTP_ACCEPT_LANGUAGE="it").json()["html"])
    assert html.select_one("label[for=id_locale]").get_text(strip=True) == "Lingua"
