"""The two event page types and their index pages: courses (/formazione/), sessions (/co-creazione/)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.blocks import BaseStreamBlock
from portal.models import phase_field

from .events import EventPage, event_cards, event_panels
from .indexes import EventIndexPage
from .meetings import AbstractMeeting


class CourseLevel(models.TextChoices):
    BEGINNER = "beginner", _("Base")
    INTERMEDIATE = "intermediate", _("Intermedio")
    ADVANCED = "advanced", _("Avanzato")


class CoursePage(EventPage):
    """A training path (*percorso di formazione*) of the goal «Accrescere le competenze»."""

    learning_goals = RichTextField(
        _("obiettivi di apprendimento"),
        features=["bold", "italic", "ul", "ol", "link"],
        blank=True,
        help_text=_("Che cosa saprà fare chi partecipa, in un breve elenco."),
    )
    level = models.CharField(
        _("livello"), max_length=20, choices=CourseLevel.choices, default=CourseLevel.BEGINNER
    )
    duration_hours = models.PositiveSmallIntegerField(_("durata in ore"), null=True, blank=True)
    teachers = models.CharField(
        _("docenti"), max_length=255, blank=True, help_text=_("Nomi separati da virgola.")
    )
    certificate = models.BooleanField(
        _("attestato di partecipazione"),
        default=False,
        help_text=_("Chi completa il percorso riceve un attestato."),
    )
    phase = phase_field("courses", verbose_name=_("fase del programma"))

    content_panels = event_panels(
        MultiFieldPanel(
            [
                FieldPanel("learning_goals"),
                FieldRowPanel([FieldPanel("level"), FieldPanel("duration_hours")]),
                FieldPanel("teachers"),
                FieldPanel("certificate"),
                FieldPanel("phase"),
            ],
            heading=_("Il percorso"),
        )
    )
    search_fields = [*EventPage.search_fields, index.SearchField("teachers")]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []
    template = "courses/course_page.html"

    class Meta:
        verbose_name = _("percorso di formazione")
        verbose_name_plural = _("percorsi di formazione")


class CourseMeeting(AbstractMeeting):
    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="meetings")


class SessionPage(EventPage):
    """A co-creation session (*sessione di co-creazione*) of the goal «Stimolare la partecipazione».

    Once held, its outcomes document what came out of it.
    """

    challenge = models.TextField(
        _("la sfida"),
        blank=True,
        max_length=1000,
        help_text=_("La domanda o il problema su cui si lavora insieme."),
    )
    facilitators = models.CharField(
        _("facilitatori"), max_length=255, blank=True, help_text=_("Nomi separati da virgola.")
    )
    outcomes = StreamField(
        BaseStreamBlock(),
        verbose_name=_("risultati"),
        blank=True,
        help_text=_("Dopo la sessione: che cosa è emerso, le idee, i prossimi passi."),
    )

    content_panels = event_panels(
        MultiFieldPanel(
            [FieldPanel("challenge"), FieldPanel("facilitators")],
            heading=_("La sessione"),
        ),
        MultipleChooserPanel(
            "innovator_links",
            chooser_field_name="innovator",
            heading=_("Innovatori coinvolti"),
            label=_("innovatore"),
        ),
        FieldPanel("outcomes"),
    )
    search_fields = [
        *EventPage.search_fields,
        index.SearchField("challenge"),
        index.SearchField("outcomes"),
    ]

    parent_page_types = ["courses.SessionIndexPage"]
    subpage_types = []
    template = "courses/session_page.html"

    class Meta:
        verbose_name = _("sessione di co-creazione")
        verbose_name_plural = _("sessioni di co-creazione")

    @cached_property
    def innovators_involved(self) -> list:
        """The published innovators taking part, in the editors' order (one query)."""
        links = self.innovator_links.select_related("innovator").filter(innovator__live=True)
        return [link.innovator for link in links]


class SessionMeeting(AbstractMeeting):
    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="meetings")


class SessionInnovator(Orderable):
    """An innovator taking part in a co-creation session."""

    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="innovator_links")
    innovator = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("innovatore"),
        on_delete=models.CASCADE,
        related_name="session_links",
    )

    panels = [FieldPanel("innovator")]

    class Meta(Orderable.Meta):
        verbose_name = _("innovatore coinvolto")
        verbose_name_plural = _("innovatori coinvolti")


class CourseIndexPage(EventIndexPage):
    """/formazione/: the training paths."""

    event_model = CoursePage
    subpage_types = ["courses.CoursePage"]
    template = "courses/event_index_page.html"

    class Meta:
        verbose_name = _("indice dei percorsi di formazione")


class SessionIndexPage(EventIndexPage):
    """/co-creazione/: the co-creation sessions."""

    event_model = SessionPage
    subpage_types = ["courses.SessionPage"]
    template = "courses/event_index_page.html"

    class Meta:
        verbose_name = _("indice delle sessioni di co-creazione")


__all__ = [
    "CourseIndexPage",
    "CourseLevel",
    "CourseMeeting",
    "CoursePage",
    "SessionIndexPage",
    "SessionInnovator",
    "SessionMeeting",
    "SessionPage",
    "upcoming_events",
]


class UpcomingEvents:
    """The next courses and sessions, not over nor cancelled, soonest first.

    Queried only when a template reads them (the home page's sections may come from a cache):
    one query per page type, plus their images.
    """

    def __init__(self, root=None, limit: int = 3):
        self.root = root
        self.limit = limit

    @cached_property
    def events(self) -> list[EventPage]:
        now = timezone.now()
        pages = Page.objects.live().public()
        if self.root is not None:
            pages = pages.descendant_of(self.root)
        # One query says which types have upcoming events: none at all costs nothing more.
        kinds = set(
            pages.filter(
                Q(coursepage__end__gt=now, coursepage__cancelled=False)
                | Q(sessionpage__end__gt=now, sessionpage__cancelled=False)
            )
            .order_by()
            .values_list("content_type_id", flat=True)
            .distinct()
        )
        events = []
        for model in (CoursePage, SessionPage):
            if ContentType.objects.get_for_model(model).pk not in kinds:
                continue
            upcoming = model.objects.live().public().filter(end__gt=now, cancelled=False)
            if self.root is not None:
                upcoming = upcoming.descendant_of(self.root)
            events.extend(event_cards(upcoming.order_by("start", "pk"))[: self.limit])
        return sorted(events, key=lambda event: (event.start, event.pk))[: self.limit]

    def __iter__(self):
        return iter(self.events)

    def __len__(self):
        return len(self.events)

    def __bool__(self):
        return bool(self.events)


def upcoming_events(root=None, limit: int = 3) -> UpcomingEvents:
    return UpcomingEvents(root, limit)
