from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InnovatorsConfig(AppConfig):
    name = "innovators"
    verbose_name = _("Innovatori")

    def ready(self):
        # Importing them registers the views of the pages' routes and the profiles' JSON-LD.
        from wagtail.signals import published

        from innovators import answers, join, page_views, seo  # noqa: F401
        from innovators.geo import municipality_centres
        from innovators.models import Innovator
        from innovators.synergies import board  # noqa: F401  (the board's route views)
        from innovators.synergies import reviews as offer_reviews
        from portal.geo import register_map_centres

        register_map_centres(municipality_centres)
        # A join request's applicant hears when its innovator is first published.
        published.connect(
            answers.innovator_published, sender=Innovator, dispatch_uid="innovators_join_approved"
        )

        # The innovators' area: the moderators' decisions on profile changes reach the person.
        from innovators.area import reviews

        reviews.register()
        offer_reviews.register()  # and on offers and needs
