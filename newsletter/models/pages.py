"""/newsletter/ (English /en/newsletter/): the subscription form and its signed sub-pages."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from portal.models import BasePage, ViewRoutesMixin


class NewsletterPage(ViewRoutesMixin, BasePage):
    """The subscription page; its `issue_introduction` opens the next digest in its language.

    Routes: the form (``""``), the answer (``grazie/``), the confirmation
    (``conferma/<token>/``) and the preferences (``preferenze/<token>/``), answered by
    `newsletter.views` (`subscribe`, `thanks`, `confirm`, `preferences`). The one-click
    unsubscribe is a plain view outside the page (it takes a POST without a CSRF token):
    see `newsletter.views.unsubscribe`.
    """

    issue_introduction = RichTextField(
        _("introduzione del prossimo numero"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_(
            "Apre la prossima newsletter in questa lingua: poche righe della redazione. "
            "Si usa la versione pubblicata della pagina."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("issue_introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("pagina della newsletter")

    @path("")
    def subscribe_view(self, request):
        return self.serve_route("subscribe", request)

    @path("grazie/", name="thanks")
    def thanks_view(self, request):
        return self.serve_route("thanks", request)

    @path("conferma/<str:token>/", name="confirm")
    def confirm_view(self, request, token):
        return self.serve_route("confirm", request, token)

    @path("preferenze/<str:token>/", name="preferences")
    def preferences_view(self, request, token):
        return self.serve_route("preferences", request, token)
