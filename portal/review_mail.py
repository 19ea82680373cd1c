"""One e-mail per review to each reviewer, not two, for what the public sends.

Wagtail e-mails the reviewers whenever something is submitted for review (the task's group,
and superusers). A public form that starts a review (a join request, a story) sends its own
notice to the moderators, in Italian, with what was sent and the link to the draft
(innovators/join.py, stories/submissions.py): that is the clearer one, so Wagtail's
submission e-mails are skipped when the review was started by the public, i.e. with no user
or with a form's inactive account. Reviews started by staff keep Wagtail's e-mails.

`register()` (from `PortalConfig.ready`) takes Wagtail's receivers' places, matched by their
`dispatch_uid`: whichever app is ready first, ours are the ones connected.
"""

from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted


def sent_by_the_public(user) -> bool:
    """Whether a review was started by a public form rather than by a person in the admin."""
    return user is None or not user.is_active


class StaffSubmissionsOnly:
    def can_handle(self, instance, **kwargs):
        if sent_by_the_public(kwargs.get("user")):
            return False
        return super().can_handle(instance, **kwargs)


class TaskSubmissionNotifier(StaffSubmissionsOnly, GroupApprovalTaskStateSubmissionEmailNotifier):
    pass


class WorkflowSubmissionNotifier(StaffSubmissionsOnly, WorkflowStateSubmissionEmailNotifier):
    pass


# (signal, sender, the dispatch_uid Wagtail connects its notifier with, ours)
RECEIVERS = [
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
]


def register() -> None:
    for signal, sender, dispatch_uid, notifier in RECEIVERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
