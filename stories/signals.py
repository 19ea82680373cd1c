"""Keep the status of story submissions in step with the moderation of their drafts, and tell
the sender when their story is published (`stories.answers`)."""

from wagtail.signals import page_published, workflow_rejected

from stories import answers
from stories.models import StoryPage, StorySubmission, SubmissionStatus


def mark_published(sender, instance, **kwargs):
    StorySubmission.objects.filter(story_id=instance.pk).exclude(
        status=SubmissionStatus.PUBLISHED
    ).update(status=SubmissionStatus.PUBLISHED)
    answers.story_published(instance)


def mark_rejected(sender, instance, **kwargs):
    """A rejected workflow on a page (snippets have workflows too: their ids are not pages)."""
    content_type = instance.base_content_type
    if (content_type.app_label, content_type.model) != ("wagtailcore", "page"):
        return
    StorySubmission.objects.filter(
        story_id=instance.object_id, status=SubmissionStatus.RECEIVED
    ).update(status=SubmissionStatus.REJECTED)


def connect():
    page_published.connect(mark_published, sender=StoryPage, dispatch_uid="stories_published")
    workflow_rejected.connect(mark_rejected, dispatch_uid="stories_rejected")
