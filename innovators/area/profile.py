"""Profile edits through moderation (/area-innovatori/profilo/).

The form (public-form kit: honeypot, rate limit, plain text, logo re-encoded) edits the
public fields. Saving never touches the live profile: it makes a new revision of the
`Innovator` snippet, with the person's user as its author, and starts «Revisione redazionale»
in their name (an earlier request still waiting is cancelled: the new revision replaces it).
The map, the directory and the profile keep the live version until a moderator approves.

A new contact e-mail is not saved with the rest: the new address gets a signed link
(`django.core.signing`, `CONTACT_CHANGE_MAX_AGE`) and the change is made when it is confirmed.
"""

import re

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.models import Revision

from innovators.area.addresses import normalised_email
from innovators.area.views import area_view
from innovators.forms import (
    DESCRIPTION_MAX_LENGTH,
    LOGO_MAX_PIXELS,
    InnovatorFieldsMixin,
    logo_max_bytes,
    paragraphs_html,
    save_logo,
)
from innovators.models import Innovator, Municipality, Sector
from innovators.models.innovators import SHORT_DESCRIPTION_MAX_LENGTH
from innovators.models.pages import map_settings
from portal.forms import (
    ImageUploadField,
    PlainTextField,
    PublicForm,
    PublicFormView,
    RateLimit,
    SingleLineField,
    plain_text,
)
from portal.links import absolute_url
from portal.notifications import Notice, send_notices

CONTACT_CHANGE_SALT = "innovators.area.contact-email"
CONTACT_CHANGE_MAX_AGE = 2 * 24 * 3600
_PARAGRAPH_END = re.compile(r"</p\s*>|<br\s*/?>\s*<br\s*/?>", re.IGNORECASE)


def rich_to_plain(html: str) -> str:
    """A rich description as the form's plain text: one blank line between paragraphs."""
    blocks = (plain_text(block) for block in _PARAGRAPH_END.split(html or ""))
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())


def link_field(label) -> forms.URLField:
    """An optional address on the web; «example.org» is taken as https://example.org."""
    return forms.URLField(label=label, required=False, assume_scheme="https", max_length=200)


