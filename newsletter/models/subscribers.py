"""Who follows the portal by e-mail: an address, its topics and language, and its consent.

Nothing is sent to an address until it confirms (double opt-in). The signed links of every
e-mail (confirm, preferences, unsubscribe) carry the subscriber's random `key`, never its id
or its address (see `newsletter.tokens`).
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key() -> str:
    return secrets.token_hex(16)


class Topic(models.TextChoices):
    STORIES = "stories", _("Storie di innovatori")
    COURSES = "courses", _("Percorsi di formazione")
    SESSIONS = "sessions", _("Sessioni di co-creazione")
    PROGRAMME = "programme", _("Notizie dal programma")


TOPIC_FIELDS = {topic: f"topic_{topic.value}" for topic in Topic}


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("In attesa di conferma")
    CONFIRMED = "confirmed", _("Confermato")
    UNSUBSCRIBED = "unsubscribed", _("Disiscritto")


def confirmation_days() -> int:
    return getattr(settings, "NEWSLETTER_CONFIRMATION_DAYS", 7)


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=SubscriberStatus.CONFIRMED)

    def expired_requests(self, now=None):
        """Requests never confirmed within `NEWSLETTER_CONFIRMATION_DAYS`."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=confirmation_days())
        return self.filter(status=SubscriberStatus.PENDING, requested_at__lt=cutoff)


class Subscriber(models.Model):
    email = models.EmailField(_("e-mail"), max_length=254, unique=True)
    language = models.CharField(
        _("lingua"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    topic_stories = models.BooleanField(Topic.STORIES.label, default=True)
    topic_courses = models.BooleanField(Topic.COURSES.label, default=True)
    topic_sessions = models.BooleanField(Topic.SESSIONS.label, default=True)
    topic_programme = models.BooleanField(Topic.PROGRAMME.label, default=True)
    status = models.CharField(
        _("stato"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    consent = models.BooleanField(_("consenso al trattamento dei dati"), default=False)
    requested_at = models.DateTimeField(_("richiesta il"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confermata il"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("disiscritto il"), null=True, blank=True)
    # When the last confirmation or notice went to this address: no more than one every few
    # minutes, however often the form is sent with it.
    last_notice_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("iscritto alla newsletter")
        verbose_name_plural = _("iscritti alla newsletter")

    def __str__(self):
        return self.email

    @property
    def topics(self) -> list[str]:
        return [topic.value for topic, field in TOPIC_FIELDS.items() if getattr(self, field)]

    @topics.setter
    def topics(self, values) -> None:
        for topic, field in TOPIC_FIELDS.items():
            setattr(self, field, topic.value in values)

    @property
    def topics_label(self) -> str:
        return ", ".join(str(Topic(value).label) for value in self.topics)

    @property
    def is_confirmed(self) -> bool:
        return self.status == SubscriberStatus.CONFIRMED

    @property
    def request_expired(self) -> bool:
        limit = self.requested_at + datetime.timedelta(days=confirmation_days())
        return self.status == SubscriberStatus.PENDING and timezone.now() > limit
