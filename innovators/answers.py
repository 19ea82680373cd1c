"""The answer a join request's applicant gets: approved (with the link to sign in to the
innovators' area) or declined (with the moderators' reason).

Approval is the innovator's first publication through the workflow (Wagtail's `published`
signal); declining is the moderators' «Non pubblicare» (`innovators.admin_views.decline`),
which needs a reason. Each e-mail goes once: its time is claimed on the `JoinRequest` inside
the transaction that publishes or declines, and the e-mail leaves after it commits; a later
publish of the profile sends nothing. It goes to the innovator's contact e-mail, in the
language of the form the applicant used (the draft's locale), through `portal.notifications`.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from innovators.models import Innovator, JoinRequest
from portal.links import absolute_url
from portal.notifications import Notice, claim, send_notices

APPROVED_SUBJECT = gettext_noop("Pistoia2030: il tuo profilo è pubblicato")
DECLINED_SUBJECT = gettext_noop("Pistoia2030: la tua richiesta non è stata accolta")


def innovator_published(sender, instance, **kwargs) -> None:
    """`published` of an Innovator: the applicant of its join request hears, the first time."""
    pending = JoinRequest.objects.filter(
        innovator_id=instance.pk, approval_sent_at=None, declined_at=None
    )
    for pk in pending.values_list("pk", flat=True):
        if claim(JoinRequest.objects.filter(pk=pk), "approval_sent_at"):
            transaction.on_commit(lambda pk=pk: send_approval(pk), robust=True)


def decline(join_request: JoinRequest, reason: str, user=None) -> None:
    """Not to be published: keep the reason, stop the draft's review, tell the applicant."""
    join_request.decline_reason = reason
    join_request.declined_at = timezone.now()
    join_request.save(update_fields=["decline_reason", "declined_at"])
    innovator = join_request.innovator
    state = innovator.current_workflow_state
    if state is not None:
        state.cancel(user=user)
    if claim(JoinRequest.objects.filter(pk=join_request.pk), "decline_sent_at"):
        transaction.on_commit(lambda pk=join_request.pk: send_decline(pk), robust=True)


def _send(join_request_id: int, subject: str, template: str, *, sign_in: bool = False) -> None:
    join_request = JoinRequest.objects.select_related("innovator__locale").get(pk=join_request_id)
    innovator: Innovator = join_request.innovator
    with translation.override(innovator.locale.language_code):
        context = {"innovator": innovator, "join_request": join_request}
        if sign_in:  # the area's sign-in page, in the applicant's language
            context["sign_in_url"] = absolute_url(reverse("innovators_area:sign_in"))
        send_notices([Notice(_(subject), template, [innovator.contact_email])], context)


def send_approval(join_request_id: int) -> None:
    _send(
        join_request_id,
        APPROVED_SUBJECT,
        "innovators/email/join_request_approved.txt",
        sign_in=True,
    )


def send_decline(join_request_id: int) -> None:
    _send(
        join_request_id,
        DECLINED_SUBJECT,
        "innovators/email/join_request_declined.txt",
    )
