"""The programme page and the phase updates (the phases are a snippet of `portal`)."""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from portal.images import prefetch_image
from portal.models import (
    BasePage,
    BodyMixin,
    ProgrammePhase,
    current_phase,
    phase_field,
    tagged_item_key,
    tags_field,
)
from portal.pagination import paginate
from stories.feeds import PhaseUpdateAtomFeed, PhaseUpdateRssFeed

from .articles import ArticlePage, FeedRoutesMixin


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

    phase = phase_field("updates", _("La fase del programma di cui parla l'aggiornamento."))
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
