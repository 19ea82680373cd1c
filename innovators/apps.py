from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovatorsConfig(AppConfig):
    name = "innovators"
    verbose_name = _("Innovatori")
