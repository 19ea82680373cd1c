"""«I vostri bisogni» in the innovators' area: the needs question set (`innovators.needs`),
answered for the innovator chosen, kept as `InnovatorNeeds` (not public, not moderated: the
editors read it added up by sector and comune). The section on the area's page is registered
with ``register_innovator_area_section`` (innovators/wagtail_hooks.py)."""

from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from innovators.area.registry import AreaItem, AreaSection
from innovators.area.views import area_view
from innovators.models.needs import InnovatorNeeds, save_needs
from innovators.needs import NeedsForm


def current_needs(innovator) -> InnovatorNeeds | None:
    return InnovatorNeeds.objects.filter(innovator=innovator).prefetch_related("categories").first()


def section(innovator, request) -> AreaSection:
    needs = current_needs(innovator)
    labels = [category.label for category in needs.categories.all()] if needs else []
    if needs and needs.other:
        labels.append(needs.other)
    items = (
        [AreaItem(title=", ".join(labels), state=_("aggiornati"), date=needs.updated_at)]
        if labels
        else []
    )
    return AreaSection(
        key="needs",
        heading=_("I vostri bisogni"),
        items=items,
        empty=_("Non ci avete ancora detto di che cosa avete bisogno ora."),
        action_label=_("Di che cosa avete bisogno ora?"),
        action_url=reverse("innovators_area:needs"),
        order=40,
        export=[{"needs": labels}] if labels else [],
    )


@area_view
def edit(request):
    innovator = request.innovator
    needs = current_needs(innovator)
    initial = {"needs": list(needs.categories.all()), "needs_other": needs.other} if needs else {}
    form = NeedsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            save_needs(innovator, form.cleaned_data["needs"], form.cleaned_data["needs_other"])
        return redirect(reverse("innovators_area:home") + "?bisogni=1")
    return render(request, "innovators/area/needs.html", {"innovator": innovator, "form": form})
