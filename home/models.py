from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page

from home.impact.blocks import ImpactStreamBlock
from home.impact.charts import Figures
from home.impact.indicators import impact_figures
from home.sections import HomeSections
from portal.models import BasePage, BodyMixin, ImageMixin, body_field, image_field


class HomePage(BodyMixin, ImageMixin, BasePage):
    """The home page: motto and purpose, the four goals, the phase timeline, the latest news."""

    motto = models.CharField(
        _("motto"),
        max_length=80,
        default="Costruire Capacità",
        help_text=_("Il filo conduttore del programma, in grande in testa alla pagina."),
    )
    image = image_field(_("immagine di apertura"), help_text="")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("motto"), FieldPanel("intro"), *ImageMixin.image_panels],
            heading=_("Apertura"),
        ),
        InlinePanel("goals", heading=_("Obiettivi"), label=_("obiettivo"), max_num=6),
        *BodyMixin.body_panels,
    ]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.ContentPage",
        "stories.ProgrammePage",
        "stories.StoryIndexPage",
        "innovators.InnovatorMapPage",
        "innovators.ClubDirectoryPage",
        "courses.CourseIndexPage",
        "courses.SessionIndexPage",
        "home.ImpactPage",
        "newsletter.NewsletterPage",
    ]
    # One home per language: the Italian site and its English translation.
    max_count = 2

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = HomeSections(self, translation.get_language())
        return context


class HomeGoal(Orderable):
    """One of the programme's goals, leading to the part of the site that serves it."""

    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(
        _("obiettivo"), max_length=80, help_text=_("Ad esempio «Dare visibilità».")
    )
    text = models.TextField(_("descrizione"), max_length=500)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("sezione del sito"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La sezione che realizza l'obiettivo, ad esempio la Mappa degli innovatori."),
    )
    link_label = models.CharField(
        _("testo del collegamento"),
        max_length=80,
        blank=True,
        help_text=_(
            "Ad esempio «Mappa degli innovatori». Se vuoto si usa il titolo della sezione."
        ),
    )

    panels = [FieldPanel("title"), FieldPanel("text"), FieldPanel("page"), FieldPanel("link_label")]

    class Meta(Orderable.Meta):
        verbose_name = _("obiettivo")
        verbose_name_plural = _("obiettivi")

    def __str__(self):
        return self.title


class ContentPage(BodyMixin, BasePage):
    """A generic page built from blocks: Chi siamo, Il nostro approccio, privacy, accessibility."""

    content_panels = [*BasePage.content_panels, *BodyMixin.body_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("pagina di contenuto")
        verbose_name_plural = _("pagine di contenuto")


class ImpactPage(BodyMixin, BasePage):
    """/impatto/: the programme's results (phase 4, Valutazione), computed live from the site.

    Editors write the introduction and the commentary, and place «figure» blocks naming which
    indicators appear and in what order; with no figure block the page shows them all. The
    same indicators are open data at /api/impatto.json and /api/impatto/<indicator>.csv.
    """

    body = body_field(
        block=ImpactStreamBlock(),
        help_text=_(
            "Testo e blocchi «Indicatore»: i valori sono calcolati dal sito. Senza blocchi "
            "«Indicatore» la pagina mostra tutti gli indicatori."
        ),
    )

    content_panels = [*BasePage.content_panels, *BodyMixin.body_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.body_search_fields]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pagina dell'impatto")

    @property
    def has_figure_blocks(self) -> bool:
        return any(block.block_type == "figure" for block in self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = Figures(impact_figures())
        return context
