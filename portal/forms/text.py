"""Plain text from the public: no markup, no entities, no control characters.

`plain_text` strips tags *and* decodes entities until neither changes the text any more, so
`&lt;img onerror=…&gt;` ends up removed, not stored as real markup. What it returns contains
nothing an HTML parser would read as a tag or an entity: it is safe raw in HTML, in JSON and in
CSV cells (the exports still guard cells that start like a formula).
"""

import html
import re

from django import forms
from django.utils.translation import gettext_lazy as _

import nh3

# Every character `str.splitlines` breaks on: an e-mail header must contain none of them.
LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Control characters other than tab and newline (NUL, escape, bidi overrides are not text).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]")
MAX_PASSES = 8

HTML_ONLY = _("Scrivi un testo semplice, senza codice HTML.")
NOT_ONE_LINE = _("Scrivi su una sola riga, senza andare a capo.")


def plain_text(value: str) -> str:
    """`value` without tags, entities or control characters; newlines kept (as LF)."""
    text = (value or "").replace("\r\n", "\n").replace("\r", "\n")
    for _pass in range(MAX_PASSES):
        cleaned = html.unescape(nh3.clean(text, tags=set()))
        if cleaned == text:
            break
        text = cleaned
    else:  # nested beyond reason: keep the letters, drop what could still open a tag
        text = text.replace("<", "").replace(">", "")
    return CONTROL.sub("", text).strip()


def one_line(value: str) -> str:
    """Whitespace runs collapsed into single spaces."""
    return " ".join(value.split())


class PlainTextField(forms.CharField):
    """Multi-line plain text (`plain_text`); `collapse=True` joins it into one line."""

    def __init__(self, *args, collapse: bool = False, **kwargs):
        self.collapse = collapse
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        raw = super().to_python(value)
        text = plain_text(raw)
        if raw and not text:
            raise forms.ValidationError(HTML_ONLY, code="html_only")
        return one_line(text) if self.collapse else text


class SingleLineField(PlainTextField):
    """One line of plain text (names, titles, anything that may reach an e-mail subject):
    a line break is refused with a message, not silently joined."""

    def __init__(self, *args, **kwargs):
        kwargs["collapse"] = True
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and LINE_BREAKS.search(value.strip()):
            raise forms.ValidationError(NOT_ONE_LINE, code="line_break")
        return super().to_python(value)
