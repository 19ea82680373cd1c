"""The public join request: an innovator asks to appear on the map and join the club."""

import html
import io

from django import forms
from django.core.files.images import ImageFile
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.images import get_image_model
from wagtail.models import Collection

import nh3
from PIL import Image, UnidentifiedImageError

from innovators.models.innovators import (
    RESERVED_SLUGS,
    SHORT_DESCRIPTION_MAX_LENGTH,
    Innovator,
    InnovatorKind,
)
from innovators.models.reference import Municipality, Sector

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000
LOGO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
DESCRIPTION_MAX_LENGTH = 3000
TAGS_MAX = 10


def plain_text(value: str) -> str:
    """Whatever an innovator writes, as plain text: tags (and script contents) removed."""
    return html.unescape(nh3.clean(value or "", tags=set())).strip()


def paragraphs_html(text: str) -> str:
    """Plain text as rich text: one escaped paragraph per blank-line-separated block."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)


class JoinRequestForm(forms.Form):
    name = forms.CharField(label=_("Nome della realtà"), max_length=160)
    kind = forms.ChoiceField(label=_("Tipo"), choices=InnovatorKind.choices)
    sector = forms.ModelChoiceField(
        label=_("Settore"), queryset=Sector.objects.none(), empty_label=_("Scegli un settore")
    )
    short_description = forms.CharField(
        label=_("Descrizione breve"),
        max_length=SHORT_DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Una o due frasi, al massimo 280 caratteri."),
    )
    description = forms.CharField(
        label=_("Raccontaci di più"),
        max_length=DESCRIPTION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Facoltativo. Testo semplice: lascia una riga vuota tra i paragrafi."),
    )
    tags = forms.CharField(
        label=_("Parole chiave"),
        max_length=300,
        required=False,
        help_text=_("Fino a 10, separate da virgole, ad esempio: economia circolare, IoT."),
    )
    municipality = forms.ModelChoiceField(
        label=_("Comune"), queryset=Municipality.objects.all(), empty_label=_("Scegli un comune")
    )
    address = forms.CharField(label=_("Indirizzo"), max_length=255, required=False)
    website = forms.URLField(
        label=_("Sito web"), required=False, assume_scheme="https", max_length=200
    )
    contact_email = forms.EmailField(
        label=_("E-mail di contatto"),
        error_messages={
            "invalid": _("Inserisci un indirizzo e-mail valido, come nome@esempio.it.")
        },
        help_text=_("Solo per la redazione: non sarà pubblicata."),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("Facoltativo. JPEG, PNG o WebP, al massimo 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    join_club = forms.BooleanField(
        label=_("Voglio aderire al Club degli innovatori"), required=False, initial=True
    )
    privacy = forms.BooleanField(
        label=_("Ho letto l'informativa privacy e acconsento al trattamento dei miei dati."),
        error_messages={"required": _("Per inviare la richiesta serve il consenso privacy.")},
    )
    # Honeypot: hidden from people, filled in by bots.
    homepage = forms.CharField(label=_("Non compilare questo campo"), required=False)

    def __init__(self, *args, language_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.filter(locale__language_code=language_code)

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("homepage"))

    def _clean_text(self, name: str, required: bool = True) -> str:
        value = plain_text(self.cleaned_data.get(name, ""))
        if required and not value:
            raise forms.ValidationError(_("Scrivi un testo semplice, senza codice HTML."))
        return value

    def clean_name(self):
        return self._clean_text("name")

    def clean_short_description(self):
        return self._clean_text("short_description")

    def clean_description(self):
        return self._clean_text("description", required=False)

    def clean_address(self):
        return self._clean_text("address", required=False)

    def clean_tags(self):
        names = [
            " ".join(name.split())[:100]
            for name in plain_text(self.cleaned_data.get("tags", "")).split(",")
        ]
        names = list(dict.fromkeys(name for name in names if name))
        if len(names) > TAGS_MAX:
            raise forms.ValidationError(_("Indica al massimo 10 parole chiave."))
        return names

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo:
            return None
        if logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(_("Il logo è troppo grande: al massimo 2 MB."))
        # The content decides, not the name or the browser's content type.
        try:
            with Image.open(logo) as picture:
                image_format = picture.format
                width, height = picture.size
                picture.verify()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise forms.ValidationError(
                _("Il logo deve essere un'immagine JPEG, PNG o WebP.")
            ) from None
        if image_format not in LOGO_FORMATS:
            raise forms.ValidationError(_("Il logo deve essere un'immagine JPEG, PNG o WebP."))
        if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
            raise forms.ValidationError(_("Il logo è troppo grande: massimo 4000 pixel per lato."))
        logo.seek(0)
        logo.image_format = image_format
        return logo

    def save_draft(self, locale) -> Innovator:
        """Create the draft innovator, its logo and a first revision (call in a transaction)."""
        data = self.cleaned_data
        innovator = Innovator(
            locale=locale,
            live=False,
            has_unpublished_changes=True,
            name=data["name"],
            slug=unique_slug(data["name"], locale),
            kind=data["kind"],
            sector=data["sector"],
            short_description=data["short_description"],
            description=paragraphs_html(data["description"]),
            municipality=data["municipality"],
            address=data["address"],
            website=data["website"],
            contact_email=data["contact_email"],
            is_club_member=data["join_club"],
        )
        if data["logo"]:
            innovator.logo = save_logo(data["logo"], data["name"])
        innovator.save()
        if data["tags"]:
            innovator.tags.set(data["tags"])
            innovator.save()
        innovator.save_revision()
        return innovator


def unique_slug(name: str, locale) -> str:
    base = slugify(name)[:150] or "innovatore"
    taken = (
        set(
            Innovator.objects.filter(locale=locale, slug__startswith=base).values_list(
                "slug", flat=True
            )
        )
        | RESERVED_SLUGS
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def save_logo(upload, name: str):
    image_model = get_image_model()
    extension = LOGO_FORMATS[upload.image_format]
    content = io.BytesIO(upload.read())
    image = image_model(
        title=f"Logo {name}"[:255],
        description=_("Logo di %(name)s") % {"name": name},
        collection=Collection.get_first_root_node(),
    )
    image.file = ImageFile(content, name=f"logo-{slugify(name)[:40] or 'innovatore'}.{extension}")
    image._set_image_file_metadata()
    image.save()
    return image
