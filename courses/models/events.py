"""The abstract event shared by courses and co-creation sessions.

Both page types get their fields, panels, routes (registration, confirmation, cancellation,
`.ics`) and template from here; the concrete pages in `pages.py` only add what is theirs. The
routes are answered by `courses.views`; the index pages are in `indexes.py`.
"""

import datetime
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.search import index

from portal.images import prefetch_image
from portal.models import (
    BasePage,
    BodyMixin,
    GeoLocationMixin,
    ImageMixin,
    ViewRoutesMixin,
    body_field,
)

from ..feedback.blocks import DEFAULT_QUESTIONNAIRE, QuestionnaireBlock
from ..feedback.ratings import Rating, event_rating
from ..panels import RegistrationCountsPanel
from .choices import Audience, EventFormat, EventStatus
from .registrations import Registration, RegistrationStatus, seats_page_id


def confirmed_count_subquery(status=RegistrationStatus.CONFIRMED):
    """The number of registrations of the outer event in `status` (by default confirmed), in
    every language of the event, as one correlated subquery."""
    counted = (
        Registration.objects.filter(
            event__translation_key=OuterRef("translation_key"), status=status
        )
        .order_by()
        .values("event__translation_key")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def event_panels(*details) -> list:
    """The event editor: the shared panels with a type's own `details` before image and body."""
    return [
        *BasePage.content_panels,
        RegistrationCountsPanel(),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("cancelled"),
            ],
            heading=_("Date"),
        ),
        InlinePanel("meetings", label=_("incontro"), heading=_("Incontri (se più di uno)")),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                *GeoLocationMixin.geo_panels(),
                FieldPanel("online_url"),
            ],
            heading=_("Luogo"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audience"), FieldPanel("cost")]),
                FieldPanel("capacity"),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
                FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
            ],
            heading=_("Partecipazione"),
        ),
        *details,
        *ImageMixin.image_panels,
        *BodyMixin.body_panels,
        FieldPanel("questionnaire", heading=_("Questionario di valutazione")),
    ]


