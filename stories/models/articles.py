import datetime
import math

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BaseStreamBlock
from portal.models import BasePage

WORDS_PER_MINUTE = 200


def _words(value) -> int:
    """Words in a StreamField's raw data (rich text, struct and list values), without queries."""
    if isinstance(value, str):
        return len(strip_tags(value).split())
    if isinstance(value, dict):
        if "type" in value and "value" in value:
            return _words(value["value"])
        return sum(_words(item) for item in value.values())
    if isinstance(value, list | tuple):
        return sum(_words(item) for item in value)
    return 0


class ArticlePage(BasePage):
    """Dated editorial page with a hero image and a body: the base of stories and phase updates.

    Concrete subclasses add their own tags (taggit needs a concrete through model per page type,
    with `related_name="tagged_items"`).
    The shared template is `stories/article.html`; the feeds read `intro`, `date` and `image`.
    """

    date = models.DateField(_("data"), default=timezone.localdate, db_index=True)
    image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("immagine principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Mostrata in testa all'articolo e nelle schede. Ricorda il testo alternativo."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("corpo"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    @cached_property
    def reading_time(self) -> int:
        """Minutes to read the introduction and the body (at least one)."""
        words = _words(self.intro) + _words(list(self.body.raw_data))
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @cached_property
    def tag_list(self):
        """The tags: from the through rows a listing prefetched (no query per card), else in one
        query with their tags (a detail page), never one query per tag."""
        items = self.tagged_items.all()
        if "tagged_items" not in getattr(self, "_prefetched_objects_cache", {}):
            items = items.select_related("tag")
        return [item.tag for item in items]

    @property
    def published_at(self):
        """The article's date as an aware datetime at noon, for feeds."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(12)))


class FeedRoutesMixin(RoutablePageMixin):
    """A listing page's RSS feed at `feed/` and Atom feed at `feed/atom/`.

    `feed_names` names the two feed classes in `stories.feeds` (imported when a feed is asked
    for, since the feeds import the models).
    """

    feed_names: tuple[str, str]

    def _feed_response(self, request, name: str):
        from stories import feeds

        return getattr(feeds, name)(self)(request)

    @path("feed/", name="feed")
    def rss_view(self, request):
        return self._feed_response(request, self.feed_names[0])

    @path("feed/atom/", name="atom")
    def atom_view(self, request):
        return self._feed_response(request, self.feed_names[1])
