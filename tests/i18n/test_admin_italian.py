"""The admin's Italian where Wagtail's own catalogues get it wrong (issue 27): the overrides in
locale/it/LC_MESSAGES/django.po win over Wagtail's, as LOCALE_PATHS come first."""

from django.utils import translation
from django.utils.translation import gettext, ngettext

import pytest


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
