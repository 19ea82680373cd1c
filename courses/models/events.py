"""The abstract event shared by courses and co-creation sessions, and its index page.

Both page types get their fields, panels, routes (registration, confirmation, cancellation,
`.ics`) and template from here; the concrete pages in `pages.py` only add what is theirs.
"""

import datetime
from functools import cached_property

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, Count, F, IntegerField, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from innovators.geo import StaticLeafletPanel, parse_point
from portal.blocks import BaseStreamBlock
from portal.images import prefetch_image
from portal.models import BasePage
from portal.pagination import paginate

from ..panels import RegistrationCountsPanel
from .registrations import Registration, RegistrationStatus


class EventFormat(models.TextChoices):
    IN_PRESENCE = "in_presence", _("In presenza")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Ibrido (in presenza e online)")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Aperto a tutti")
    INNOVATORS = "innovators", _("Innovatori e aspiranti innovatori")
    BUSINESSES = "businesses", _("Imprese")
    PUBLIC_BODIES = "public_bodies", _("Enti pubblici")
    ASSOCIATIONS = "associations", _("Associazioni e terzo settore")
    STUDENTS = "students", _("Studenti e giovani")


class EventStatus(models.TextChoices):
    UPCOMING = "upcoming", _("In programma")
    IN_PROGRESS = "in_progress", _("In corso")
    PAST = "past", _("Concluso")
    CANCELLED = "cancelled", _("Annullato")


def confirmed_count_subquery():
    """The number of confirmed registrations of the outer event, as one correlated subquery."""
    confirmed = (
        Registration.objects.filter(event_id=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
        .order_by()
        .values("event_id")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(confirmed, output_field=IntegerField()), Value(0))


class AbstractMeeting(Orderable):
    """One dated meeting of an event that runs over several days (a course's lessons)."""

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
                FieldPanel("address"),
                StaticLeafletPanel("location", address_field="address"),
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
        FieldPanel("image"),
        FieldPanel("body"),
    ]


