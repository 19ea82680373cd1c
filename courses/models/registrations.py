"""Who registered for which event: confirmed, on the waiting list or cancelled."""

import secrets

from django.core import signing
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

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


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def waiting_list(self):
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")


class Registration(index.Indexed, models.Model):
    """A person's registration to a course or a co-creation session.

    Seats are allocated by `courses.services.register`, never by saving this model directly.
    """

    event = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("evento"),
        on_delete=models.CASCADE,
        related_name="registrations",
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
        code, _sep, signature = token.partition("-")
        expected = signing.Signer(salt=TOKEN_SALT).signature(code)
        if not code or not constant_time_compare(signature, expected):
            return None
        return cls.objects.filter(code=code, event_id=event_id).first()

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
