"""The people who look after an innovator, and the profiles their people asked to remove.

Both are private (never shown on the site) and never renew the content version. A person is
an e-mail address moderators attach to an innovator, beside its contact e-mail: each of them
may sign in to the innovators' area and act for it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from innovators.area.addresses import normalised_email


class InnovatorPerson(models.Model):
    innovator = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("innovatore"),
        on_delete=models.CASCADE,
        related_name="people",
    )
    email = models.EmailField(
        _("e-mail"),
        help_text=_("Riceverà il link per entrare nell'area degli innovatori per questo profilo."),
    )
    name = models.CharField(_("nome"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("aggiunta il"), auto_now_add=True)
    renews_content_version = False  # private: the public profile does not show it

    class Meta:
        ordering = ["innovator__name", "email"]
        verbose_name = _("persona di un innovatore")
        verbose_name_plural = _("persone degli innovatori")
        constraints = [
            models.UniqueConstraint(
                fields=["innovator", "email"], name="unique_person_per_innovator"
            )
        ]

    def __str__(self):
        return f"{self.name or self.email} ({self.innovator})" if self.innovator_id else self.email

    def save(self, *args, **kwargs):
        self.email = normalised_email(self.email)
        super().save(*args, **kwargs)


class ProfileRemoval(models.Model):
    """An innovator's person asked to remove its profile: it was unpublished at once, and the
    next `purge_personal_data` deletes it (innovators.area.data)."""

    innovator = models.OneToOneField(
        "innovators.Innovator",
        verbose_name=_("innovatore"),
        on_delete=models.CASCADE,
        related_name="removal",
    )
    requested_at = models.DateTimeField(_("chiesta il"), auto_now_add=True)
    requested_by = models.EmailField(_("chiesta da"))
    renews_content_version = False

    class Meta:
        verbose_name = _("rimozione di un profilo")
        verbose_name_plural = _("rimozioni di profili")

    def __str__(self):
        return str(self.innovator)
