import uuid
from pathlib import PurePath

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    Image,
    WagtailImageField,
    WagtailImageFieldFile,
    get_rendition_storage,
    get_rendition_upload_to,
    get_upload_to,
)

from PIL import Image as Picture


class HeaderSizedFieldFile(WagtailImageFieldFile):
    """An image's or a rendition's file, its width and height read from its header. Wagtail's
    own decodes the whole picture through Willow to learn them (seconds for a 6000-pixel
    upload, which the public forms leave to the worker), and Django asks twice for each new
    file: when the row is built and again when it is saved."""

    def get_image_dimensions(self):
        close = self.closed
        self.open()
        try:
            with Picture.open(self) as picture:  # reads the header, not the pixels
                return picture.size
        finally:
            if close:
                self.close()
            else:
                self.seek(0)


class HeaderSizedImageField(WagtailImageField):
    attr_class = HeaderSizedFieldFile


class PortalImage(AbstractImage):
    """Wagtail image with a credit line, shown wherever the image appears."""

    file = HeaderSizedImageField(
        verbose_name=_("file"),
        upload_to=get_upload_to,
        width_field="width",
        height_field="height",
    )
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

    class Meta(AbstractImage.Meta):
        verbose_name = _("immagine")
        verbose_name_plural = _("immagini")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")
    file = HeaderSizedImageField(
        upload_to=get_rendition_upload_to,
        storage=get_rendition_storage,
        width_field="width",
        height_field="height",
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
