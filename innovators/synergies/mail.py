"""The e-mails cron sends about offers and needs (management commands
`remind_offers_ending` daily and `send_synergy_matches` monthly). Each goes through
`portal.notifications` (queued), in the language of the offer or of the person's area.

Each e-mail is sent once: the row is stamped by a conditional UPDATE before its notice is
queued, so two runs at the same time, or a rerun, never send it twice.
"""

import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from innovators.area.accounts import innovators_for
from innovators.models import Innovator
from innovators.synergies import matching
from innovators.synergies.models import MatchAlert, Offer
from portal.links import absolute_url, site_root_url
from portal.notifications import Notice, send_notices

REMINDER_DAYS = 14  # the reminder goes this many days before the end
MATCHES_INTERVAL = datetime.timedelta(days=27)  # at most one a month, whenever cron runs


def _people_of(innovator: Innovator) -> list[str]:
    """The addresses that look after an innovator: its contact e-mail and its people."""
    addresses = {innovator.contact_email.strip().lower()} if innovator.contact_email else set()
    addresses.update(innovator.people.values_list("email", flat=True))
    return sorted(address for address in addresses if address)


def offers_ending(today: datetime.date):
    return (
        Offer.objects.current()
        .filter(
            ends_on__lte=today + datetime.timedelta(days=REMINDER_DAYS),
            reminder_sent_at__isnull=True,
            innovator__live=True,
            innovator__removal__isnull=True,
        )
        .select_related("innovator")
    )


def send_reminders(now: datetime.datetime | None = None) -> int:
    """Remind the innovator's people of each offer or need about to lapse; returns how many."""
    now = now or timezone.now()
    sent = 0
    for offer in offers_ending(timezone.localdate(now)):
        stamped = Offer.objects.filter(pk=offer.pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if not stamped:
            continue
        with translation.override(offer.language):
            link = absolute_url(reverse("innovators_area:offer", args=[offer.pk]))
            send_notices(
                [
                    Notice(
                        _("Pistoia2030: «%(title)s» scade il %(date)s")
                        % {"title": offer.title, "date": offer.ends_on.strftime("%d/%m/%Y")},
                        "innovators/synergies/email/reminder.txt",
                        _people_of(offer.innovator),
                    )
                ],
                {"offer": offer, "link": link},
            )
        sent += 1
    return sent


def alerts_due(now: datetime.datetime):
    return MatchAlert.objects.filter(
        Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - MATCHES_INTERVAL),
        innovator__live=True,
        innovator__removal__isnull=True,
    ).select_related("innovator", "innovator__sector", "innovator__locale")


def send_matches(now: datetime.datetime | None = None) -> int:
    """Each person who asked gets the matches of their innovator, if there are any, and
    only while the address still looks after it; returns how many e-mails were queued."""
    now = now or timezone.now()
    sent = 0
    for alert in alerts_due(now):
        innovator = alert.innovator
        if innovator.translation_key not in {
            i.translation_key for i in innovators_for(alert.email)
        }:
            alert.delete()  # the address no longer looks after it
            continue
        language = innovator.locale.language_code
        with translation.override(language):
            found = matching.matches(innovator, language)
            if not found:
                continue
            stamped = MatchAlert.objects.filter(
                pk=alert.pk, last_sent_at=alert.last_sent_at
            ).update(last_sent_at=now)
            if not stamped:
                continue
            send_notices(
                [
                    Notice(
                        _("Pistoia2030: le sinergie del mese per %(name)s")
                        % {"name": innovator.name},
                        "innovators/synergies/email/matches.txt",
                        [alert.email],
                    )
                ],
                {
                    "innovator": innovator,
                    "matches": found,
                    "root_url": site_root_url(),
                    "area_url": absolute_url(reverse("innovators_area:matches")),
                },
            )
        sent += 1
    return sent
