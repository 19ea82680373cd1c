"""An introduction asked by one innovator to another, and its answer.

Private: the message and the people's addresses are personal data (docs/security.md), never
shown on the site; the moderators see counts and the abuse reports only. A closed request is
anonymised by the personal-data purge (`privacy`), so the counts of the impact page stay.
"""

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Greatest, Least
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 1000


class IntroductionState(models.TextChoices):
    ASKED = "asked", _("In attesa di risposta")
    ACCEPTED = "accepted", _("Accettata")
    DECLINED = "declined", _("Non accettata")
    EXPIRED = "expired", _("Scaduta senza risposta")


class Introduction(models.Model):
    # SET_NULL: a deleted innovator's requests stay, anonymous, in the counts.
    asker = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("chi chiede"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="introductions_asked",
    )
    receiver = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("a chi"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="introductions_received",
    )
    asked_by = models.EmailField(_("chiesta da"), blank=True)
    message = models.TextField(_("messaggio"), max_length=MESSAGE_MAX_LENGTH, blank=True)
    language = models.CharField(_("lingua"), max_length=8, default="it")
    state = models.CharField(
        _("stato"),
        max_length=10,
        choices=IntroductionState.choices,
        default=IntroductionState.ASKED,
        db_index=True,
    )
    created_at = models.DateTimeField(_("chiesta il"), default=timezone.now, db_index=True)
    answered_at = models.DateTimeField(_("chiusa il"), null=True, blank=True)
    answered_by = models.EmailField(_("risposta da"), blank=True)
    reported_at = models.DateTimeField(_("segnalata il"), null=True, blank=True)
    report_reason = models.TextField(_("motivo della segnalazione"), blank=True)
    renews_content_version = False  # private: no public page shows it

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("presentazione")
        verbose_name_plural = _("presentazioni")
        constraints = [
            # One open request per pair, whoever asked first.
            models.UniqueConstraint(
                Least("asker", "receiver"),
                Greatest("asker", "receiver"),
                condition=Q(state="asked"),
                name="one_open_introduction_per_pair",
            ),
            models.CheckConstraint(
                condition=~Q(asker=F("receiver")), name="introduction_to_another"
            ),
        ]

    def __str__(self):
        return f"{self.asker} → {self.receiver} ({self.get_state_display()})"

    @property
    def is_open(self) -> bool:
        return self.state == IntroductionState.ASKED
