from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def create_cache_table(using="default", **kwargs):
    """Create the database cache table after `migrate`, so no extra set-up step is needed."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portale")

    def ready(self):
        post_migrate.connect(create_cache_table, sender=self)
