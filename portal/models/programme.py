"""The programme's four phases: a snippet every app may point at (`stories` phase updates,
`courses`), so it lives below them.

The table keeps its first name, `stories_programmephase` (the phase began in `stories`): moving
the model changed no row or column, only which app owns it (see portal/migrations/0004 and
stories/migrations/0009, which carried its content type, permissions, revisions and
translations over).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin, WorkflowMixin

from .reviewed import ReviewedSnippetMixin


class PhaseStatus(models.TextChoices):
    PLANNED = "planned", _("In programma")
    IN_PROGRESS = "in_progress", _("In corso")
    COMPLETED = "completed", _("Conclusa")


class ProgrammePhase(
    TranslatableMixin, WorkflowMixin, DraftStateMixin, RevisionMixin, ReviewedSnippetMixin
):
    """One of the programme's four phases: Esplorazione, Progettazione, Azione, Valutazione.

    Draft/publish under the editorial review: redazione submits a change, moderazione
    publishes it; readers see the live row.
    """

    number = models.PositiveSmallIntegerField(
        _("numero"),
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text=_("Da 1 a 4: l'ordine della fase nel programma."),
    )
    name = models.CharField(_("nome"), max_length=80)
    summary = models.TextField(_("sintesi"), max_length=600)
    status = models.CharField(
        _("stato"), max_length=20, choices=PhaseStatus.choices, default=PhaseStatus.PLANNED
    )
    start_date = models.DateField(_("inizio"), null=True, blank=True)
    end_date = models.DateField(_("fine"), null=True, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("name")]),
        FieldPanel("summary"),
        FieldPanel("status"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
    ]

    class Meta(TranslatableMixin.Meta):
        db_table = "stories_programmephase"
        ordering = ["number"]
        verbose_name = _("fase del programma")
        verbose_name_plural = _("fasi del programma")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "number"], name="unique_phase_number_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.name}"

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fine non può precedere l'inizio.")})

    @property
    def is_current(self) -> bool:
        return self.status == PhaseStatus.IN_PROGRESS


def current_phase(phases):
    """The phase in progress (the first one, if editors marked more than one)."""
    return next((phase for phase in phases if phase.is_current), None)


PHASE_LABEL = _("fase")


def phase_field(related_name: str, help_text="", verbose_name=PHASE_LABEL) -> models.ForeignKey:
    """A page's optional link to the programme phase it belongs to."""
    return models.ForeignKey(
        ProgrammePhase,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name=related_name,
        help_text=help_text,
    )
