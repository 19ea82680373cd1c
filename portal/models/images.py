import uuid
from pathlib import PurePath

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    get_rendition_storage,
    get_rendition_upload_to,
)

from PIL import Image as Picture


class PortalImage(AbstractImage):
    """Wagtail image with a credit line, shown wherever the image appears."""

    credit = models.CharField(
        _("credito"),
        max_length=255,
        blank=True,
        help_text=_("Autore o fonte della foto, ad esempio «Foto di Mario Rossi»."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    def get_upload_to(self, filename):
        """A generated name: nothing a sender typed reaches the file system or the URL."""
        extension = PurePath(filename).suffix.lower()[:5]
        return super().get_upload_to(f"{uuid.uuid4().hex}{extension}")

    # Wagtail makes renditions in two ways, one at a time or several together; both below
    # give the rendition the size of the file it encodes (see `encoded_size`).
    def create_rendition(self, filter):
        file = self.generate_rendition_file(filter)
        width, height = encoded_size(file)
        rendition, _created = self.renditions.get_or_create(  # guards against a race, as Wagtail's
            filter_spec=filter.spec,
            focal_point_key=filter.get_cache_key(self),
            defaults={"file": file, "width": width, "height": height},
        )
        return rendition

    def generate_rendition_instance(self, filter, source):
        rendition = super().generate_rendition_instance(filter, source)
        rendition.width, rendition.height = encoded_size(rendition.file)
        return rendition

    class Meta(AbstractImage.Meta):
        verbose_name = _("immagine")
        verbose_name_plural = _("immagini")


def encoded_size(file) -> tuple[int, int]:
    """The width and height in the header of a rendition's file, just encoded. Wagtail's own
    field would decode the whole picture through Willow to learn them, twice: once when the
    rendition is built and again when it is saved."""
    file.seek(0)
    with Picture.open(file) as picture:  # reads the header, not the pixels
        size = picture.size
    file.seek(0)
    return size


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")
    # Wagtail's field without width_field and height_field: PortalImage sets them, once.
    file = WagtailImageField(upload_to=get_rendition_upload_to, storage=get_rendition_storage)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
