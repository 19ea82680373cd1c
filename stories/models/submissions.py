"""The public "tell your story" form page and the records of what senders wrote."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path

from portal.models import BasePage, ViewRoutesMixin


class StorySubmissionPage(ViewRoutesMixin, BasePage):
    """/storie/racconta/: innovators send their story; it arrives as a draft in moderation.

    The form and its answer are answered by `stories.submissions` (`submission_form`,
    `submission_thanks`).
    """

    confirmation_text = models.TextField(
        _("testo di conferma"),
        blank=True,
        max_length=600,
        help_text=_("Mostrato dopo l'invio e ripetuto nell'e-mail di conferma a chi scrive."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("confirmation_text")]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("modulo «Racconta la tua storia»")

    @path("")
    def form_view(self, request):
        return self.serve_route("form", request)

    @path("grazie/", name="thanks")
    def thanks_view(self, request):
        return self.serve_route("thanks", request)


class SubmissionStatus(models.TextChoices):
    RECEIVED = "received", _("Ricevuta")
    PUBLISHED = "published", _("Pubblicata")
    REJECTED = "rejected", _("Respinta")


class StorySubmission(models.Model):
    """What a sender wrote through the public form, kept even if the draft story is deleted."""

    renews_content_version = False  # private: only the story, once published, is public

    created_at = models.DateTimeField(_("ricevuta il"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("stato"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.RECEIVED,
        db_index=True,
    )
    name = models.CharField(_("nome"), max_length=120)
    organisation = models.CharField(_("organizzazione"), max_length=160, blank=True)
    email = models.EmailField(_("e-mail"))
    title = models.CharField(_("titolo"), max_length=120)
    summary = models.TextField(_("sintesi"), max_length=400)
    text = models.TextField(_("testo"))
    photo_descriptions = models.TextField(
        _("testi alternativi delle foto"), blank=True, help_text=_("Uno per riga.")
    )
    photos = models.ManyToManyField(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("foto inviate"),
        blank=True,
        related_name="+",
        help_text=_("Le foto come le ha inviate chi scrive (nella raccolta «Contributi»)."),
    )
    consent_privacy = models.BooleanField(_("consenso privacy"), default=False)
    consent_publication = models.BooleanField(_("consenso alla pubblicazione"), default=False)
    innovator = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("innovatore riconosciuto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("L'innovatore pubblicato il cui nome corrisponde all'organizzazione indicata."),
    )
    story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("bozza della storia"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    notes = models.TextField(_("note della redazione"), blank=True)
    decline_reason = models.TextField(
        _("motivo per non pubblicare"),
        blank=True,
        max_length=2000,
        help_text=_(
            "Obbligatorio per lo stato «Respinta»: è scritto a chi ha inviato la storia, "
            "nell'e-mail che gli dice che non sarà pubblicata."
        ),
    )
    # When the sender was told (each e-mail goes once: a re-publish sends nothing again).
    published_notice_sent_at = models.DateTimeField(
        _("e-mail di pubblicazione inviata il"), null=True, blank=True
    )
    decline_notice_sent_at = models.DateTimeField(
        _("e-mail di non pubblicazione inviata il"), null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("storia inviata")
        verbose_name_plural = _("storie inviate")

    def __str__(self):
        return f"{self.title} ({self.name})"
