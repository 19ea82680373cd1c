"""What an applicant wrote in the public join form, kept beside the draft it created.

Editors change the draft innovator freely; this record keeps the request as sent, so the
moderator reads both. It goes with the innovator (a rejected request deleted, or purged).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JoinRequest(models.Model):
    innovator = models.OneToOneField(
        "innovators.Innovator",
        verbose_name=_("innovatore in bozza"),
        on_delete=models.CASCADE,
        related_name="join_request",
    )
    created_at = models.DateTimeField(_("ricevuta il"), auto_now_add=True, db_index=True)
    # The form's fields as text (booleans as booleans), keyed by the form's field names.
    answers = models.JSONField(_("risposte"), default=dict)
    # The moderators' answer, and when the applicant was told (each e-mail goes once).
    decline_reason = models.TextField(
        _("motivo per non pubblicare"),
        blank=True,
        max_length=2000,
        help_text=_("Scritto a chi ha inviato la richiesta, nella sua e-mail di risposta."),
    )
    declined_at = models.DateTimeField(_("non pubblicata il"), null=True, blank=True)
    approval_sent_at = models.DateTimeField(
        _("e-mail di pubblicazione inviata il"), null=True, blank=True
    )
    decline_sent_at = models.DateTimeField(
        _("e-mail di non pubblicazione inviata il"), null=True, blank=True
    )
    renews_content_version = False  # private: only the innovator, once published, is public

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("richiesta di adesione")
        verbose_name_plural = _("richieste di adesione")

    def __str__(self):
        return str(self.answers.get("name") or self.innovator_id)
