"""The admin as ours: the editors' guide in the help menu, no links to outside hosts there."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal import admin_views, outbox, workflow_actions
from portal.lockouts import lockout_viewset
from portal.models import BackgroundTask
from portal.privacy import PersonalData
from portal.search import pages_provider
from portal.task_admin import background_task_viewset
from portal.tasks import delete_tasks, finished_tasks

# Wagtail's own help items that open wagtail.org / guide.wagtail.org (English, outside hosts).
OUTSIDE_HELP_ITEMS = ("whats-new-in-wagtail-", "editor-guide")


@hooks.register("register_admin_urls")
def register_guide_url():
    return [path("guida/", admin_views.editors_guide, name="portal_editors_guide")]


@hooks.register("register_help_menu_item")
def register_guide_menu_item():
    return MenuItem(
        _("Guida per la redazione"),
        reverse("portal_editors_guide"),
        icon_name="help",
        order=100,
        name="guida-redazione",
    )


@hooks.register("construct_help_menu")
def drop_outside_help_items(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(OUTSIDE_HELP_ITEMS)]


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


hooks.register("register_search_provider", pages_provider)


@hooks.register("register_admin_viewset")
def register_lockouts():
    return lockout_viewset


@hooks.register("register_admin_urls")
def register_outbox_urls():
    return [
        path("posta-in-uscita/", outbox.outbox_index, name="portal_outbox"),
        path("posta-in-uscita/<str:name>/", outbox.outbox_message, name="portal_outbox_message"),
        path("posta-in-uscita/<str:name>/html/", outbox.outbox_html, name="portal_outbox_html"),
    ]


class OutboxMenuItem(MenuItem):
    """Only in development (the outbox backend is on), only for staff."""

    def is_shown(self, request):
        return outbox.enabled() and request.user.is_staff


@hooks.register("register_admin_menu_item")
def register_outbox_menu_item():
    return OutboxMenuItem(
        _("Posta in uscita"), reverse("portal_outbox"), icon_name="mail", order=10000
    )


hooks.register("register_admin_viewset", lambda: background_task_viewset)
# After Wagtail's own viewset for every page type (order 0), so that this one takes its place.
hooks.register("register_admin_viewset", lambda: workflow_actions.page_viewset, order=1)


@hooks.register("register_personal_data")
def finished_tasks_data():
    return PersonalData(
        label="attività in background concluse eliminate",
        model=BackgroundTask,
        expired=finished_tasks,
        purge=delete_tasks,
        order=90,
    )
