"""The innovator: a snippet that editors curate and the map, the directory and exports read."""

import datetime
import html
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from portal.blocks import RICH_TEXT_FEATURES
from portal.models import (
    GeoLocationMixin,
    ReviewedSnippetMixin,
    TaggedMixin,
    location_field,
    tagged_item_key,
    tags_field,
)

SHORT_DESCRIPTION_MAX_LENGTH = 280
_FIRST_PARAGRAPH = re.compile(r"\s*<p(?:\s[^>]*)?>(.*?)</p>", re.DOTALL)


def _plain(fragment: str) -> str:
    """Text of an HTML fragment with its whitespace collapsed, for comparing paragraphs."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment or "")).split())


# Slugs that name a route of the directory page, so no profile can take them.
RESERVED_SLUGS = {"aderisci", "bacheca", "board"}


class InnovatorKind(models.TextChoices):
    COMPANY = "company", _("Impresa")
    STARTUP = "startup", _("Startup")
    ASSOCIATION = "association", _("Associazione")
    RESEARCH = "research", _("Ricerca e scuola")
    PUBLIC_BODY = "public_body", _("Ente pubblico")
    INDIVIDUAL = "individual", _("Persona")


class InnovatorQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def in_language(self, language_code: str):
        """Innovators in the reader's language; for those not translated, the Italian record."""
        default = settings.LANGUAGE_CODE
        if language_code == default:
            return self.filter(locale__language_code=default)
        translated = Innovator.objects.filter(
            translation_key=OuterRef("translation_key"),
            locale__language_code=language_code,
            live=True,
        )
        return self.filter(
            Q(locale__language_code=language_code)
            | (Q(locale__language_code=default) & ~Exists(translated))
        )

    def club_members(self):
        return self.filter(is_club_member=True)


class TaggedInnovator(TaggedItemBase):
    content_object = tagged_item_key("innovators.Innovator")


