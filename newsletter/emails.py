"""The two e-mails a subscription request sends: the confirmation link, or, for an address
already confirmed, its preferences link. Plain text, in the subscriber's language.

Each takes a subscriber's id: they run after the transaction that saved it commits. Each
e-mail is sent in the background, again if it fails (`portal.notifications.deliver`).
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.notifications import deliver

from .links import SubscriberLinks, base_url
from .models import Subscriber
from .models.subscribers import confirmation_days


def _send(subscriber_id: int, template: str, subject) -> None:
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    links = SubscriberLinks()
    with translation.override(subscriber.language):
        context = {
            "subscriber": subscriber,
            "confirm_url": links.confirm_url(subscriber),
            "preferences_url": links.preferences_url(subscriber),
            "unsubscribe_url": links.unsubscribe_url(subscriber),
            "days": confirmation_days(),
            "site_url": base_url() + "/",
        }
        deliver(
            EmailMessage(
                subject=str(subject),
                body=render_to_string(template, context),
                to=[subscriber.email],
            )
        )


def send_confirmation(subscriber_id: int) -> None:
    _send(
        subscriber_id,
        "newsletter/emails/confirmation.txt",
        _("Pistoia2030: conferma l'iscrizione alla newsletter"),
    )


def send_already_subscribed(subscriber_id: int) -> None:
    _send(
        subscriber_id,
        "newsletter/emails/already_subscribed.txt",
        _("Pistoia2030: sei già iscritto alla newsletter"),
    )
