"""The two forms of introductions, on the public-form kit (honeypot, plain text)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from innovators.introductions.models import MESSAGE_MAX_LENGTH
from portal.forms import PlainTextField, PublicForm, RateLimit

REPORT_MAX_LENGTH = 1000

ASK_RATE = RateLimit(
    group="introductions.ask",
    setting="INTRODUCTIONS_ASK_RATE",
    default="20/h",
    message=_("Hai inviato troppe richieste. Riprova tra un'ora, grazie."),
)
ANSWER_RATE = RateLimit(
    group="introductions.answer",
    setting="INTRODUCTIONS_ANSWER_RATE",
    default="30/h",
    message=_("Troppe risposte da questo indirizzo. Riprova tra un'ora, grazie."),
)


class AskForm(PublicForm):
    message = PlainTextField(
        label=_("Il tuo messaggio"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Chi siete e perché vorreste conoscervi, in poche righe (al massimo 1000 "
            "caratteri, testo semplice). Non scrivere qui i tuoi recapiti: li riceverete "
            "entrambi solo se accetta."
        ),
        error_messages={"required": _("Scrivi qualche riga per presentarti.")},
    )


class ReportForm(PublicForm):
    reason = PlainTextField(
        label=_("Che cosa non va? (facoltativo)"),
        max_length=REPORT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