class EventPage(RoutablePageMixin, BasePage):
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
    address = models.CharField(_("indirizzo"), max_length=255, blank=True)
    location = models.CharField(
        _("posizione sulla mappa"),
        max_length=80,
        blank=True,
        help_text=_("Cerca l'indirizzo o trascina il segnaposto."),
    )
    online_url = models.URLField(
        _("collegamento online"),
        blank=True,
        help_text=_("Mostrato solo agli iscritti confermati, nella conferma e nell'e-mail."),
    )
    audience = models.CharField(
        _("destinatari"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
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
    image = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("immagine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Mostrata in testa alla pagina e nelle schede. Ricorda il testo alternativo."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("descrizione"), blank=True)

    content_panels = event_panels()
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
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

    @property
    def point(self):
        """The location as a point with `lat` and `lng` (stored as «SRID=4326;POINT(lng lat)»)."""
        return parse_point(self.location)

    # --- seats ------------------------------------------------------------------------------

    @cached_property
    def confirmed_count(self) -> int:
        """Annotated by the listings (`confirmed_total`); counted once otherwise."""
        annotated = getattr(self, "confirmed_total", None)
        if annotated is not None:
            return annotated
        return Registration.objects.filter(
            event_id=self.pk, status=RegistrationStatus.CONFIRMED
        ).count()

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0

    def registration_counts(self) -> dict[str, int]:
        counts = dict(
            Registration.objects.filter(event_id=self.pk)
            .order_by()
            .values_list("status")
            .annotate(total=Count("pk"))
        )
        return {status: counts.get(status, 0) for status in RegistrationStatus.values}

    # --- rendering and routes -----------------------------------------------------------------

    ICS_FILE = "calendario.ics"  # served through courses.urls: Wagtail's URLs allow no dot

    def get_ics_url(self, request=None) -> str:
        return self.get_url(request) + self.ICS_FILE

    @cached_property
    def meeting_list(self) -> list:
        return list(self.meetings.all())

    def get_context(self, request, *args, **kwargs):
        from ..forms import RegistrationForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", RegistrationForm(event=self) if self.registration_open else None)
        context["ics_url"] = self.get_ics_url(request)
        return context

    @path("")
    def event(self, request):
        from .. import views

        return views.event_page(self, request)

    @path("iscrizione-inviata/", name="registration_sent")
    def registration_sent(self, request):
        from .. import views

        return views.registration_sent(self, request)

    @path("iscrizione/<str:token>/")
    def confirmation(self, request, token):
        from .. import views

        return views.confirmation(self, request, token)

    @path("annulla/<str:token>/")
    def cancellation(self, request, token):
        from .. import views

        return views.cancellation(self, request, token)

    @path("calendario.ics/", name="ics")
    def ics(self, request):
        from ..calendar import calendar_response

        return calendar_response([self], request, name=self.slug)


class EventIndexPage(RoutablePageMixin, BasePage):
    """An index of events: upcoming first, then past; filters, a month calendar and an .ics feed.

    Subclasses set `event_model` (the page type they list).
    """

    event_model: type[EventPage]
    body = StreamField(BaseStreamBlock(), verbose_name=_("corpo"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def events(self, filters: dict | None = None):
        """The live events under this index, upcoming first then past, ready for cards."""
        now = timezone.now()
        events = (
            event_cards(self.event_model.objects.live().public().child_of(self))
            .annotate(is_over=Case(When(end__lte=now, then=Value(1)), default=Value(0)))
            .order_by(
                "is_over",
                Case(When(end__gt=now, then=F("start"))).asc(nulls_last=True),
                Case(When(end__lte=now, then=F("start"))).desc(nulls_last=True),
                "pk",
            )
        )
        filters = filters or {}
        if month := filters.get("month"):
            events = events.filter(start__lt=month_end(month), end__gte=month_start(month))
        if event_format := filters.get("format"):
            # A hybrid event suits both readers who come in person and those who join online.
            events = events.filter(format__in=[event_format, EventFormat.HYBRID])
        if audience := filters.get("audience"):
            events = events.filter(audience__in=[audience, Audience.EVERYONE])
        return events

    def upcoming_events(self):
        return self.events().filter(end__gt=timezone.now(), cancelled=False)

    def get_context(self, request, *args, **kwargs):
        from ..forms import EventFilterForm

        context = super().get_context(request, *args, **kwargs)
        filter_form = EventFilterForm(request.GET or None)
        filters = filter_form.filters()
        context.update(
            filter_form=filter_form,
            events=paginate(request, self.events(filters)),
            calendar_url=self.get_url(request) + self.reverse_subpage("calendar"),
            feed_url=self.get_feed_url(request),
        )
        return context

    def get_feed_url(self, request=None) -> str:
        return self.get_url(request) + EventPage.ICS_FILE

    @path("calendario/", name="calendar")
    @path("calendario/<int:year>/<int:month>/", name="calendar_month")
    def calendar(self, request, year=None, month=None):
        from ..calendar import MonthCalendar

        today = timezone.localdate()
        try:
            first_day = datetime.date(year or today.year, month or today.month, 1)
        except ValueError as error:
            raise Http404 from error
        events = self.events({"month": first_day}).prefetch_related("meetings")
        return self.render(
            request,
            context_overrides={"calendar": MonthCalendar(first_day, events, self)},
            template="courses/event_calendar.html",
        )

    @path("calendario.ics/", name="feed")
    def feed(self, request):
        from ..calendar import calendar_response

        return calendar_response(
            self.events().prefetch_related(None).prefetch_related("meetings"),
            request,
            name=self.slug,
            title=self.title,
        )


def event_cards(events):
    """`events` ready for cards: seats taken counted in the query, images with their rendition."""
    return (
        events.defer_streamfields()
        .annotate(confirmed_total=confirmed_count_subquery())
        .prefetch_related(prefetch_image("image"))
    )


def month_start(first_day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(first_day, datetime.time.min))


def month_end(first_day: datetime.date) -> datetime.datetime:
    following = (first_day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return month_start(following)
