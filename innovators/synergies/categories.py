"""The first categories of offers and needs, made by `home.setup.set_up_portal` (the setup that
the migration `home/0002_portal_setup`, the demo and the tests share). Editors add more in the
admin."""

DEFAULT_CATEGORIES = [
    ("competenze", "Competenze", "Skills"),
    ("spazi-attrezzature", "Spazi e attrezzature", "Spaces and equipment"),
    ("partner-bandi", "Partner per bandi", "Partners for calls for funding"),
    ("mentoring", "Mentoring", "Mentoring"),
    ("tirocini-lavoro", "Tirocini e lavoro", "Internships and jobs"),
    ("altro", "Altro", "Other"),
]


def ensure_default_categories(model=None) -> None:
    """Create the default categories that are missing (idempotent)."""
    if model is None:
        from innovators.synergies.models import OfferCategory as model
    for order, (slug, name, name_en) in enumerate(DEFAULT_CATEGORIES):
        model.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )
