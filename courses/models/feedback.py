"""Participants' answers to an event's questionnaire, kept without the person.

An answer holds the event (its original page, as registrations do), the language of the
questionnaire, the overall rating (1–5), the «would you recommend» score (0–10, when the
questionnaire asks it), the needs chosen and the other answers keyed by the questionnaire
block's id. No registration, name, e-mail, address or time of day: only the day it came.

A link works once: `FeedbackLinkUse` keeps a keyed hash of the registration's id
(`courses.feedback.links.use_key`), so a second answer through the same link is refused
without anything saying who answered what (the use and the answer share no key).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

RATING_CHOICES = [(value, str(value)) for value in range(1, 6)]
# «Would recommend»: 9 and 10 on the 0–10 scale (the promoters of a Net Promoter Score).
RECOMMEND_FROM = 9


class FeedbackAnswer(models.Model):
    """One participant's answers to one event's questionnaire, anonymous."""

    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("evento"),
        on_delete=models.CASCADE,
        related_name="feedback_answers",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("lingua"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rating = models.PositiveSmallIntegerField(
        _("valutazione complessiva"), choices=RATING_CHOICES, db_index=True
    )
    recommend = models.PositiveSmallIntegerField(
        _("lo consiglierebbe (0–10)"), null=True, blank=True
    )
    needs = models.ManyToManyField(
        "innovators.OfferCategory",
        verbose_name=_("bisogni"),
        blank=True,
        related_name="feedback_answers",
    )
    needs_other = models.CharField(_("altri bisogni"), max_length=300, blank=True)
    answers = models.JSONField(
        _("risposte"),
        default=dict,
        blank=True,
        help_text=_("Le altre risposte, per identificativo della domanda."),
    )
    answered_on = models.DateField(_("data"), default=timezone.localdate, editable=False)

    class Meta:
        ordering = ["-answered_on", "-pk"]
        verbose_name = _("risposta al questionario")
        verbose_name_plural = _("risposte ai questionari")

    def __str__(self):
        return f"{self.event_id} · {self.rating}"

    @property
    def recommends(self) -> bool:
        return self.recommend is not None and self.recommend >= RECOMMEND_FROM


class FeedbackLinkUse(models.Model):
    """A questionnaire link that has been used: a keyed hash of the registration's id, the
    day it expires (when the row may go). Nothing links it to the answer."""

    renews_content_version = False

    key = models.CharField(max_length=64, unique=True, editable=False)
    expires_on = models.DateField(editable=False)

    class Meta:
        verbose_name = _("collegamento al questionario usato")
        verbose_name_plural = _("collegamenti al questionario usati")

    def __str__(self):
        return self.key[:12]
