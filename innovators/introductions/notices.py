"""The introductions' e-mails, through `portal.notifications` (queued, after the commit).

- the request, to each of the receiver's people, with their own «Accetto» and «No, grazie»
  links, each in the language that person last signed in to the area in (else the site's);
- on «Accetto», both sides: the other's name, contact person and e-mail (the asker's in the
  language it asked in, the one who accepted in its area's language);
- on «No, grazie», a report of abuse or the expiry: the asker, a kind notice, no contact.
"""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from innovators.area.accounts import area_languages
from innovators.introductions import people
from innovators.introductions.models import Introduction, IntroductionState
from innovators.introductions.tokens import answer_days, make_token
from portal.links import absolute_url
from portal.notifications import Notice, send_notices

ACCEPT, DECLINE = "si", "no"


def answer_link(introduction: Introduction, email: str, choice: str) -> str:
    token = make_token(introduction.pk, people.digest(email))
    query = f"?t={token}&scelta={choice}"
    return absolute_url(reverse("introductions:answer") + query)


def _load(introduction_id: int) -> Introduction:
    return Introduction.objects.select_related("asker", "receiver").get(pk=introduction_id)


def send_request(introduction_id: int) -> None:
    introduction = _load(introduction_id)
    if introduction.receiver is None or introduction.asker is None:
        return
    emails = people.addresses(introduction.receiver)
    languages = area_languages(emails)
    for email in emails:
        with translation.override(languages.get(email, settings.LANGUAGE_CODE)):
            send_notices(
                [
                    Notice(
                        _("Pistoia2030: %(name)s vorrebbe conoscervi")
                        % {"name": introduction.asker.name},
                        "introductions/email/request.txt",
                        [email],
                    )
                ],
                {
                    "introduction": introduction,
                    "accept_link": answer_link(introduction, email, ACCEPT),
                    "decline_link": answer_link(introduction, email, DECLINE),
                    "days": answer_days(),
                },
            )


def send_accepted(introduction_id: int) -> None:
    """Both sides get the other's contact: only here does any address leave the portal."""
    introduction = _load(introduction_id)
    asker, receiver = introduction.asker, introduction.receiver
    if asker is None or receiver is None or not introduction.answered_by:
        return
    sides = [
        # (to, language, the other innovator, its contact person, its address)
        (
            introduction.asked_by,
            introduction.language,
            receiver,
            people.contact_name(receiver, introduction.answered_by),
            introduction.answered_by,
        ),
        (
            introduction.answered_by,
            area_languages([introduction.answered_by]).get(
                introduction.answered_by, settings.LANGUAGE_CODE
            ),
            asker,
            people.contact_name(asker, introduction.asked_by),
            introduction.asked_by,
        ),
    ]
    for to, language, other, contact, email in sides:
        with translation.override(language):
            send_notices(
                [
                    Notice(
                        _("Pistoia2030: vi presentiamo %(name)s") % {"name": other.name},
                        "introductions/email/accepted.txt",
                        [to],
                    )
                ],
                {"other": other, "contact": contact, "email": email},
            )


def send_closed(introduction_id: int) -> None:
    """Declined, reported or expired: the asker hears kindly, and gets no contact."""
    introduction = _load(introduction_id)
    if not introduction.asked_by or introduction.receiver is None:
        return
    with translation.override(introduction.language):
        send_notices(
            [
                Notice(
                    _("Pistoia2030: la tua richiesta di presentazione a %(name)s")
                    % {"name": introduction.receiver.name},
                    "introductions/email/closed.txt",
                    [introduction.asked_by],
                )
            ],
            {
                "introduction": introduction,
                "expired": introduction.state == IntroductionState.EXPIRED,
            },
        )
