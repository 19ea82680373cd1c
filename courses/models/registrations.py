"""Who registered for which event: confirmed, on the waiting list or cancelled.

One event in several languages is one set of seats: every registration belongs to the event's
original page (`seats_page_id`, the first page of its translation key, from which the
translations were copied), whichever language page the person used; `locale` remembers that
language, for the e-mails and their links. Counting goes through `of_event`.
"""

import secrets
from functools import cached_property

from django.core import signing
from django.db import models
from django.db.models import Subquery
from django.db.models.functions import Lower
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.search import index

# No 0/O, 1/I/L: the code is read aloud and typed at the door.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
TOKEN_SALT = "courses.registration"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confermata")
    WAITING = "waiting", _("In lista d'attesa")
    CANCELLED = "cancelled", _("Annullata")


def seats_page_id(page) -> int | None:
    """The id of the page that holds the seats of `page`'s event in every language.

    The first page (lowest id) sharing its translation key: the original the translations and
    aliases were copied from. None for a page not saved yet that has no translation.
    """
    if page.pk and not page.translation_key:
        return page.pk
    return (
        Page.objects.filter(translation_key=page.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )


class RegistrationQuerySet(models.QuerySet):
    def of_event(self, page):
        """The registrations of `page`'s event, in any of its languages."""
        return self.filter(event__translation_key=page.translation_key)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def waiting_list(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")


class Registration(index.Indexed, models.Model):
    """A person's registration to a course or a co-creation session.

    Seats are allocated by `courses.services.register`, never by saving this model directly.
    A registration renews no cached page: seats left are served live (`courses.views.seats`).
    """

    renews_content_version = False

    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("evento"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("lingua"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La lingua della pagina da cui si è iscritto: quella delle e-mail."),
    )
    status = models.CharField(
        _("stato"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    code = models.CharField(
        _("codice"), max_length=12, unique=True, default=new_code, editable=False
    )
    name = models.CharField(_("nome e cognome"), max_length=120)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organizzazione"), max_length=160, blank=True)
    innovator = models.ForeignKey(
        "innovators.Innovator",
        verbose_name=_("innovatore"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
        limit_choices_to={"live": True},
        help_text=_("L'innovatore pubblicato per cui partecipa, se c'è."),
    )
    needs = models.TextField(
        _("esigenze"), blank=True, max_length=1000, help_text=_("Accessibilità, alimentazione…")
    )
    consent = models.BooleanField(_("consenso al trattamento dei dati"), default=False)
    created_at = models.DateTimeField(_("iscritto il"), auto_now_add=True, db_index=True)
    cancelled_at = models.DateTimeField(_("annullata il"), null=True, blank=True)
    promoted_at = models.DateTimeField(_("promossa dalla lista d'attesa il"), null=True, blank=True)
    attended_at = models.DateTimeField(_("presente il"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(
        _("promemoria inviato il"), null=True, blank=True, editable=False
    )
    feedback_requested_at = models.DateTimeField(
        _("questionario inviato il"), null=True, blank=True, editable=False
    )

    objects = RegistrationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("email"),
        index.SearchField("organisation"),
        index.SearchField("code"),
        index.FilterField("status"),
        index.FilterField("event_id"),
    ]

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("iscrizione")
        verbose_name_plural = _("iscrizioni")
        # The events desk (courses/desk.py): beyond Django's view_registration.
        permissions = [
            ("export_registration", _("Può esportare le iscrizioni")),
            ("checkin_registration", _("Può registrare le presenze")),
        ]
        constraints = [
            # One active registration per e-mail and event, also under concurrent requests.
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~models.Q(status="cancelled"),
                name="courses_one_active_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.code})"

    @property
    def token(self) -> str:
        """The code and its signature, for the confirmation and cancellation links.

        Only letters, digits, «-» and «_», as Wagtail's page URLs require.
        """
        return f"{self.code}-{signing.Signer(salt=TOKEN_SALT).signature(self.code)}"

    @classmethod
    def from_token(cls, token: str, event_id: int):
        """The registration of `token` on the event of page `event_id`, in any language."""
        code, _sep, signature = token.partition("-")
        expected = signing.Signer(salt=TOKEN_SALT).signature(code)
        if not code or not constant_time_compare(signature, expected):
            return None
        translation_key = Page.objects.filter(pk=event_id).values("translation_key")[:1]
        return cls.objects.filter(
            code=code, event__translation_key=Subquery(translation_key)
        ).first()

    @cached_property
    def reader_event(self):
        """The event's page in the language the person registered from (else the original)."""
        event = self.event.specific
        if self.locale_id and self.locale_id != event.locale_id:
            translation = event.get_translation_or_none(self.locale_id)
            if translation is not None and translation.live:
                return translation.specific
        return event

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED

    @property
    def attended(self) -> bool:
        return self.attended_at is not None
