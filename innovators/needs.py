"""«Di che cosa hai bisogno ora?»: the short needs question set every form asks the same way.

The join form (`innovators.forms.JoinRequestForm`), the innovators' area («I nostri bisogni»,
`innovators.area.needs`) and the questionnaire after a course or a session
(`courses.feedback.forms`) ask it with the fields of `NeedsForm`. The categories are those of the club's
offers and needs (`OfferCategory`, innovators/synergies), so what people need and what the
club offers are counted on one list. The editors see the innovators' needs added up by sector
and by comune (`innovators.needs_report`), the participants' ones in the evaluation reports.
"""

from django import forms
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from portal.forms import SingleLineField

from .synergies.models import OfferCategory

NEEDS_OTHER_MAX_LENGTH = 300


class NeedsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Di che cosa hai bisogno ora?"))
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Scegli quello che ti servirebbe per crescere."))
        super().__init__(queryset=OfferCategory.objects.all(), **kwargs)

    def label_from_instance(self, obj):
        return obj.label


class NeedsForm(forms.Form):
    """The question set as a form, or as a base for a form that asks it with other questions."""

    needs = NeedsField()
    needs_other = SingleLineField(
        label=_("Altro, in poche parole"), max_length=NEEDS_OTHER_MAX_LENGTH, required=False
    )


def category_counts(chosen) -> list[dict]:
    """[{slug, label, count}] of the categories in `chosen` (rows of a many-to-many table to
    `OfferCategory`: the innovators' needs, the participants' answers), most chosen first, the
    label in the reader's language. Two queries whatever the number of rows."""
    rows = list(
        chosen.values("offercategory")
        .annotate(count=Count("pk"))
        .order_by("-count", "offercategory")
    )
    categories = OfferCategory.objects.in_bulk([row["offercategory"] for row in rows])
    return [
        {
            "slug": categories[row["offercategory"]].slug,
            "label": categories[row["offercategory"]].label,
            "count": row["count"],
        }
        for row in rows
    ]
