"""Introductions in the admin (the moderators' counts and abuse reports), in the innovators'
area (its section) and in the personal-data purge."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from innovators.introductions import admin_views, area, privacy


@hooks.register("register_admin_urls")
def register_urls():
    return [path("presentazioni/", admin_views.report, name="introductions_report")]


class IntroductionsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return IntroductionsMenuItem(
        _("Presentazioni"), reverse("introductions_report"), icon_name="group", order=250
    )


hooks.register("register_innovator_area_section", area.section)
hooks.register("register_personal_data", privacy.introductions)
