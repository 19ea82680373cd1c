"""Offers and needs, their categories, and who wants the monthly matches by e-mail."""

import datetime

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from portal.models import ReviewedSnippetMixin, TaggedMixin, tagged_item_key, tags_field

OFFER_TEXT_MAX_LENGTH = 600
OFFER_DURATION_DAYS = 183  # about six months


def default_end_date() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=OFFER_DURATION_DAYS)


class OfferKind(models.TextChoices):
    OFFER = "offro", _("Offro")
    NEED = "cerco", _("Cerco")

    @property
    def opposite(self) -> "OfferKind":
        return OfferKind.NEED if self == OfferKind.OFFER else OfferKind.OFFER


class OfferCategory(index.Indexed, models.Model):
    """What an offer or a need is about (competenze, spazi e attrezzature…). Editors add them;
    the first ones come from a data migration. Named in both languages in one record."""

    name = models.CharField(_("nome"), max_length=80)
    name_en = models.CharField(_("nome in inglese"), max_length=80, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("Usato negli indirizzi dei filtri, ad esempio /club/bacheca/?categoria=spazi."),
    )
    sort_order = models.PositiveSmallIntegerField(_("ordine"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("categoria di offerte e richieste")
        verbose_name_plural = _("categorie di offerte e richieste")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language (the Italian one when no English is given)."""
        if translation.get_language() != settings.LANGUAGE_CODE and self.name_en:
            return self.name_en
        return self.name


class TaggedOffer(TaggedItemBase):
    content_object = tagged_item_key("innovators.Offer")


class OfferQuerySet(models.QuerySet):
    def current(self):
        """Approved, not withdrawn, not lapsed: what the public sees."""
        return self.filter(live=True, withdrawn_at__isnull=True, ends_on__gte=timezone.localdate())


class Offer(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ReviewedSnippetMixin,
    PreviewableMixin,
    TaggedMixin,
    index.Indexed,
    ClusterableModel,
):
    """An offer («Offro») or a need («Cerco») of an innovator.

    Written in the innovators' area and published through «Revisione redazionale»; public
    while `current()`: live, not withdrawn and not past `ends_on`.
    """

    innovator = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("innovatore"),
        on_delete=models.CASCADE,
        related_name="offers",
    )
    kind = models.CharField(_("tipo"), max_length=5, choices=OfferKind.choices)
    category = models.ForeignKey(
        OfferCategory,
        verbose_name=_("categoria"),
        on_delete=models.PROTECT,
        related_name="offers",
    )
    title = models.CharField(_("titolo"), max_length=120)
    text = models.TextField(
        _("testo"),
        max_length=OFFER_TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(OFFER_TEXT_MAX_LENGTH)],
        help_text=_("Testo semplice, al massimo 600 caratteri."),
    )
    tags = tags_field(TaggedOffer, help_text=_("Temi e competenze, come per i profili."))
    municipality = models.ForeignKey(
        "innovators.Municipality",
        verbose_name=_("comune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    language = models.CharField(
        _("lingua del testo"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    ends_on = models.DateField(
        _("scade il"),
        default=default_end_date,
        db_index=True,
        help_text=_("Dopo questa data non compare più; l'innovatore può rinnovarla."),
    )
    reminder_sent_at = models.DateTimeField(
        _("promemoria della scadenza inviato il"), null=True, blank=True, editable=False
    )
    withdrawn_at = models.DateTimeField(_("ritirata il"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("creata il"), auto_now_add=True)

    objects = OfferQuerySet.as_manager()

    panels = [
        FieldPanel("innovator", read_only=True),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("category")]),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("tags"),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("language")]),
        FieldPanel("ends_on"),
    ]
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("text"),
        index.FilterField("kind"),
        index.FilterField("live"),
        index.FilterField("category_id"),
    ]

    class Meta:
        ordering = ["-first_published_at", "-pk"]
        verbose_name = _("offerta o richiesta")
        verbose_name_plural = _("offerte e richieste")
        indexes = [models.Index(fields=["live", "ends_on"], name="offer_live_ends_on")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def get_preview_template(self, request, mode_name):
        return "innovators/synergies/offer_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"request": request, "offer": self}

    @property
    def is_current(self) -> bool:
        return bool(
            self.live and self.withdrawn_at is None and self.ends_on >= timezone.localdate()
        )


class MatchAlert(models.Model):
    """A person of an innovator who asked for its matches by e-mail once a month."""

    innovator = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("innovatore"),
        on_delete=models.CASCADE,
        related_name="match_alerts",
    )
    email = models.EmailField(_("e-mail"))
    created_at = models.DateTimeField(_("chiesta il"), auto_now_add=True)
    last_sent_at = models.DateTimeField(_("ultimo invio"), null=True, blank=True)
    renews_content_version = False  # private: never shown on the site

    class Meta:
        verbose_name = _("avviso mensile delle sinergie")
        verbose_name_plural = _("avvisi mensili delle sinergie")
        constraints = [
            models.UniqueConstraint(fields=["innovator", "email"], name="unique_match_alert")
        ]

    def __str__(self):
        return f"{self.email} ({self.innovator})" if self.innovator_id else self.email
