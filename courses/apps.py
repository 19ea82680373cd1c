from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Formazione e co-creazione")

    def ready(self):
        # Importing them registers the events' JSON-LD and the views of the pages' routes.
        from courses import seo, views  # noqa: F401
