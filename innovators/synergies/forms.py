"""The form an innovator's person writes an offer or a need with (the public-form kit)."""

from django import forms
from django.utils.translation import gettext_lazy

from innovators.area.profile import ProfileForm
from innovators.models import Municipality
from innovators.synergies.models import OFFER_TEXT_MAX_LENGTH, OfferCategory, OfferKind
from portal.forms import PlainTextField, PublicForm, SingleLineField


class OfferForm(PublicForm):
    kind = forms.ChoiceField(
        label=gettext_lazy("Che cosa pubblicate"),
        choices=OfferKind.choices,
        widget=forms.RadioSelect,
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Categoria"), queryset=OfferCategory.objects.all()
    )
    title = SingleLineField(
        label=gettext_lazy("Titolo"),
        max_length=120,
        help_text=gettext_lazy(
            "Ad esempio: «Laboratorio di prototipazione per due giorni al mese»."
        ),
    )
    text = PlainTextField(
        label=gettext_lazy("Testo"),
        max_length=OFFER_TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy("Che cosa, per chi, a quali condizioni: al massimo 600 caratteri."),
    )
    tags = forms.CharField(
        label=gettext_lazy("Parole chiave"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "Fino a 10, separate da virgole, ad esempio: economia circolare, IoT."
        ),
    )
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Comune"),
        queryset=Municipality.objects.all(),
        required=False,
        help_text=gettext_lazy("Facoltativo: dove si trova quello che offrite o cercate."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].label_from_instance = lambda category: category.label

    # The same keywords as the profile's: cleaned of markup, at most ten, no repeats.
    clean_tags = ProfileForm.clean_tags


def initial_for(offer) -> dict:
    return {
        "kind": offer.kind,
        "category": offer.category_id,
        "title": offer.title,
        "text": offer.text,
        "tags": ", ".join(tag.name for tag in offer.tags.all()),
        "municipality": offer.municipality_id,
    }


def apply_changes(offer, data) -> None:
    offer.kind = data["kind"]
    offer.category = data["category"]
    offer.title = data["title"]
    offer.text = data["text"]
    offer.tags.set(data["tags"])
    offer.municipality = data["municipality"]
