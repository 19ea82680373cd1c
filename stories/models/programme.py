"""The programme page and the phase updates (the phases are a snippet of `portal`)."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BaseStreamBlock
from portal.images import prefetch_image
from portal.models import BasePage, ProgrammePhase, current_phase
from portal.pagination import paginate

from .articles import ArticlePage, FeedRoutesMixin


class ProgrammePage(FeedRoutesMixin, BasePage):
    """/programma/: the four phases as a timeline and the phase updates, newest first;
    /programma/feed/ and /programma/feed/atom/ the updates as RSS and Atom."""

    feed_names = ("PhaseUpdateRssFeed", "PhaseUpdateAtomFeed")

    body = StreamField(BaseStreamBlock(), verbose_name=_("corpo"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

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
    content_object = ParentalKey(
        "stories.PhaseUpdatePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


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
    tags = ClusterTaggableManager(through=PhaseUpdateTag, blank=True, verbose_name=_("tag"))

    content_panels = [
        *ArticlePage.content_panels,
        MultiFieldPanel([FieldPanel("phase"), FieldPanel("tags")], heading=_("Classificazione")),
    ]

    parent_page_types = ["stories.ProgrammePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("aggiornamento di fase")
        verbose_name_plural = _("aggiornamenti di fase")
