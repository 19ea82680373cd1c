"""Small page mixins, each with its own field, panels and search fields (as torchbox.com builds
its `BasePage`). Put them before `BasePage` in a page's bases and place their panels where the
editor shows them: ``content_panels = [*BasePage.content_panels, *BodyMixin.body_panels]``.

A page that labels a field its own way redeclares it with the same builder
(``body = body_field(_("descrizione"))``): one definition, the page's own words for editors.
"""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from portal.blocks import BaseStreamBlock

BODY_LABEL = _("corpo")
IMAGE_LABEL = _("immagine")
IMAGE_HELP_TEXT = _("Mostrata in testa alla pagina e nelle schede. Ricorda il testo alternativo.")


def body_field(verbose_name=BODY_LABEL, block=None, **kwargs) -> StreamField:
    """The page's StreamField, on the shared blocks unless `block` names a page's own."""
    return StreamField(block or BaseStreamBlock(), verbose_name=verbose_name, blank=True, **kwargs)


class BodyMixin(models.Model):
    """A StreamField `body`, edited with the page's content and found by the site search."""

    body = body_field()

    body_panels = [FieldPanel("body")]
    body_search_fields = [index.SearchField("body")]

    class Meta:
        abstract = True


def image_field(verbose_name=IMAGE_LABEL, help_text=IMAGE_HELP_TEXT) -> models.ForeignKey:
    return models.ForeignKey(
        "portal.PortalImage",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class ImageMixin(models.Model):
    """The page's own image, always called `image`: its head, its cards and feeds show it, and
    it is shared on social networks when the page has no share image (`SEOMixin`)."""

    image = image_field()

    image_panels = [FieldPanel("image")]

    class Meta:
        abstract = True


def tagged_item_key(model: str) -> ParentalKey:
    """The `content_object` of a through model of tags (a `TaggedItemBase` subclass)."""
    return ParentalKey(model, on_delete=models.CASCADE, related_name="tagged_items")


def tags_field(through: type, **kwargs) -> ClusterTaggableManager:
    return ClusterTaggableManager(through=through, blank=True, verbose_name=_("tag"), **kwargs)


class TaggedMixin:
    """Free tags and their `tag_list`. Taggit needs one concrete through model per tagged
    model, so each declares its own::

        class StoryTag(TaggedItemBase):
            content_object = tagged_item_key("stories.StoryPage")

        class StoryPage(TaggedMixin, ...):
            tags = tags_field(StoryTag)
    """

    @cached_property
    def tag_list(self) -> list:
        """The tags: from the through rows a listing prefetched (no query per card), else in one
        query with their tags (a detail page), never one query per tag."""
        items = self.tagged_items.all()
        if "tagged_items" not in getattr(self, "_prefetched_objects_cache", {}):
            items = items.select_related("tag")
        return [item.tag for item in items]
