"""An innovator's state as its area shows it, read from the snippet and Wagtail's workflow."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wagtail.models import WorkflowState

PUBLISHED = "published"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
NOT_PUBLISHED = "not_published"

LABELS = {
    PUBLISHED: _("Pubblicato"),
    IN_REVIEW: _("Modifiche in revisione"),
    CHANGES_REQUESTED: _("Modifiche richieste dalla redazione"),
    NOT_PUBLISHED: _("Non pubblicato"),
}


@dataclass(frozen=True)
class ProfileState:
    key: str
    live: bool
    comment: str = ""
    requested_at: object = None

    @property
    def label(self):
        return LABELS[self.key]


def _open(workflow_states):
    return (
        workflow_states.filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
        )
        .select_related("current_task_state")
        .order_by("-created_at", "-pk")
    )


def open_workflow_states(objects) -> dict[str, WorkflowState]:
    """The newest open workflow state of each of `objects` (all of one model), by object id, in
    one query: pass it to `profile_state` for a list instead of a query per row."""
    objects = list(objects)
    if not objects:
        return {}
    found = {}
    for state in _open(
        WorkflowState.objects.filter(
            base_content_type=objects[0].get_base_content_type(),
            object_id__in=[str(obj.pk) for obj in objects],
        )
    ):
        found.setdefault(state.object_id, state)
    return found


def profile_state(innovator, open_states: dict | None = None) -> ProfileState:
    """Published, in review (changes or a join request waiting for a moderator), or sent back
    with the moderator's comment (the rejected task's comment). `open_states`
    (`open_workflow_states`) answers from states already read."""
    if open_states is None:
        state = _open(WorkflowState.objects.for_instance(innovator)).first()
    else:
        state = open_states.get(str(innovator.pk))
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        task_state = state.current_task_state
        comment = task_state.specific.get_comment() if task_state else ""
        return ProfileState(CHANGES_REQUESTED, innovator.live, comment, state.created_at)
    if state is not None:
        return ProfileState(IN_REVIEW, innovator.live, "", state.created_at)
    return ProfileState(PUBLISHED if innovator.live else NOT_PUBLISHED, innovator.live)
