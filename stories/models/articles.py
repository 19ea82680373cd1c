import datetime
import math

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path

from portal.models import (
    BasePage,
    BodyMixin,
    ImageMixin,
    TaggedMixin,
    ViewRoutesMixin,
    image_field,
)

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


class ArticlePage(BodyMixin, ImageMixin, TaggedMixin, BasePage):
    """Dated editorial page with a hero image and a body: the base of stories and phase updates.

    Concrete subclasses add their own tags (`TaggedMixin`: taggit needs a concrete through model
    per page type, with `related_name="tagged_items"`).
    The shared template is `stories/article.html`; the feeds read `intro`, `date` and `image`.
    """

    date = models.DateField(_("data"), default=timezone.localdate, db_index=True)
    image = image_field(
        _("immagine principale"),
        _("Mostrata in testa all'articolo e nelle schede. Ricorda il testo alternativo."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        *ImageMixin.image_panels,
        *BodyMixin.body_panels,
    ]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    class Meta:
        abstract = True

    @cached_property
    def reading_time(self) -> int:
        """Minutes to read the introduction and the body (at least one)."""
        words = _words(self.intro) + _words(list(self.body.raw_data))
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def published_at(self):
        """The article's date as an aware datetime at noon, for feeds."""
        return timezone.make_aware(datetime.datetime.combine(self.date, datetime.time(12)))


class FeedRoutesMixin(ViewRoutesMixin):
    """A listing page's RSS feed at `feed/` and Atom feed at `feed/atom/`.

    `feeds` are the two feed classes (`stories.feeds`, which import no model): the views of
    `stories.views` build each with the page, and it answers the request.
    """

    feeds: tuple[type, type]

    @path("feed/", name="feed")
    def rss_view(self, request):
        return self.serve_route("feed", request)

    @path("feed/atom/", name="atom")
    def atom_view(self, request):
        return self.serve_route("atom", request)
