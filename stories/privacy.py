"""Story submissions are personal data (docs/security.md): rejected ones are deleted after the
retention period with their never-published draft story, its revisions and the photos sent
(portal.privacy)."""

from portal.privacy import PersonalData
from stories.models import StoryPage, StorySubmission
from stories.models.submissions import SubmissionStatus


def rejected_submissions(cutoff) -> list:
    # Rejection is not dated: a rejected submission received before the cutoff is old enough.
    return list(
        StorySubmission.objects.filter(
            status=SubmissionStatus.REJECTED, created_at__lt=cutoff
        ).select_related("story")
    )


def story_image_ids(story) -> set[int]:
    ids = {story.image_id}
    for block in story.body:
        if block.block_type == "image" and block.value.get("image"):
            ids.add(block.value["image"].pk)
    return ids


def delete_submissions(submissions, uploads) -> None:
    for submission in submissions:
        story = submission.story
        submission.delete()
        if story is not None and story.first_published_at is None and not story.live:
            image_ids = story_image_ids(story)
            story.delete()
            uploads.delete_unused(image_ids)


def submissions() -> PersonalData:
    return PersonalData(
        label="storie respinte eliminate",
        model=StorySubmission,
        expired=rejected_submissions,
        purge=delete_submissions,
        order=20,
        live_images=((StoryPage, "image"),),
    )
