"""The innovators' needs added up, for the editors who plan the next courses (Fase 2,
Progettazione) and for the impact page: by category, and by category within each sector and
each comune. Only published innovators count; one aggregate query per table."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .models import InnovatorNeeds, OfferCategory
from .needs import category_counts

Through = InnovatorNeeds.categories.through


def _published():
    return Through.objects.filter(
        innovatorneeds__innovator__live=True,
        innovatorneeds__innovator__locale__language_code=settings.LANGUAGE_CODE,
    )


def needs_by_category() -> list[dict]:
    """[{slug, label, count}], most needed first."""
    return category_counts(_published())


def innovators_with_needs() -> int:
    """How many published innovators chose at least one need: the number of answers behind
    `needs_by_category` (one innovator choosing five needs is one answer, not five)."""
    return _published().values("innovatorneeds").distinct().count()


def needs_table(group_by: str) -> dict:
    """Counts of each category within each group (`"sector"` or `"municipality"`):
    {"categories": [...], "rows": [{"label", "counts": [...], "total"}]}, largest group first."""
    field = f"innovatorneeds__innovator__{group_by}__name"
    cells = _published().values(field, "offercategory").annotate(count=Count("pk")).order_by()
    categories = list(OfferCategory.objects.all())
    index = {category.pk: position for position, category in enumerate(categories)}
    rows: dict[str, list[int]] = {}
    for cell in cells:
        counts = rows.setdefault(cell[field] or "—", [0] * len(categories))
        counts[index[cell["offercategory"]]] += cell["count"]
    table = [
        {"label": label, "counts": counts, "total": sum(counts)} for label, counts in rows.items()
    ]
    table.sort(key=lambda row: (-row["total"], row["label"]))
    return {"categories": categories, "rows": table}


PERMISSION = "innovators.change_innovator"  # Redazione and Moderazione


def can_view(user) -> bool:
    return user.has_perm(PERMISSION)


def needs_report(request):
    """/admin/innovatori/bisogni/: the needs by sector and by comune, for the editors."""
    if not can_view(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "innovators/admin/needs.html",
        {
            "header_title": _("Bisogni degli innovatori"),
            "by_sector": needs_table("sector"),
            "by_municipality": needs_table("municipality"),
        },
    )
