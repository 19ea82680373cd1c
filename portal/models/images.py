import uuid
from pathlib import PurePath

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image


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

    class Meta(AbstractImage.Meta):
        verbose_name = _("immagine")
        verbose_name_plural = _("immagini")


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
