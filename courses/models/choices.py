"""The choices of an event (format, audience, status) and the months the listings accept."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    IN_PRESENCE = "in_presence", _("In presenza")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Ibrido (in presenza e online)")


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Aperto a tutti")
    INNOVATORS = "innovators", _("Innovatori e aspiranti innovatori")
    BUSINESSES = "businesses", _("Imprese")
    PUBLIC_BODIES = "public_bodies", _("Enti pubblici")
    ASSOCIATIONS = "associations", _("Associazioni e terzo settore")
    STUDENTS = "students", _("Studenti e giovani")


class EventStatus(models.TextChoices):
    UPCOMING = "upcoming", _("In programma")
    IN_PROGRESS = "in_progress", _("In corso")
    PAST = "past", _("Concluso")
    CANCELLED = "cancelled", _("Annullato")


# The months the filters and the calendar accept: beyond them there are no events, and the date
# arithmetic of a month's bounds (9999-12 has no following month) would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def month_in_range(first_day: datetime.date) -> bool:
    return FIRST_YEAR <= first_day.year <= LAST_YEAR


def month_start(first_day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(first_day, datetime.time.min))


def month_end(first_day: datetime.date) -> datetime.datetime:
    following = (first_day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return month_start(following)