class Innovator(
    TranslatableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ReviewedSnippetMixin,
    PreviewableMixin,
    GeoLocationMixin,
    TaggedMixin,
    index.Indexed,
    ClusterableModel,
):
    """A company, startup, association, school, public body or person innovating in the province.

    Draft/publish with revisions: a join request arrives as a draft and a moderator publishes
    it. Only published innovators reach the map, the directory and the exports.
    """

    name = models.CharField(_("nome"), max_length=160)
    slug = models.SlugField(
        _("slug"),
        max_length=160,
        blank=True,
        allow_unicode=False,
        help_text=_("L'indirizzo del profilo, /club/<slug>/. Se vuoto si ricava dal nome."),
    )
    short_description = models.TextField(
        _("descrizione breve"),
        max_length=SHORT_DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(SHORT_DESCRIPTION_MAX_LENGTH)],
        help_text=_("Una o due frasi (max 280 caratteri) per la scheda e il fumetto sulla mappa."),
    )
    description = RichTextField(_("descrizione"), blank=True, features=RICH_TEXT_FEATURES)
    sector = models.ForeignKey(
        "innovators.Sector",
        verbose_name=_("settore"),
        on_delete=models.PROTECT,
        related_name="innovators",
    )
    tags = tags_field(
        TaggedInnovator,
        help_text=_("Temi e competenze, ad esempio «economia circolare», «IoT», «formazione»."),
    )
    kind = models.CharField(
        _("tipo"), max_length=20, choices=InnovatorKind.choices, default=InnovatorKind.COMPANY
    )
    municipality = models.ForeignKey(
        "innovators.Municipality",
        verbose_name=_("comune"),
        on_delete=models.PROTECT,
        related_name="innovators",
    )
    location = location_field(
        _("posizione"), _("Il punto sulla mappa. Se vuota si usa il centro del comune.")
    )
    # Copies of `location` as numbers, written on save: listings and exports read these.
    latitude = models.FloatField(_("latitudine"), null=True, blank=True, editable=False)
    longitude = models.FloatField(_("longitudine"), null=True, blank=True, editable=False)
    website = models.URLField(_("sito web"), blank=True)
    # Social profiles, shown on the public profile with their network's name.
    linkedin = models.URLField("LinkedIn", blank=True)
    instagram = models.URLField("Instagram", blank=True)
    facebook = models.URLField("Facebook", blank=True)
    logo = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(
        _("e-mail di contatto"),
        blank=True,
        help_text=_(
            "Solo per la moderazione: non compare mai sul sito, né alla redazione, né negli "
            "export pubblici."
        ),
    )
    is_club_member = models.BooleanField(_("membro del club"), default=False, db_index=True)
    joined_on = models.DateField(
        _("data di adesione al club"),
        null=True,
        blank=True,
        help_text=_("Se vuota, per un membro del club si usa la data odierna."),
    )
    year_founded = models.PositiveSmallIntegerField(
        _("anno di fondazione"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
    )
    created_at = models.DateTimeField(_("creato il"), auto_now_add=True)
    updated_at = models.DateTimeField(_("aggiornato il"), auto_now=True, db_index=True)

    objects = InnovatorQuerySet.as_manager()

    # The editor's tabs are the viewset's (`innovators.panels.innovator_edit_handler`).

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.SearchField("address"),
        index.FilterField("live"),
        index.FilterField("locale_id"),
        index.FilterField("is_club_member"),
        index.FilterField("sector_id"),
        index.FilterField("municipality_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("innovatore")
        verbose_name_plural = _("innovatori")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_innovator_slug_per_locale"
            )
        ]
        indexes = [models.Index(fields=["live", "locale"], name="innovator_live_locale")]

    SOCIAL_FIELDS = ("linkedin", "instagram", "facebook")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(network, URL) of the social profiles given."""
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in self.SOCIAL_FIELDS
            if getattr(self, name)
        ]

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "innovators/innovator_profile.html"

    def get_preview_context(self, request, mode_name):
        """The public profile as the club page would show it, from the unsaved form data."""
        from innovators.models.pages import ClubDirectoryPage, map_settings

        self.locate()
        page = (
            ClubDirectoryPage.objects.filter(locale_id=self.locale_id).first()
            or ClubDirectoryPage.objects.first()
        )
        return {
            "request": request,
            "page": page,
            "self": page,
            "innovator": self,
            "synergies": [],
            "map_settings": map_settings(zoom=13),
        }

    @cached_property
    def description_body(self) -> str:
        """The rich description without a first paragraph that repeats the short description,
        which the profile already shows as its lead."""
        text = (self.description or "").strip()
        first = _FIRST_PARAGRAPH.match(text)
        if first and _plain(first.group(1)) == _plain(self.short_description):
            return text[first.end() :].strip()
        return text

    def clean(self):
        super().clean()
        errors = {}
        if not self.slug and self.name:
            self.slug = slugify(self.name)[:160]
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Questo indirizzo è riservato: scegline un altro.")
        if self.location:
            point = self.point
            if point is None:
                errors["location"] = _("Posizione non valida: usa la mappa per indicarla.")
            elif not point.in_province():
                errors["location"] = _(
                    "La posizione è fuori dalla provincia di Pistoia: controlla il segnaposto."
                )
        if self.year_founded and self.year_founded > datetime.date.today().year:
            errors["year_founded"] = _("L'anno di fondazione non può essere nel futuro.")
        if errors:
            raise ValidationError(errors)

    def locate(self) -> None:
        """Without a point of its own, the innovator is at its comune's centre; the point's
        copies as numbers follow the location."""
        point = self.point
        if point is None and self.municipality_id:
            point = self.municipality.centroid
            self.location = point.wkt
        self.latitude, self.longitude = (point.lat, point.lng) if point else (None, None)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:160]
        self.locate()
        if self.is_club_member and not self.joined_on:
            self.joined_on = timezone.localdate()
        super().save(*args, **kwargs)
