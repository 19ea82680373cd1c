"""Retention of personal data (docs/security.md): what is purged, and when.

After `PERSONAL_DATA_RETENTION_DAYS` (or the command's `--days`):

- registrations of events that ended that long ago are anonymised: name, e-mail,
  organisation and needs are wiped, the row stays so the counts and the impact figures hold;
- story submissions rejected that long ago are deleted with their draft story (never
  published), its revisions and the photos the sender sent;
- join requests never published within that time (draft innovators that were never live)
  are deleted with their revisions and the logo the applicant sent;
- newsletter requests never confirmed are deleted once their link expires
  (`NEWSLETTER_CONFIRMATION_DAYS`, a week), and addresses unsubscribed that long ago are
  deleted with their delivery records (each issue keeps its own figures).

It lives in `home` because it reaches into every app (nothing imports `home`).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from wagtail.images import get_image_model

from courses.models import CoursePage, Registration, SessionPage
from innovators.models import Innovator
from newsletter.models import Subscriber, SubscriberStatus
from stories.models import StoryPage, StorySubmission
from stories.models.submissions import SubmissionStatus

ANONYMOUS_DOMAIN = "anonimizzato.invalid"


@dataclass
class PurgeReport:
    registrations: int = 0
    submissions: int = 0
    join_requests: int = 0
    images: int = 0
    newsletter_requests: int = 0
    newsletter_unsubscribed: int = 0

    def __str__(self):
        return (
            f"iscrizioni anonimizzate: {self.registrations}, "
            f"storie respinte eliminate: {self.submissions}, "
            f"richieste di adesione eliminate: {self.join_requests}, "
            f"immagini eliminate: {self.images}, "
            f"richieste di iscrizione alla newsletter scadute: {self.newsletter_requests}, "
            f"indirizzi disiscritti eliminati: {self.newsletter_unsubscribed}"
        )


def cutoff_for(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def past_registrations(cutoff):
    event_ids = [
        pk
        for model in (CoursePage, SessionPage)
        for pk in model.objects.filter(end__lt=cutoff).values_list("pk", flat=True)
    ]
    return Registration.objects.filter(event_id__in=event_ids).exclude(
        email__endswith=f"@{ANONYMOUS_DOMAIN}"
    )


def rejected_submissions(cutoff):
    # Rejection is not dated: a rejected submission received before the cutoff is old enough.
    return StorySubmission.objects.filter(
        status=SubmissionStatus.REJECTED, created_at__lt=cutoff
    ).select_related("story")


def stale_join_requests(cutoff):
    return Innovator.objects.filter(
        live=False, first_published_at__isnull=True, created_at__lt=cutoff
    )


def unsubscribed_addresses(cutoff):
    return Subscriber.objects.filter(
        status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at__lt=cutoff
    )


def _delete_images(image_ids, report: PurgeReport) -> None:
    """Delete uploads no published content uses any more (files removed with the rows)."""
    images = get_image_model().objects.filter(pk__in=[pk for pk in image_ids if pk])
    for image in images:
        if Innovator.objects.filter(logo=image, live=True).exists():
            continue
        if StoryPage.objects.filter(image=image, live=True).exists():
            continue
        image.file.delete(save=False)
        image.delete()
        report.images += 1


def _story_image_ids(story) -> set[int]:
    ids = {story.image_id}
    for block in story.body:
        if block.block_type == "image" and block.value.get("image"):
            ids.add(block.value["image"].pk)
    return ids


def purge_personal_data(days: int, *, dry_run: bool = False) -> PurgeReport:
    cutoff = cutoff_for(days)
    report = PurgeReport()
    with transaction.atomic():
        registrations = past_registrations(cutoff)
        report.registrations = registrations.count()
        submissions = list(rejected_submissions(cutoff))
        report.submissions = len(submissions)
        join_requests = list(stale_join_requests(cutoff))
        report.join_requests = len(join_requests)
        expired_requests = Subscriber.objects.expired_requests()
        report.newsletter_requests = expired_requests.count()
        unsubscribed = unsubscribed_addresses(cutoff)
        report.newsletter_unsubscribed = unsubscribed.count()
        if dry_run:
            return report
        expired_requests.delete()
        unsubscribed.delete()
        for registration in registrations.only("pk"):
            Registration.objects.filter(pk=registration.pk).update(
                name="",
                email=f"r{registration.pk}@{ANONYMOUS_DOMAIN}",
                organisation="",
                needs="",
            )
        for submission in submissions:
            story = submission.story
            submission.delete()
            if story is not None and story.first_published_at is None and not story.live:
                image_ids = _story_image_ids(story)
                story.delete()
                _delete_images(image_ids, report)
        for innovator in join_requests:
            logo_id = innovator.logo_id
            innovator.delete()  # revisions go with it (Innovator._revisions)
            _delete_images([logo_id], report)
    return report
