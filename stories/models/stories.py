"""Innovator stories: the index (/storie/), the story page and its links to innovators."""

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, prefetch_related_objects
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.images import get_image_model
from wagtail.models import Orderable
from wagtail.search import index

from innovators import queries as innovator_queries
from portal.cache import cached_for_content
from portal.images import CARD_RENDITIONS, HERO_RENDITIONS, prefetch_image
from portal.models import BasePage, ProgrammePhase, phase_field, tagged_item_key, tags_field
from portal.pagination import paginate
from stories.feeds import StoryAtomFeed, StoryRssFeed
from stories.filters import StoryFilters

from .articles import ArticlePage, FeedRoutesMixin
from .submissions import StorySubmissionPage

RELATED_LIMIT = 3
FILTER_TAG_LIMIT = 40


class StoryIndexPage(FeedRoutesMixin, BasePage):
    """/storie/: the stories, newest first, with filters, a featured story and the feeds."""

    feeds = (StoryRssFeed, StoryAtomFeed)

    featured_story = models.ForeignKey(
        "stories.StoryPage",
        verbose_name=_("storia in evidenza"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Compare in testa all'elenco e in home page. Se vuota, si usa la più recente."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("featured_story")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stories.StoryPage", "stories.StorySubmissionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("indice delle storie")

    @cached_property
    def live_stories(self):
        """Live, public stories under this page (the view restrictions are read once)."""
        return StoryPage.objects.live().public().child_of(self)

    def stories(self):
        """The live stories under this page, newest first, ready for cards (no body)."""
        return (
            self.live_stories.select_related("phase")
            .prefetch_related(
                prefetch_image("image"),
                Prefetch("tagged_items", queryset=StoryTag.objects.select_related("tag")),
            )
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    @cached_property
    def featured(self) -> "StoryPage | None":
        """The chosen featured story if it is live, else the newest one."""
        stories = (
            self.live_stories.select_related("phase", "image")
            .prefetch_related(
                Prefetch(
                    "image__renditions",
                    queryset=get_image_model()
                    .get_rendition_model()
                    .objects.filter(filter_spec__in=HERO_RENDITIONS),
                )
            )
            .defer_streamfields()
            .order_by("-date", "-pk")
        )
        if self.featured_story_id:
            chosen = stories.filter(pk=self.featured_story_id).first()
            if chosen:
                return chosen
        return stories.first()

    def teasers(self, count: int = 3) -> tuple["StoryPage | None", list["StoryPage"]]:
        """The featured story and the `count` newest others, in one query (for the home)."""
        newest = self.live_stories.order_by("-date", "-pk").values("pk")[: count + 1]
        stories = list(
            self.live_stories.filter(Q(pk__in=newest) | Q(pk=self.featured_story_id or 0))
            .select_related("phase")
            .prefetch_related(prefetch_image("image", *CARD_RENDITIONS, *HERO_RENDITIONS))
            .defer_streamfields()
            .order_by("-date", "-pk")
        )
        chosen = next((story for story in stories if story.pk == self.featured_story_id), None)
        featured = chosen or (stories[0] if stories else None)
        return featured, [story for story in stories if story is not featured][:count]

    def filter_options(self) -> dict:
        """The choices of the filters, cached until the next content change."""
        return cached_for_content(f"story-filter-options:{self.pk}", self._build_filter_options)

    def _build_filter_options(self) -> dict:
        language_code = translation.get_language()
        return {
            "tags": list(
                Tag.objects.filter(stories_storytag_items__content_object__in=self.live_stories)
                .annotate(uses=Count("stories_storytag_items"))
                .order_by("-uses", "name")[:FILTER_TAG_LIMIT]
            ),
            "sectors": innovator_queries.sectors(language_code),
            "municipalities": innovator_queries.municipalities(),
            "phases": list(ProgrammePhase.objects.filter(locale_id=self.locale_id, live=True)),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        options = self.filter_options()
        filters = StoryFilters.from_query(request.GET, options)
        featured, submission_page = cached_for_content(
            f"story-index-head:{self.pk}",
            lambda: (self.featured, StorySubmissionPage.objects.live().child_of(self).first()),
        )
        featured = None if filters.active else featured
        stories = filters.apply(self.stories())
        if featured:
            stories = stories.exclude(pk=featured.pk)
        results = paginate(
            request, stories, cache_key=f"stories:{self.pk}:{filters.canonical_query()}"
        )
        context.update(
            options,
            submission_page=submission_page,
            filters=filters,
            featured=featured if results.number == 1 else None,
            stories=results,
            canonical_url=self.get_full_url(request) + filters.canonical_query(results.number),
        )
        return context


class StoryTag(TaggedItemBase):
    content_object = tagged_item_key("stories.StoryPage")


class StoryPage(ArticlePage):
    """An innovator's story, written by the editors or sent through the public form."""

    author_name = models.CharField(
        _("autore o autrice"),
        max_length=120,
        blank=True,
        help_text=_(
            "Chi firma la storia, ad esempio «Redazione Pistoia2030» o il nome di chi la racconta."
        ),
    )
    phase = phase_field("stories", _("La fase del programma a cui appartiene la storia."))
    tags = tags_field(StoryTag)
    quote = models.TextField(
        _("citazione"),
        max_length=600,
        blank=True,
        help_text=_("Facoltativa: una frase dell'innovatore, in evidenza nella pagina."),
    )
    quote_attribution = models.CharField(
        _("autore della citazione"),
        max_length=160,
        blank=True,
        help_text=_("Ad esempio «Giulia Rossi, fondatrice di Vivai Verdecittà»."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("author_name")]),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("quote"), FieldPanel("quote_attribution")], heading=_("Citazione")
        ),
        MultipleChooserPanel(
            "innovator_links",
            chooser_field_name="innovator",
            heading=_("Innovatori protagonisti"),
            label=_("innovatore"),
        ),
        MultiFieldPanel([FieldPanel("phase"), FieldPanel("tags")], heading=_("Classificazione")),
    ]
    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("author_name"),
        index.SearchField("quote"),
    ]

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("storia")
        verbose_name_plural = _("storie")

    @cached_property
    def innovators(self) -> list:
        """The published innovators of the story, in the reader's language when translated."""
        keys = [link.innovator.translation_key for link in self.innovator_links.all()]
        if not keys:
            return []
        found = {
            innovator.translation_key: innovator
            for innovator in innovator_queries.published_innovators(translation.get_language())
            .filter(translation_key__in=keys)
            .select_related("sector", "municipality")
            .defer("description")
        }
        return [found[key] for key in keys if key in found]

    def related_stories(
        self, limit: int = RELATED_LIMIT, *, prefetch_renditions: bool = True
    ) -> list["StoryPage"]:
        """Other live stories sharing tags or innovators, the most in common first.

        Kept in a cache (`prefetch_renditions=False`), the cards' images carry no prefetched
        renditions: those would be frozen as they were at caching time (none, before the first
        render made them) and cost a query on every later render; Wagtail's renditions cache
        serves them instead."""
        tag_ids = [item.tag_id for item in self.tagged_items.all() if item.tag_id]
        innovator_ids = [link.innovator_id for link in self.innovator_links.all()]
        if not tag_ids and not innovator_ids:
            return []
        # A count only for a non-empty list: a filter on `__in=[]` matches nothing, and it
        # emptied the whole sum (a story with tags and no innovator had no related stories).
        counts = [
            Count(relation, filter=Q(**{f"{relation}__{field}__in": ids}), distinct=True)
            for relation, field, ids in (
                ("tagged_items", "tag_id", tag_ids),
                ("innovator_links", "innovator_id", innovator_ids),
            )
            if ids
        ]
        shared = sum(counts[1:], counts[0])
        stories = StoryPage.objects.live().public().filter(locale_id=self.locale_id)
        if self.pk:
            stories = stories.exclude(pk=self.pk)
        return list(
            stories.annotate(shared=shared)
            .filter(shared__gt=0)
            .select_related("phase", *([] if prefetch_renditions else ["image"]))
            .prefetch_related(*([prefetch_image("image")] if prefetch_renditions else []))
            .defer_streamfields()
            .order_by("-shared", "-date", "-pk")[:limit]
        )

    def prefetch_relations(self) -> None:
        """Tags and innovator links in two queries (in-memory ones, as in previews, win)."""
        if self.pk:
            prefetch_related_objects(
                [self],
                Prefetch("tagged_items", queryset=StoryTag.objects.select_related("tag")),
                Prefetch(
                    "innovator_links",
                    queryset=StoryInnovator.objects.select_related("innovator").only(
                        "sort_order", "story_id", "innovator_id", "innovator__translation_key"
                    ),
                ),
            )

    def _reading_extras(self, request, cached: bool = False) -> dict:
        """What the page shows around its own fields: phase, reading time, tags, innovators,
        related stories, and the URLs it links to (built here, so that a cached story renders
        with no site lookup)."""
        self.prefetch_relations()
        story_index = StoryIndexPage.objects.parent_of(self).first()
        return {
            "phase": self.phase,
            "reading_time": self.reading_time,
            "tag_list": self.tag_list,
            "innovators": self.innovators,
            "story_index": story_index,
            "story_index_url": story_index.get_url(request) if story_index else None,
            "share_url": self.get_full_url(request),
            "related_stories": self.related_stories(prefetch_renditions=not cached),
            "directory_path": innovator_queries.directory_path(translation.get_language())
            if self.innovators
            else None,
        }

    def get_context(self, request, *args, **kwargs):
        # A preview or a draft shows its own extras; the published story's change only with
        # content, so they and its template fragments are cached (per host: URLs are relative
        # to the site the request is for).
        published = self.live and not getattr(request, "is_preview", False)
        if published:
            extras = cached_for_content(
                f"story-extras:{self.pk}:{request.get_host()}",
                lambda: self._reading_extras(request, cached=True),
            )
            self.phase = extras["phase"]
            self.__dict__.update(
                reading_time=extras["reading_time"],
                tag_list=extras["tag_list"],
                innovators=extras["innovators"],
            )
        else:
            extras = self._reading_extras(request)
        context = super().get_context(request, *args, **kwargs)
        context.update(
            story_index=extras["story_index"],
            story_index_url=extras["story_index_url"],
            share_url=extras["share_url"],
            related_stories=extras["related_stories"],
            directory_path=extras["directory_path"],
            cache_fragments=published,
        )
        return context


