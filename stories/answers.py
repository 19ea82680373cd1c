"""The answer a story's sender gets: published (with the story's link) or not (with the reason).

Each goes once. The time it went is claimed on the submission inside the transaction that
publishes the story or declines it (`published_notice_sent_at`, `decline_notice_sent_at`), and
the e-mail leaves after that transaction commits: a re-publish finds the time set and sends
nothing, a publish that fails leaves it unset. The e-mail is in the language of the form the
sender used (the draft story's locale), Italian if the draft is gone. Sent through
`portal.notifications`, so a failure is kept and sent again.
"""

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal.notifications import Notice, claim, send_notices
from stories.models import StorySubmission, SubmissionStatus


def story_published(story) -> None:
    """`page_published` of a StoryPage: tell each sender of it, the first time only."""
    pending = StorySubmission.objects.filter(story_id=story.pk, published_notice_sent_at=None)
    for pk in pending.values_list("pk", flat=True):
        if claim(StorySubmission.objects.filter(pk=pk), "published_notice_sent_at"):
            transaction.on_commit(lambda pk=pk: send_published_notice(pk), robust=True)


def submission_declined(submission: StorySubmission, user=None) -> None:
    """The moderators will not publish it: stop the draft's review and tell the sender why.

    Called once the submission is saved as rejected with its reason (the admin's form requires
    it); a submission rejected without a reason (a workflow's «Richiedi modifiche») waits.
    """
    if submission.status != SubmissionStatus.REJECTED or not submission.decline_reason.strip():
        return
    story = submission.story
    if story is not None and not story.live:
        state = story.current_workflow_state
        if state is not None:
            state.cancel(user=user)
    if claim(StorySubmission.objects.filter(pk=submission.pk), "decline_notice_sent_at"):
        transaction.on_commit(lambda pk=submission.pk: send_decline_notice(pk), robust=True)


def _language(submission: StorySubmission) -> str:
    story = submission.story
    return story.locale.language_code if story is not None else settings.LANGUAGE_CODE


def send_published_notice(submission_id: int) -> None:
    submission = StorySubmission.objects.select_related("story").get(pk=submission_id)
    if submission.story is None or not submission.story.live:
        return
    with translation.override(_language(submission)):
        send_notices(
            [
                Notice(
                    _("Pistoia2030: la tua storia è pubblicata"),
                    "stories/email/answer_published.txt",
                    [submission.email],
                )
            ],
            {"submission": submission, "story_url": submission.story.get_full_url()},
        )


def send_decline_notice(submission_id: int) -> None:
    submission = StorySubmission.objects.select_related("story").get(pk=submission_id)
    with translation.override(_language(submission)):
        send_notices(
            [
                Notice(
                    _("Pistoia2030: la tua storia non sarà pubblicata"),
                    "stories/email/answer_declined.txt",
                    [submission.email],
                )
            ],
            {"submission": submission},
        )
