"""The public "Racconta la tua storia" form: plain text only, photos re-encoded (portal.forms)."""

from django import forms
from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from portal.forms import (
    ImageUploadField,
    PlainTextField,
    PublicForm,
    SingleLineField,
    public_upload_max_bytes,
)

MAX_PHOTOS = 3
PHOTO_MAX_PIXELS = 6000  # per side
PHOTO_MAX_LONG_SIDE = 2400  # re-encoded photos are scaled down to this
TEXT_MIN_LENGTH = 300
TEXT_MAX_LENGTH = 8000


def photo_max_bytes() -> int:
    return getattr(settings, "STORIES_PHOTO_MAX_BYTES", None) or public_upload_max_bytes()


def paragraphs(text: str) -> list[str]:
    """Plain text split into paragraphs at blank lines, whitespace collapsed."""
    blocks = (" ".join(block.split()) for block in text.split("\n\n"))
    return [block for block in blocks if block]


def paragraph_html(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def photo_field(number: int) -> ImageUploadField:
    """Photo `number`: re-encoded as JPEG, at most 2400 pixels on its long side."""
    numbered = {"number": number}
    return ImageUploadField(
        label=_("Foto %(number)s") % numbered,
        max_bytes=photo_max_bytes,
        max_side=PHOTO_MAX_PIXELS,
        output_format="JPEG",
        max_long_side=PHOTO_MAX_LONG_SIDE,
        help_text=_("JPEG, PNG o WebP, al massimo %(mb)s MB.")
        % {"mb": photo_max_bytes() // (1024 * 1024)},
        error_messages={
            "too_big": _("La foto %(number)s è troppo grande: al massimo %%(size)s.") % numbered,
            "too_many_pixels": _(
                "La foto %(number)s è troppo grande: al massimo %%(pixels)s pixel per lato."
            )
            % numbered,
            "not_image": _("La foto %(number)s deve essere un'immagine JPEG, PNG o WebP.")
            % numbered,
            "unreadable": _("Non siamo riusciti a leggere la foto %(number)s: prova con un'altra.")
            % numbered,
        },
    )


class StorySubmissionForm(PublicForm):
    name = SingleLineField(
        label=_("Nome e cognome"),
        max_length=120,
        error_messages={"required": _("Scrivi il tuo nome.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = SingleLineField(
        label=_("Organizzazione"),
        max_length=160,
        required=False,
        help_text=_(
            "Facoltativo. L'impresa, l'associazione o l'ente di cui racconti: se è già sulla "
            "Mappa degli innovatori, colleghiamo la storia al suo profilo."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_(
            "Per la conferma e per eventuali domande della redazione: non sarà pubblicata."
        ),
        error_messages={
            "required": _("Scrivi il tuo indirizzo e-mail."),
            "invalid": _("Inserisci un indirizzo e-mail valido, come nome@esempio.it."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    title = SingleLineField(
        label=_("Titolo della storia"),
        min_length=10,
        max_length=120,
        error_messages={
            "required": _("Dai un titolo alla tua storia."),
            "min_length": _("Il titolo è troppo corto: almeno 10 caratteri."),
            "max_length": _("Il titolo è troppo lungo: al massimo 120 caratteri."),
        },
    )
    summary = PlainTextField(
        label=_("In breve"),
        collapse=True,
        min_length=30,
        max_length=400,
        help_text=_("Una o due frasi che riassumono la storia (da 30 a 400 caratteri)."),
        error_messages={
            "required": _("Scrivi un breve riassunto."),
            "min_length": _("Il riassunto è troppo corto: almeno 30 caratteri."),
            "max_length": _("Il riassunto è troppo lungo: al massimo 400 caratteri."),
        },
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    text = PlainTextField(
        label=_("La tua storia"),
        min_length=TEXT_MIN_LENGTH,
        max_length=TEXT_MAX_LENGTH,
        help_text=_(
            "Testo semplice, da 300 a 8000 caratteri: lascia una riga vuota tra i paragrafi."
        ),
        error_messages={
            "required": _("Racconta la tua storia."),
            "min_length": _("La storia è troppo corta: almeno 300 caratteri."),
            "max_length": _("La storia è troppo lunga: al massimo 8000 caratteri."),
        },
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    consent_privacy = forms.BooleanField(
        label=_("Ho letto l'informativa privacy e acconsento al trattamento dei miei dati."),
        error_messages={"required": _("Per inviare la storia serve il consenso privacy.")},
    )
    consent_publication = forms.BooleanField(
        label=_(
            "Acconsento alla pubblicazione della storia e delle foto sul portale, dopo la "
            "revisione della redazione."
        ),
        error_messages={"required": _("Per pubblicare la storia ci serve il tuo consenso.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_PHOTOS + 1):
            self.fields[f"photo_{number}"] = photo_field(number)
            self.fields[f"alt_{number}"] = SingleLineField(
                label=_("Descrizione della foto %(number)s") % {"number": number},
                max_length=250,
                required=False,
                help_text=_("Cosa mostra la foto, per chi non può vederla (testo alternativo)."),
            )

    def photo_fields(self):
        """(photo field, description field) pairs, for the template's fieldsets."""
        return [
            (self[f"photo_{number}"], self[f"alt_{number}"]) for number in range(1, MAX_PHOTOS + 1)
        ]

    def clean(self):
        cleaned = super().clean()
        for number in range(1, MAX_PHOTOS + 1):
            alt_name = f"alt_{number}"
            missing = cleaned.get(f"photo_{number}") and not cleaned.get(alt_name)
            if missing and alt_name not in self.errors:
                self.add_error(
                    alt_name, _("Descrivi la foto %(number)s in poche parole.") % {"number": number}
                )
        return cleaned

    def photos(self) -> list[tuple[int, object, str]]:
        """(number, re-encoded photo, description) of each photo sent."""
        return [
            (number, self.cleaned_data[f"photo_{number}"], self.cleaned_data[f"alt_{number}"])
            for number in range(1, MAX_PHOTOS + 1)
            if self.cleaned_data.get(f"photo_{number}")
        ]
