"""The innovators' part of the site search: name, sector, tags and comune (portal.search)."""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from innovators import queries
from innovators.models.innovators import TaggedInnovator
from portal.search import SearchProvider


def search_innovators(terms: list[str], locale):
    """Published innovators in the reader's language matching every term in one of the fields."""
    innovators = queries.published_innovators(locale.language_code)
    for term in terms:
        tagged = TaggedInnovator.objects.filter(
            content_object=OuterRef("pk"), tag__name__icontains=term
        )
        innovators = innovators.filter(
            Q(name__icontains=term)
            | Q(sector__name__icontains=term)
            | Q(municipality__name__icontains=term)
            | Exists(tagged)
        )
    return (
        innovators.select_related("sector", "municipality")
        .defer("description")
        .order_by("name", "pk")
    )


def provider() -> SearchProvider:
    return SearchProvider(
        key="innovatori",
        label=_("Innovatori"),
        search=search_innovators,
        template="innovators/includes/search_result.html",
        order=20,
        context=lambda locale: {"directory_url": queries.directory_path(locale.language_code)},
    )
