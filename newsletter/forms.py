"""The subscription form and the preferences form."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.forms import PublicForm

from .models import Topic


def topics_field() -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("Che cosa vuoi ricevere"),
        choices=Topic.choices,
        initial=[topic.value for topic in Topic],
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Scegli almeno un argomento."),
            "invalid_choice": _("Scegli gli argomenti dall'elenco."),
            "invalid_list": _("Scegli gli argomenti dall'elenco."),
        },
    )


def language_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Lingua delle e-mail"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Scegli la lingua."),
            "invalid_choice": _("Scegli la lingua dall'elenco."),
        },
    )


class PreferencesForm(forms.Form):
    topics = topics_field()
    language = language_field()


class SubscriptionForm(PublicForm, PreferencesForm):
    """The public form (portal.forms kit: honeypot; the view adds the rate limit)."""

    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Ti scriviamo per confermare: nulla parte finché non confermi."),
        error_messages={
            "required": _("Scrivi il tuo indirizzo e-mail."),
            "invalid": _("Inserisci un indirizzo e-mail valido, come nome@esempio.it."),
            "max_length": _("L'indirizzo è troppo lungo."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    consent = forms.BooleanField(
        label=_(
            "Ho letto l'informativa privacy e acconsento a ricevere la newsletter di Pistoia2030."
        ),
        error_messages={"required": _("Per iscriverti serve il consenso privacy.")},
    )
    field_order = ["email", "topics", "language", "consent"]

    def __init__(self, *args, language_code: str = settings.LANGUAGE_CODE, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language_code

    def clean_email(self):
        return self.cleaned_data["email"].lower()
