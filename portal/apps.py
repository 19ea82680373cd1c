from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


def create_cache_table(using="default", **kwargs):
    """Create the database cache table after `migrate`, so no extra set-up step is needed."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portale")

    def ready(self):
        from wagtail.models import Site
        from wagtail.signals import (
            page_published,
            page_unpublished,
            post_page_move,
            published,
            unpublished,
        )

        from portal import links, review_mail, translation_review
        from portal.cache import renew_on_content_change, renew_on_publication_change
        from portal.permissions import register_image_policy

        register_image_policy()
        translation_review.register()
        review_mail.register()

        post_migrate.connect(create_cache_table, sender=self)
        post_migrate.connect(links.follow_base_url, sender=self)
        for signal in (post_save, post_delete):
            signal.connect(links.forget_default_site, sender=Site, dispatch_uid="portal-site-url")
        for signal in (post_save, post_delete):
            signal.connect(renew_on_content_change, dispatch_uid=f"portal-content-{id(signal)}")
        for signal in (page_published, page_unpublished, published, unpublished, post_page_move):
            signal.connect(renew_on_publication_change, dispatch_uid=f"portal-pub-{id(signal)}")
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            from portal.frontend_cache import purge_on_content_change, purge_on_publication_change

            for signal in (post_save, post_delete):
                signal.connect(purge_on_content_change, dispatch_uid=f"portal-cdn-{id(signal)}")
            for signal in (page_unpublished, unpublished, post_page_move):
                signal.connect(purge_on_publication_change, dispatch_uid=f"portal-cdn-{id(signal)}")
