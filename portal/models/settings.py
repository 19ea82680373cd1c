from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contacts, social links and the legal pages linked from every page's footer."""

    contact_email = models.EmailField(_("e-mail di contatto"), blank=True)
    contact_phone = models.CharField(_("telefono"), max_length=40, blank=True)
    contact_address = models.TextField(_("indirizzo"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    linkedin_url = models.URLField(_("LinkedIn"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("informativa privacy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La pagina con l'informativa sul trattamento dei dati personali."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("dichiarazione di accessibilità"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La pagina con la dichiarazione di accessibilità, linkata nel piè di pagina."),
    )

    select_related = ["privacy_page", "accessibility_page"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contatti"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Pagine legali"),
        ),
    ]

    class Meta:
        verbose_name = _("impostazioni del sito")

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("LinkedIn", self.linkedin_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]
