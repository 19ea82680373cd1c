from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Formazione e co-creazione")

    def ready(self):
        from courses import seo  # noqa: F401 — registers the events' JSON-LD
        from courses import views  # noqa: F401 — registers the views of the event pages' routes
