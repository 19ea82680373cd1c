"""What the moderators decide about an offer or a need reaches the person who sent it, as
for the profile (`innovators.area.reviews`): the comment on «Richiedi modifiche», a notice
when it is published. Only reviews an innovator's person started."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import WorkflowState
from wagtail.signals import task_rejected, workflow_approved

from innovators.area.accounts import is_innovator_user
from innovators.synergies.models import Offer
from portal.links import absolute_url
from portal.notifications import Notice, send_notices


def _notify(workflow_state, subject, template, **context) -> None:
    offer = workflow_state.content_object
    user = workflow_state.requested_by
    if not isinstance(offer, Offer) or not is_innovator_user(user) or not user.email:
        return
    with translation.override(offer.language):
        send_notices(
            [Notice(str(subject) % {"title": offer.title}, template, [user.email])],
            {
                "offer": offer,
                "area_url": absolute_url(reverse("innovators_area:offer", args=[offer.pk])),
                **context,
            },
        )


def changes_requested(sender, instance, user=None, **kwargs) -> None:
    _notify(
        instance.workflow_state,
        _("Pistoia2030: la redazione chiede modifiche a «%(title)s»"),
        "innovators/synergies/email/changes_requested.txt",
        comment=instance.get_comment(),
    )


def approved(sender, instance, user=None, **kwargs) -> None:
    _notify(
        instance,
        _("Pistoia2030: «%(title)s» è pubblicata sulla bacheca"),
        "innovators/synergies/email/approved.txt",
    )


def register() -> None:
    task_rejected.connect(changes_requested, dispatch_uid="innovators_offer_changes_requested")
    workflow_approved.connect(
        approved, sender=WorkflowState, dispatch_uid="innovators_offer_approved"
    )
