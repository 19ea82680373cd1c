from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntroductionsConfig(AppConfig):
    name = "innovators.introductions"
    label = "introductions"
    verbose_name = _("Presentazioni tra innovatori")
    default_auto_field = "django.db.models.BigAutoField"
