"""Admin: the newsletter area (menu «Newsletter») and, for Moderazione, the addresses."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, privacy
from .models import TOPIC_FIELDS, Subscriber


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("newsletter/", admin_views.dashboard, name="newsletter_admin"),
        path(
            "newsletter/anteprima/<str:language>/",
            admin_views.preview,
            name="newsletter_admin_preview",
        ),
        path("newsletter/invia/", admin_views.send_now, name="newsletter_admin_send"),
    ]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("newsletter.view_issue")


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(
        _("Newsletter"), reverse("newsletter_admin"), icon_name="mail", order=260
    )


class SubscriberViewSet(SnippetViewSet):
    """The addresses: Moderazione may list, inspect and delete them (on a person's request);
    nobody adds one by hand, since a subscription needs the person's own confirmation."""

    model = Subscriber
    icon = "mail"
    menu_label = _("Iscritti alla newsletter")
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = ["email", "language", "status", "topics_label", "requested_at", "confirmed_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    search_backend_name = None
    list_per_page = 50
    form_fields = ["language", *TOPIC_FIELDS.values()]


register_snippet(SubscriberViewSet)


hooks.register("register_personal_data", privacy.expired_requests)
hooks.register("register_personal_data", privacy.unsubscribed_addresses)
