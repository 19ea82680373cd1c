"""The programme: its four phases (snippets), the programme page and the phase updates."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin, WorkflowMixin

from portal.images import prefetch_image
from portal.models import BasePage, BodyMixin, tagged_item_key, tags_field
from portal.pagination import paginate
from stories.feeds import PhaseUpdateAtomFeed, PhaseUpdateRssFeed

from .articles import ArticlePage, FeedRoutesMixin


class PhaseStatus(models.TextChoices):
    PLANNED = "planned", _("In programma")
    IN_PROGRESS = "in_progress", _("In corso")
    COMPLETED = "completed", _("Conclusa")


class ProgrammePhase(
    TranslatableMixin, WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model
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

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="programmephase")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="programmephase",
        for_concrete_model=False,
    )

    class Meta(TranslatableMixin.Meta):
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

    @property
    def revisions(self):
        return self._revisions

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


class ProgrammePage(FeedRoutesMixin, BodyMixin, BasePage):
    """/programma/: the four phases as a timeline and the phase updates, newest first;
    /programma/feed/ and /programma/feed/atom/ the updates as RSS and Atom."""

    feeds = (PhaseUpdateRssFeed, PhaseUpdateAtomFeed)

    content_panels = [*BasePage.content_panels, *BodyMixin.body_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.PhaseUpdatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pagina del programma")

    @cached_property
    def phases(self) -> list[ProgrammePhase]:
        return list(ProgrammePhase.objects.filter(locale_id=self.locale_id, live=True))

    def updates(self, phase_number: int | None = None):
        """The live phase updates under this page, newest first, ready for cards."""
        updates = (
            PhaseUpdatePage.objects.live()
            .public()
            .child_of(self)
            .select_related("phase")
            .prefetch_related(prefetch_image("image"))
            .order_by("-date", "-pk")
        )
        if phase_number:
            updates = updates.filter(phase__number=phase_number)
        return updates

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        selected = request.GET.get("fase", "")
        selected_phase = next((p for p in self.phases if str(p.number) == selected), None)
        context.update(
            phases=self.phases,
            current_phase=current_phase(self.phases),
            selected_phase=selected_phase,
            updates=paginate(
                request,
                self.updates(selected_phase and selected_phase.number).prefetch_related(
                    "tagged_items__tag"
                ),
            ),
        )
        return context


class PhaseUpdateTag(TaggedItemBase):
    content_object = tagged_item_key("stories.PhaseUpdatePage")


class PhaseUpdatePage(ArticlePage):
    """News on the progress of one phase of the programme."""

    phase = models.ForeignKey(
        ProgrammePhase,
        verbose_name=_("fase"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="updates",
        help_text=_("La fase del programma di cui parla l'aggiornamento."),
    )
    tags = tags_field(PhaseUpdateTag)

    content_panels = [
        *ArticlePage.content_panels,
        MultiFieldPanel([FieldPanel("phase"), FieldPanel("tags")], heading=_("Classificazione")),
    ]

    parent_page_types = ["stories.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("aggiornamento di fase")
        verbose_name_plural = _("aggiornamenti di fase")
