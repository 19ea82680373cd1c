"""What an innovator needs now: the short needs question set (`innovators.needs`) answered in
the join form and kept current from the innovators' area. Not public: the editors see it added
up by sector and by comune (`innovators.needs_report`), the impact page by category."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InnovatorNeeds(models.Model):
    innovator = models.OneToOneField(
        "innovators.Innovator",
        verbose_name=_("innovatore"),
        on_delete=models.CASCADE,
        related_name="needs",
    )
    categories = models.ManyToManyField(
        "innovators.OfferCategory",
        verbose_name=_("bisogni"),
        blank=True,
        related_name="innovator_needs",
    )
    other = models.CharField(_("altri bisogni"), max_length=300, blank=True)
    updated_at = models.DateTimeField(_("aggiornati il"), auto_now=True)

    class Meta:
        verbose_name = _("bisogni di un innovatore")
        verbose_name_plural = _("bisogni degli innovatori")

    def __str__(self):
        return str(self.innovator)


def save_needs(innovator, categories, other: str = "") -> InnovatorNeeds:
    """Record what `innovator` needs now (replacing what it said before)."""
    needs, _created = InnovatorNeeds.objects.update_or_create(
        innovator=innovator, defaults={"other": other}
    )
    needs.categories.set(categories)
    return needs
