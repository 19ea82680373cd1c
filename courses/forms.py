"""Public forms: registration to an event and the filters of the event indexes."""

from django import forms
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from innovators.models import Innovator
from portal.forms import PlainTextField, PublicModelForm, SingleLineField

from .models.choices import FIRST_YEAR, LAST_YEAR, Audience, EventFormat, month_in_range
from .models.registrations import Registration


class RegistrationForm(PublicModelForm):
    """Name, e-mail, organisation, needs and consent (a public form of `portal.forms`).

    It never says whether the address is already registered: `views.RegistrationView` answers
    the same way and tells the address's owner by e-mail.
    """

    # A name typed and matched, not a select: the map lists thousands of innovators.
    innovator = forms.CharField(
        label=_("Partecipi per un innovatore della mappa? (facoltativo)"),
        required=False,
        max_length=200,
        help_text=_("Scrivi il nome con cui compare sulla Mappa degli innovatori."),
    )
    consent = forms.BooleanField(
        label=_(
            "Ho letto l'informativa privacy e acconsento al trattamento dei miei dati per "
            "gestire l'iscrizione."
        ),
        error_messages={"required": _("Per iscriverti serve il consenso al trattamento dei dati.")},
    )

    class Meta:
        model = Registration
        fields = ["name", "email", "organisation", "innovator", "needs", "consent"]
        field_classes = {
            "name": SingleLineField,
            "organisation": SingleLineField,
            "needs": PlainTextField,
        }
        labels = {
            "name": _("Nome e cognome"),
            "email": _("E-mail"),
            "organisation": _("Organizzazione (facoltativo)"),
            "needs": _("Esigenze particolari (facoltativo)"),
        }
        help_texts = {
            "email": _("Qui ricevi la conferma, il codice di iscrizione e il link per annullare."),
            "needs": _("Ad esempio accessibilità, interprete LIS, esigenze alimentari."),
        }
        error_messages = {
            "name": {"required": _("Scrivi il tuo nome e cognome.")},
            "email": {
                "required": _("Scrivi il tuo indirizzo e-mail."),
                "invalid": _("Scrivi un indirizzo e-mail valido, ad esempio nome@esempio.it."),
            },
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, event=None, **kwargs):
        self.event = event
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if field.required and name != "consent":
                field.widget.attrs["required"] = True

    def full_clean(self):
        super().full_clean()
        # Point every field with an error at its message, for screen readers.
        for name in self._errors or {}:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-invalid"] = "true"
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_innovator(self) -> Innovator | None:
        name = " ".join(self.cleaned_data["innovator"].split())
        if not name:
            return None
        # The slug makes the match blind to case and accents on every database.
        match = (
            Innovator.objects.published()
            .filter(Q(slug=slugify(name)) | Q(name__iexact=name))
            .first()
        )
        if match is None:
            raise forms.ValidationError(
                _("Non troviamo «%(name)s» sulla mappa: controlla il nome o lascia vuoto."),
                code="unknown_innovator",
                params={"name": name},
            )
        return match


class EventFilterForm(forms.Form):
    """The filters of an event index, sent as `?mese=2026-03&formato=online&pubblico=imprese`."""

    mese = forms.DateField(
        label=_("Mese"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        error_messages={"invalid": _("Scegli un mese valido (AAAA-MM).")},
    )
    formato = forms.ChoiceField(
        label=_("Modalità"),
        required=False,
        choices=[("", _("Tutte le modalità")), *EventFormat.choices],
    )
    pubblico = forms.ChoiceField(
        label=pgettext_lazy("pubblico di un evento", "Destinatari"),
        required=False,
        choices=[("", _("Tutti i destinatari")), *Audience.choices],
    )

    def clean_mese(self):
        month = self.cleaned_data["mese"]
        if month and not month_in_range(month):
            raise forms.ValidationError(
                _("Scegli un mese tra il %(first)s e il %(last)s."),
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return month

    def filters(self) -> dict:
        """The valid filters, keyed as `EventIndexPage.events` expects them."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {"month": data["mese"], "format": data["formato"], "audience": data["pubblico"]}