class ProfileForm(InnovatorFieldsMixin, PublicForm):
    short_description = PlainTextField(
        label=gettext_lazy("Descrizione breve"),
        max_length=SHORT_DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Una o due frasi, al massimo 280 caratteri."),
    )
    description = PlainTextField(
        label=gettext_lazy("Descrizione"),
        max_length=DESCRIPTION_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Testo semplice: lascia una riga vuota tra i paragrafi."),
    )
    sector = forms.ModelChoiceField(label=gettext_lazy("Settore"), queryset=Sector.objects.none())
    tags = forms.CharField(
        label=gettext_lazy("Parole chiave"),
        max_length=300,
        required=False,
        help_text=gettext_lazy(
            "Fino a 10, separate da virgole, ad esempio: economia circolare, IoT."
        ),
    )
    website = link_field(gettext_lazy("Sito web"))
    linkedin = link_field("LinkedIn")
    instagram = link_field("Instagram")
    facebook = link_field("Facebook")
    logo = ImageUploadField(
        label=gettext_lazy("Nuovo logo"),
        max_bytes=logo_max_bytes,
        max_side=LOGO_MAX_PIXELS,
        help_text=gettext_lazy(
            "Facoltativo: solo se vuoi cambiarlo. JPEG, PNG o WebP, al massimo 2 MB."
        ),
        error_messages={
            "too_big": gettext_lazy("Il logo è troppo grande: al massimo %(size)s."),
            "too_many_pixels": gettext_lazy(
                "Il logo è troppo grande: massimo %(pixels)s pixel per lato."
            ),
            "not_image": gettext_lazy("Il logo deve essere un'immagine JPEG, PNG o WebP."),
            "unreadable": gettext_lazy(
                "Non siamo riusciti a leggere il logo: prova con un altro file."
            ),
        },
    )
    municipality = forms.ModelChoiceField(
        label=gettext_lazy("Comune"), queryset=Municipality.objects.all()
    )
    address = SingleLineField(label=gettext_lazy("Indirizzo"), max_length=255, required=False)
    latitude = forms.FloatField(
        label=gettext_lazy("Latitudine"),
        required=False,
        min_value=-90,
        max_value=90,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    longitude = forms.FloatField(
        label=gettext_lazy("Longitudine"),
        required=False,
        min_value=-180,
        max_value=180,
        widget=forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"}),
    )
    contact_email = forms.EmailField(
        label=gettext_lazy("E-mail di contatto"),
        required=False,
        help_text=gettext_lazy(
            "Non è pubblicata. Se la cambi, il nuovo indirizzo riceve un link: la modifica vale "
            "quando lo conferma."
        ),
        error_messages={
            "invalid": gettext_lazy("Inserisci un indirizzo e-mail valido, come nome@esempio.it.")
        },
    )

    def clean(self):
        data = super().clean()
        latitude, longitude = data.get("latitude"), data.get("longitude")
        if (latitude is None) != (longitude is None) and not self.has_error("latitude"):
            self.add_error(
                "latitude", _("Indica latitudine e longitudine, o lasciale vuote entrambe.")
            )
        return data


def draft_of(innovator) -> Innovator:
    """The innovator as it stands in its latest revision (changes waiting included)."""
    if innovator.latest_revision_id:
        return innovator.get_latest_revision_as_object()
    return innovator


def initial_for(draft) -> dict:
    point = draft.point
    return {
        "short_description": draft.short_description,
        "description": rich_to_plain(draft.description),
        "sector": draft.sector_id,
        "tags": ", ".join(tag.name for tag in draft.tags.all()),
        "website": draft.website,
        **{name: getattr(draft, name) for name in draft.SOCIAL_FIELDS},
        "municipality": draft.municipality_id,
        "address": draft.address,
        "latitude": round(point.lat, 6) if point else None,
        "longitude": round(point.lng, 6) if point else None,
        "contact_email": draft.contact_email,
    }


FIELD_OF_ERROR = {"location": "latitude"}


class ProfileEditView(PublicFormView):
    form_class = ProfileForm
    rate_limit = RateLimit(
        group="innovators.area.profile",
        setting="INNOVATORS_PROFILE_EDIT_RATE",
        default="20/h",
        message=gettext_lazy("Hai inviato troppe modifiche. Riprova tra un'ora, grazie."),
    )

    def __init__(self, request, innovator):
        super().__init__(request, None)
        self.innovator = innovator
        self.draft = draft_of(innovator)

    def get_form_kwargs(self) -> dict:
        kwargs = {"language_code": self.innovator.locale.language_code}
        if self.request.method != "POST":
            kwargs["initial"] = initial_for(self.draft)
        return kwargs

    def render(self, form, status=200):
        return render(
            self.request,
            "innovators/area/profile.html",
            {
                "form": form,
                "innovator": self.innovator,
                "innovators": self.request.innovators,
                "map_settings": map_settings(zoom=13),
            },
            status=status,
        )

    def thanks(self):
        return redirect(reverse("innovators_area:home") + "?inviata=1")

    def form_valid(self, form):
        data = form.cleaned_data
        user = self.request.user
        with transaction.atomic():
            innovator = Innovator.objects.select_for_update().get(pk=self.innovator.pk)
            draft = draft_of(innovator)
            apply_changes(draft, data)
            try:
                draft.full_clean()
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    name = FIELD_OF_ERROR.get(field, field)
                    for message in messages:
                        form.add_error(name if name in form.fields else None, message)
                transaction.set_rollback(True)
                return None
            if data["logo"]:
                draft.logo = save_logo(data["logo"], draft.name)
            submit_changes(innovator, draft, user)
        new_email = normalised_email(data.get("contact_email") or "")
        if new_email and new_email != normalised_email(self.draft.contact_email):
            send_contact_confirmation(self.request, innovator, new_email)
        return self.thanks()


def apply_changes(draft, data) -> None:
    draft.short_description = data["short_description"]
    draft.description = paragraphs_html(data["description"])
    draft.sector = data["sector"]
    draft.tags.set(data["tags"])
    draft.website = data["website"]
    for name in draft.SOCIAL_FIELDS:
        setattr(draft, name, data[name])
    draft.municipality = data["municipality"]
    draft.address = data["address"]
    if data.get("latitude") is not None and data.get("longitude") is not None:
        draft.location = f"SRID=4326;POINT({data['longitude']:.6f} {data['latitude']:.6f})"
    else:
        draft.location = ""


def submit_changes(innovator, draft, user) -> Revision:
    """A new revision by `user`, and «Revisione redazionale» started in their name; a request
    of theirs still waiting (or sent back) is cancelled, the new one replaces it. One save at a
    time per object (its row locked): two at once would both start a review, which Wagtail
    allows once."""
    with transaction.atomic():
        locked = type(innovator).objects.select_for_update().get(pk=innovator.pk)
        current = locked.current_workflow_state
        if current is not None:
            current.cancel(user=user)
        revision = draft.save_revision(user=user, log_action=True, clean=False)
        workflow = innovator.get_workflow()
        if workflow is not None and workflow.active:
            workflow.start(draft, user)
    return revision


@area_view
def edit(request):
    return ProfileEditView(request, request.innovator).response()


# The contact e-mail: confirmed by the new address.


def send_contact_confirmation(request, innovator, email: str) -> None:
    token = signing.dumps({"i": innovator.pk, "e": email}, salt=CONTACT_CHANGE_SALT)
    link = absolute_url(reverse("innovators_area:confirm_email") + f"?t={token}", request)
    send_notices(
        [
            Notice(
                _("Pistoia2030: conferma il nuovo indirizzo di %(name)s")
                % {"name": innovator.name},
                "innovators/area/email/confirm_email.txt",
                [email],
            )
        ],
        {"innovator": innovator, "link": link, "days": CONTACT_CHANGE_MAX_AGE // 86400},
    )


def contact_change(token: str):
    """(innovator, new address) from a valid, unexpired link, or None."""
    try:
        value = signing.loads(token, salt=CONTACT_CHANGE_SALT, max_age=CONTACT_CHANGE_MAX_AGE)
        innovator = Innovator.objects.get(pk=value["i"], removal__isnull=True)
    except (signing.BadSignature, KeyError, TypeError, Innovator.DoesNotExist):
        return None
    return innovator, value["e"]


@never_cache
def confirm_email(request):
    """GET: what will change and a button; POST: the contact e-mail changes (on every
    translation of the innovator, and in a revision still waiting for review)."""
    token = (request.POST if request.method == "POST" else request.GET).get("t", "")
    change = contact_change(token) if len(token) < 500 else None
    done = False
    if change is not None and request.method == "POST":
        innovator, email = change
        with transaction.atomic():
            Innovator.objects.filter(translation_key=innovator.translation_key).update(
                contact_email=email
            )
            for record in Innovator.objects.filter(
                translation_key=innovator.translation_key, has_unpublished_changes=True
            ).select_related("latest_revision"):
                revision = record.latest_revision
                if revision is not None:
                    revision.content["contact_email"] = email
                    revision.save(update_fields=["content"])
        done = True
    response = render(
        request,
        "innovators/area/confirm_email.html",
        {
            "change": change,
            "token": token,
            "done": done,
            "language": get_language() or settings.LANGUAGE_CODE,
        },
        status=200 if change is not None else 400,
    )
    response["Referrer-Policy"] = "same-origin"
    return response
