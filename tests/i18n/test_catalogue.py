"""The English catalogue: every string translated, none fuzzy, and the words with two meanings
told apart by their context ("destinatari" of an event or of an e-mail)."""

import re
from pathlib import Path

from django.utils import translation

CATALOGUE = Path(__file__).resolve().parents[2] / "locale/en/LC_MESSAGES/django.po"


def entries() -> list[str]:
    """The catalogue's entries, header left out."""
    return [block for block in CATALOGUE.read_text().split("\n\n")[1:] if "msgid" in block]


def test_every_string_is_translated_and_none_is_fuzzy():
    assert len(entries()) > 900
    fuzzy = [block for block in entries() if re.search(r"^#,.*\bfuzzy\b", block, re.M)]
    untranslated = [
        block
        for block in entries()
        if re.search(r'^msgstr(\[\d\])? ""$', block, re.M)
        and not re.search(r'^msgstr(\[\d\])? ""\n"', block, re.M)
    ]
    assert not fuzzy
    assert not untranslated


def test_words_with_two_meanings_have_a_context():
    with translation.override("en"):
        assert translation.pgettext("pubblico di un evento", "destinatari") == "audience"
        assert translation.pgettext("e-mail", "destinatari") == "recipients"
        assert translation.pgettext("e-mail", "Destinatari") == "Recipients"
        assert translation.gettext("membro del club") == "club member"
        assert translation.npgettext("numero", "membro del club", "membri del club", 3) == (
            "club members"
        )
