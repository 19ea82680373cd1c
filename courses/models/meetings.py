"""The dated meetings of an event that runs over several days (a course's lessons)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class AbstractMeeting(Orderable):
    """One dated meeting of an event; each page type has its own concrete inline."""

    start = models.DateTimeField(_("inizio"))
    end = models.DateTimeField(_("fine"))
    title = models.CharField(
        _("argomento"),
        max_length=160,
        blank=True,
        help_text=_("Ad esempio «Lezione 2: il budget»."),
    )

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("title")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("incontro")
        verbose_name_plural = _("incontri")

    def __str__(self):
        return self.title or timezone.localtime(self.start).strftime("%d/%m/%Y %H:%M")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("La fine deve seguire l'inizio.")})