class StoryInnovatorManager(models.Manager):
    def published(self):
        """On `innovator.story_links`: the innovator's live stories, newest first.

        Matched by translation key, so a profile lists the stories in the reader's language,
        also when the innovator itself is shown from its Italian record (inline links stay
        pointed at the source-locale snippet).
        """
        links = self.get_queryset()
        innovator = getattr(self, "instance", None)
        if innovator is not None:
            links = StoryInnovator.objects.filter(
                innovator__translation_key=innovator.translation_key,
                story__locale__language_code=translation.get_language(),
            )
        return (
            StoryPage.objects.live()
            .public()
            .filter(Exists(links.filter(story_id=OuterRef("pk"))))
            .select_related("phase")
            .prefetch_related(prefetch_image("image"))
            .defer_streamfields()
            .order_by("-date", "-pk")
        )


class StoryInnovator(Orderable):
    """An innovator a story is about (chosen in the editor, several per story)."""

    story = ParentalKey(StoryPage, on_delete=models.CASCADE, related_name="innovator_links")
    innovator = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("innovatore"),
        on_delete=models.CASCADE,
        related_name="story_links",
    )

    objects = StoryInnovatorManager()

    panels = [FieldPanel("innovator")]

    class Meta(Orderable.Meta):
        verbose_name = _("innovatore della storia")
        verbose_name_plural = _("innovatori della storia")
        constraints = [
            models.UniqueConstraint(fields=["story", "innovator"], name="unique_story_innovator")
        ]

    def __str__(self):
        return str(self.innovator)
