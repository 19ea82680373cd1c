"""The public join request: an innovator asks to appear on the map and join the club.

Built on the public-form kit (`portal.forms`): plain-text fields, the logo re-encoded.
"""

from django import forms
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection

from innovators.models.innovators import (
    RESERVED_SLUGS,
    SHORT_DESCRIPTION_MAX_LENGTH,
    Innovator,
    InnovatorKind,
)
from innovators.models.needs import save_needs
from innovators.models.reference import Municipality, Sector
from innovators.needs import NeedsForm
from portal.forms import (
    ImageUploadField,
    PlainTextField,
    PublicForm,
    SingleLineField,
    plain_text,
    store_image,
)

LOGO_MAX_BYTES = 2 * 1024 * 1024
LOGO_MAX_PIXELS = 4000
DESCRIPTION_MAX_LENGTH = 3000
TAGS_MAX = 10


def logo_max_bytes() -> int:
    return LOGO_MAX_BYTES


def paragraphs_html(text: str) -> str:
    """Plain text as rich text: one escaped paragraph per blank-line-separated block."""
    blocks = [" ".join(block.split()) for block in text.split("\n\n")]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)


class InnovatorFieldsMixin:
    """What the join form and the innovators' profile form share: the sectors of the form's
    language, and tags as a list of at most `TAGS_MAX` distinct plain names."""

    def __init__(self, *args, language_code: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].queryset = Sector.objects.filter(locale__language_code=language_code)

    def clean_tags(self):
        names = [
            " ".join(name.split())[:100]
            for name in plain_text(self.cleaned_data.get("tags", "")).split(",")
        ]
        names = list(dict.fromkeys(name for name in names if name))
        if len(names) > TAGS_MAX:
            raise forms.ValidationError(_("Indica al massimo 10 parole chiave."))
        return names


class JoinRequestForm(InnovatorFieldsMixin, NeedsForm, PublicForm):
    name = SingleLineField(label=_("Nome della realtà"), max_length=160)
    kind = forms.ChoiceField(label=_("Tipo"), choices=InnovatorKind.choices)
    sector = forms.ModelChoiceField(
        label=_("Settore"), queryset=Sector.objects.none(), empty_label=_("Scegli un settore")
    )
    short_description = PlainTextField(
        label=_("Descrizione breve"),
        max_length=SHORT_DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Una o due frasi, al massimo 280 caratteri."),
    )
    description = PlainTextField(
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
    address = SingleLineField(label=_("Indirizzo"), max_length=255, required=False)
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
    logo = ImageUploadField(
        label=_("Logo"),
        max_bytes=logo_max_bytes,
        max_side=LOGO_MAX_PIXELS,
        help_text=_("Facoltativo. JPEG, PNG o WebP, al massimo 2 MB."),
        error_messages={
            "too_big": _("Il logo è troppo grande: al massimo %(size)s."),
            "too_many_pixels": _("Il logo è troppo grande: massimo %(pixels)s pixel per lato."),
            "not_image": _("Il logo deve essere un'immagine JPEG, PNG o WebP."),
            "unreadable": _("Non siamo riusciti a leggere il logo: prova con un altro file."),
        },
    )
    join_club = forms.BooleanField(
        label=_("Voglio aderire al Club degli innovatori"), required=False, initial=True
    )
    privacy = forms.BooleanField(
        label=_("Ho letto l'informativa privacy e acconsento al trattamento dei miei dati."),
        error_messages={"required": _("Per inviare la richiesta serve il consenso privacy.")},
    )

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
        if data["needs"] or data["needs_other"]:
            save_needs(innovator, data["needs"], data["needs_other"])
        return innovator


def unique_slug(name: str, locale) -> str:
    """A free slug among the innovators of `locale` (snippets: Wagtail's find_available_slug
    looks among a page's children), never one of the directory's own routes."""
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


def save_logo(logo, name: str):
    """The logo sent (a `portal.forms.ImageUpload`) as a Wagtail image, re-encoded in the
    background."""
    return store_image(
        logo,
        stem=f"logo-{slugify(name)[:40] or 'innovatore'}",
        title=f"Logo {name}"[:255],
        description=_("Logo di %(name)s") % {"name": name},
        collection=Collection.get_first_root_node(),
    )