class EventPage(ViewRoutesMixin, GeoLocationMixin, BodyMixin, ImageMixin, BasePage):
    """What courses and co-creation sessions share: when, where, for whom, and registration."""

    start = models.DateTimeField(_("inizio"), db_index=True)
    end = models.DateTimeField(
        _("fine"), help_text=_("Con più incontri: la fine dell'ultimo incontro.")
    )
    cancelled = models.BooleanField(
        _("annullato"),
        default=False,
        help_text=_("Segna l'evento come annullato: resta visibile, ma non accetta iscrizioni."),
    )
    format = models.CharField(
        _("modalità"), max_length=20, choices=EventFormat.choices, default=EventFormat.IN_PRESENCE
    )
    venue = models.CharField(
        _("luogo"), max_length=160, blank=True, help_text=_("Ad esempio «Palazzo Pretorio».")
    )
    online_url = models.URLField(
        _("collegamento online"),
        blank=True,
        help_text=_("Mostrato solo agli iscritti confermati, nella conferma e nell'e-mail."),
    )
    audience = models.CharField(
        pgettext_lazy("pubblico di un evento", "destinatari"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.EVERYONE,
    )
    cost = models.CharField(
        _("costo"),
        max_length=80,
        blank=True,
        help_text=_("Lascia vuoto se la partecipazione è gratuita."),
    )
    capacity = models.PositiveIntegerField(
        _("posti disponibili"), default=30, validators=[MinValueValidator(1)]
    )
    registration_opens = models.DateTimeField(
        _("apertura iscrizioni"),
        null=True,
        blank=True,
        help_text=_("Se vuoto, le iscrizioni sono aperte dalla pubblicazione."),
    )
    registration_closes = models.DateTimeField(
        _("chiusura iscrizioni"),
        null=True,
        blank=True,
        help_text=_("Se vuoto, le iscrizioni chiudono all'inizio dell'evento."),
    )
    contact_name = models.CharField(_("referente"), max_length=120, blank=True)
    contact_email = models.EmailField(_("e-mail del referente"), blank=True)
    body = body_field(_("descrizione"))
    questionnaire = StreamField(
        QuestionnaireBlock(),
        verbose_name=_("questionario di valutazione"),
        blank=True,
        default=DEFAULT_QUESTIONNAIRE,
        help_text=_(
            "Le domande inviate ai presenti dopo l'evento. La valutazione complessiva (da 1 a 5) "
            "e «Di che cosa hai bisogno ora?» ci sono sempre."
        ),
    )

    content_panels = event_panels()
    search_fields = [
        *BasePage.search_fields,
        *BodyMixin.body_search_fields,
        index.SearchField("venue"),
        index.FilterField("start"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("La fine deve seguire l'inizio.")
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _(
                "La chiusura deve seguire l'apertura delle iscrizioni."
            )
        if errors:
            raise ValidationError(errors)

    # --- dates and status ------------------------------------------------------------------

    def status_at(self, moment: datetime.datetime) -> str:
        """Upcoming before the start, in progress until the end, then past; cancelled wins."""
        if self.cancelled:
            return EventStatus.CANCELLED
        if moment < self.start:
            return EventStatus.UPCOMING
        if moment < self.end:
            return EventStatus.IN_PROGRESS
        return EventStatus.PAST

    @property
    def status(self) -> str:
        return self.status_at(timezone.now())

    @property
    def status_label(self) -> str:
        return EventStatus(self.status).label

    @property
    def registration_closes_at(self) -> datetime.datetime:
        return self.registration_closes or self.start

    def registration_open_at(self, moment: datetime.datetime) -> bool:
        if self.cancelled:
            return False
        opens = self.registration_opens
        return (opens is None or opens <= moment) and moment < self.registration_closes_at

    @property
    def registration_open(self) -> bool:
        return self.registration_open_at(timezone.now())

    @property
    def registration_not_yet_open(self) -> bool:
        return bool(self.registration_opens and timezone.now() < self.registration_opens)

    @property
    def kind_label(self) -> str:
        return self._meta.verbose_name

    @property
    def is_free(self) -> bool:
        return not self.cost.strip()

    # --- seats: one set for the event in every language ---------------------------------------

    def save(self, *args, **kwargs):
        """A translation takes the original's capacity; the original gives its own to them."""
        seats_page = seats_page_id(self)
        if seats_page and seats_page != self.pk:
            original = type(self).objects.filter(pk=seats_page).values_list("capacity", flat=True)
            self.capacity = original.first() or self.capacity
        result = super().save(*args, **kwargs)
        if seats_page in (None, self.pk) and self.translation_key:
            type(self).objects.filter(translation_key=self.translation_key).exclude(
                pk=self.pk
            ).exclude(capacity=self.capacity).update(capacity=self.capacity)
        return result

    @cached_property
    def seats_page_id(self) -> int | None:
        """The page that holds this event's registrations (its original; see `seats_page_id`)."""
        return seats_page_id(self)

    @cached_property
    def confirmed_count(self) -> int:
        """Annotated by the listings (`confirmed_total`); counted once otherwise."""
        annotated = getattr(self, "confirmed_total", None)
        if annotated is not None:
            return annotated
        return (
            Registration.objects.of_event(self).filter(status=RegistrationStatus.CONFIRMED).count()
        )

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0

    def registration_counts(self) -> dict[str, int]:
        counts = dict(
            Registration.objects.of_event(self)
            .order_by()
            .values_list("status")
            .annotate(total=Count("pk"))
        )
        return {status: counts.get(status, 0) for status in RegistrationStatus.values}

    @cached_property
    def participants_rating(self) -> Rating:
        """What the participants answered (shown once the event is past, from 5 answers)."""
        return event_rating(self)

    # --- rendering and routes -----------------------------------------------------------------

    ICS_FILE = "calendario.ics"  # served through courses.urls: Wagtail's URLs allow no dot

    def get_ics_url(self, request=None) -> str:
        return self.get_url(request) + self.ICS_FILE

    @cached_property
    def meeting_list(self) -> list:
        return list(self.meetings.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["ics_url"] = self.get_ics_url(request)
        return context

    # The page with its registration form, and what follows a registration: `courses.views`.
    @path("")
    def event(self, request):
        return self.serve_route("event", request)

    @path("iscrizione-inviata/", name="registration_sent")
    def registration_sent(self, request):
        return self.serve_route("registration_sent", request)

    @path("iscrizione/<str:token>/")
    def confirmation(self, request, token):
        return self.serve_route("confirmation", request, token)

    @path("annulla/<str:token>/")
    def cancellation(self, request, token):
        return self.serve_route("cancellation", request, token)

    @path("calendario.ics/", name="ics")
    def ics(self, request):
        return self.serve_route("ics", request)


def event_cards(events):
    """`events` ready for cards: seats taken counted in the query, images with their rendition."""
    return (
        events.defer_streamfields()
        .annotate(confirmed_total=confirmed_count_subquery())
        .prefetch_related(prefetch_image("image"))
    )


__all__ = [
    "Audience",
    "EventFormat",
    "EventPage",
    "EventStatus",
    "confirmed_count_subquery",
    "event_cards",
    "event_panels",
]
