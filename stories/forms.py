"""The public "Racconta la tua storia" form: plain text only, photos checked by content."""

import html
import io

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

import nh3
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTOS = 3
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP"}
PHOTO_MAX_PIXELS = 6000  # per side
PHOTO_MAX_LONG_SIDE = 2400  # re-encoded photos are scaled down to this
TEXT_MIN_LENGTH = 300
TEXT_MAX_LENGTH = 8000


def photo_max_bytes() -> int:
    return getattr(settings, "STORIES_PHOTO_MAX_BYTES", 5 * 1024 * 1024)


def plain_text(value: str) -> str:
    """Whatever a sender writes, as plain text: tags (and script contents) removed."""
    return html.unescape(nh3.clean(value or "", tags=set())).replace("\r\n", "\n").strip()


def paragraphs(text: str) -> list[str]:
    """Plain text split into paragraphs at blank lines, whitespace collapsed."""
    blocks = (" ".join(block.split()) for block in text.split("\n\n"))
    return [block for block in blocks if block]


def paragraph_html(text: str) -> str:
    return f"<p>{escape(text)}</p>"


class PhotoError(Exception):
    """A photo passed the checks but could not be decoded while saving."""

    def __init__(self, number: int):
        super().__init__(number)
        self.number = number


def reencode(upload, number: int) -> ImageFile:
    """Decode the photo fully and save it again as JPEG: no metadata (GPS, camera) survives."""
    try:
        upload.seek(0)
        with Image.open(upload) as picture:
            picture.load()
            picture = ImageOps.exif_transpose(picture)
            if picture.mode in ("RGBA", "LA", "P"):
                picture = picture.convert("RGBA")
                background = Image.new("RGB", picture.size, "white")
                background.paste(picture, mask=picture.getchannel("A"))
                picture = background
            else:
                picture = picture.convert("RGB")
            picture.thumbnail((PHOTO_MAX_LONG_SIDE, PHOTO_MAX_LONG_SIDE))
            buffer = io.BytesIO()
            picture.save(buffer, format="JPEG", quality=85, optimize=True)
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise PhotoError(number) from error
    return ImageFile(io.BytesIO(buffer.getvalue()), name=f"contributo-{number}.jpg")


class StorySubmissionForm(forms.Form):
    name = forms.CharField(
        label=_("Nome e cognome"),
        max_length=120,
        error_messages={"required": _("Scrivi il tuo nome.")},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
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
    title = forms.CharField(
        label=_("Titolo della storia"),
        min_length=10,
        max_length=120,
        error_messages={
            "required": _("Dai un titolo alla tua storia."),
            "min_length": _("Il titolo è troppo corto: almeno 10 caratteri."),
            "max_length": _("Il titolo è troppo lungo: al massimo 120 caratteri."),
        },
    )
    summary = forms.CharField(
        label=_("In breve"),
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
    text = forms.CharField(
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
    # Honeypot: hidden from people, filled in by bots.
    website = forms.CharField(label=_("Non compilare questo campo"), required=False)

    text_fields = ("name", "organisation", "title", "summary", "text")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_PHOTOS + 1):
            self.fields[f"photo_{number}"] = forms.FileField(
                label=_("Foto %(number)s") % {"number": number},
                required=False,
                help_text=_("JPEG, PNG o WebP, al massimo %(mb)s MB.")
                % {"mb": photo_max_bytes() // (1024 * 1024)},
                widget=forms.ClearableFileInput(
                    attrs={"accept": "image/jpeg,image/png,image/webp"}
                ),
            )
            self.fields[f"alt_{number}"] = forms.CharField(
                label=_("Descrizione della foto %(number)s") % {"number": number},
                max_length=250,
                required=False,
                help_text=_("Cosa mostra la foto, per chi non può vederla (testo alternativo)."),
            )

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website"))

    def photo_fields(self):
        """(photo field, description field) pairs, for the template's fieldsets."""
        return [
            (self[f"photo_{number}"], self[f"alt_{number}"]) for number in range(1, MAX_PHOTOS + 1)
        ]

    def _clean_text(self, name: str) -> str:
        raw = self.cleaned_data.get(name, "")
        value = plain_text(raw)
        if raw and not value:
            raise ValidationError(_("Scrivi un testo semplice, senza codice HTML."))
        return value

    def clean_name(self):
        return self._clean_text("name")

    def clean_organisation(self):
        return self._clean_text("organisation")

    def clean_title(self):
        return " ".join(self._clean_text("title").split())

    def clean_summary(self):
        return " ".join(self._clean_text("summary").split())

    def clean_text(self):
        value = self._clean_text("text")
        if len(value) < TEXT_MIN_LENGTH:
            raise ValidationError(_("La storia è troppo corta: almeno 300 caratteri."))
        return value

    def clean_photo(self, number: int):
        photo = self.cleaned_data.get(f"photo_{number}")
        if not photo:
            return None
        wrong_type = _("La foto %(number)s deve essere un'immagine JPEG, PNG o WebP.") % {
            "number": number
        }
        if photo.size > photo_max_bytes():
            raise ValidationError(
                _("La foto %(number)s è troppo grande: al massimo %(mb)s MB.")
                % {"number": number, "mb": photo_max_bytes() // (1024 * 1024)}
            )
        # The content decides, not the file name or the browser's content type.
        try:
            with Image.open(photo) as picture:
                image_format = picture.format
                width, height = picture.size
                picture.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise ValidationError(wrong_type) from None
        except Image.DecompressionBombError:
            raise ValidationError(
                _("La foto %(number)s è troppo grande.") % {"number": number}
            ) from None
        if image_format not in PHOTO_FORMATS:
            raise ValidationError(wrong_type)
        if width > PHOTO_MAX_PIXELS or height > PHOTO_MAX_PIXELS:
            raise ValidationError(
                _("La foto %(number)s è troppo grande: al massimo 6000 pixel per lato.")
                % {"number": number}
            )
        photo.seek(0)
        return photo

    def clean(self):
        cleaned = super().clean()
        for number in range(1, MAX_PHOTOS + 1):
            photo_name, alt_name = f"photo_{number}", f"alt_{number}"
            if photo_name in self.errors:
                continue
            try:
                cleaned[photo_name] = self.clean_photo(number)
            except ValidationError as error:
                self.add_error(photo_name, error)
                continue
            alt = plain_text(cleaned.get(alt_name, ""))
            cleaned[alt_name] = " ".join(alt.split())
            if cleaned[photo_name] and not cleaned[alt_name]:
                self.add_error(
                    alt_name, _("Descrivi la foto %(number)s in poche parole.") % {"number": number}
                )
        return cleaned

    def photos(self) -> list[tuple[int, object, str]]:
        """(number, upload, description) of each photo sent."""
        return [
            (number, self.cleaned_data[f"photo_{number}"], self.cleaned_data[f"alt_{number}"])
            for number in range(1, MAX_PHOTOS + 1)
            if self.cleaned_data.get(f"photo_{number}")
        ]
