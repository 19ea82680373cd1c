"""What the moderators decide about a profile change reaches the person who asked.

On «Richiedi modifiche» (Wagtail's `task_rejected`) the requester gets the moderator's comment
by e-mail, and the area shows it (`state.profile_state`); on approval (`workflow_approved`)
they are told the change is live. Only reviews an innovator's person started: editors keep
Wagtail's own e-mails, which these users do not get (`accounts.innovator_user`).
"""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.models import WorkflowState
from wagtail.signals import task_rejected, workflow_approved

from innovators.area.accounts import is_innovator_user
from innovators.models import Innovator
from portal.links import absolute_url
from portal.notifications import Notice, send_notices


def _innovator_and_requester(workflow_state):
    innovator = workflow_state.content_object
    if not isinstance(innovator, Innovator):
        return None, None
    user = workflow_state.requested_by
    if not is_innovator_user(user) or not user.email:
        return None, None
    return innovator, user


def _notify(innovator, user, subject, template, **context) -> None:
    with translation.override(innovator.locale.language_code):
        send_notices(
            [Notice(str(subject) % {"name": innovator.name}, template, [user.email])],
            {
                "innovator": innovator,
                "area_url": absolute_url(reverse("innovators_area:home")),
                **context,
            },
        )


def changes_requested(sender, instance, user=None, **kwargs) -> None:
    innovator, requester = _innovator_and_requester(instance.workflow_state)
    if innovator is None:
        return
    _notify(
        innovator,
        requester,
        _("Pistoia2030: la redazione chiede modifiche al profilo di %(name)s"),
        "innovators/area/email/changes_requested.txt",
        comment=instance.get_comment(),
    )


def changes_approved(sender, instance, user=None, **kwargs) -> None:
    innovator, requester = _innovator_and_requester(instance)
    if innovator is None:
        return
    _notify(
        innovator,
        requester,
        _("Pistoia2030: le modifiche al profilo di %(name)s sono pubblicate"),
        "innovators/area/email/changes_approved.txt",
    )


def register() -> None:
    # Sent by each task type's class: connect for any sender and filter by content.
    task_rejected.connect(changes_requested, dispatch_uid="innovators_area_changes_requested")
    workflow_approved.connect(
        changes_approved, sender=WorkflowState, dispatch_uid="innovators_area_changes_approved"
    )
