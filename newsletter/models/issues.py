"""Each issue of the digest sent, and who it went to.

An `Issue` covers what was published between `since` and `until`; its `items` keep the pages
chosen (per language and topic), so a run that resumes after a crash sends the same issue.
A `Delivery` is written (unique per issue and subscriber) *before* its e-mail goes out and
marked sent right after: nobody gets the same issue twice, even from two runs at once.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class IssueStatus(models.TextChoices):
    SENDING = "sending", _("In invio")
    SENT = "sent", _("Inviato")


class Issue(models.Model):
    created_at = models.DateTimeField(_("creato il"), auto_now_add=True)
    since = models.DateTimeField(_("novità dal"))
    until = models.DateTimeField(_("novità fino al"))
    status = models.CharField(
        _("stato"), max_length=20, choices=IssueStatus.choices, default=IssueStatus.SENDING
    )
    # {"it": {"stories": [page ids], "courses": [...], ...}, "en": {...}}
    items = models.JSONField(_("contenuti"), default=dict)
    # {"it": "<p>…</p>", "en": "…"}: the editors' introduction as it was sent
    introductions = models.JSONField(_("introduzioni"), default=dict)
    recipients = models.PositiveIntegerField(pgettext_lazy("e-mail", "destinatari"), default=0)
    failures = models.PositiveIntegerField(_("invii falliti"), default=0)
    finished_at = models.DateTimeField(_("concluso il"), null=True, blank=True)
    sent_by = models.CharField(_("avviato da"), max_length=150, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("numero della newsletter")
        verbose_name_plural = _("numeri della newsletter")
        permissions = [("send_issue", _("Può inviare la newsletter"))]
        constraints = [
            # One issue in progress at a time: a second run resumes it instead.
            models.UniqueConstraint(
                fields=["status"],
                condition=Q(status="sending"),
                name="newsletter_one_issue_sending",
            )
        ]

    def __str__(self):
        return f"Newsletter n. {self.pk} ({self.until:%d/%m/%Y})"

    @property
    def item_count(self) -> int:
        """Distinct pages in the issue, all languages together."""
        return len(
            {
                (language, page_id)
                for language, topics in self.items.items()
                for ids in topics.values()
                for page_id in ids
            }
        )


class DeliveryStatus(models.TextChoices):
    SENDING = "sending", _("In invio")
    SENT = "sent", _("Inviata")
    FAILED = "failed", _("Rifiutata dal server")


class Delivery(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices)
    attempted_at = models.DateTimeField(auto_now_add=True)
    error = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("invio")
        verbose_name_plural = _("invii")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletter_one_delivery_per_issue"
            )
        ]

    def __str__(self):
        return f"{self.issue_id} → {self.subscriber_id} ({self.status})"
