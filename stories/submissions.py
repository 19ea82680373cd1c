"""The public form's views (the form and its answer) and what a submission creates.

A valid submission creates, in one transaction: the photos (Wagtail images in the
"Contributi" collection, re-encoded), a draft `StoryPage` under the stories index with the
text as escaped paragraphs, its first revision submitted to the "Revisione redazionale"
workflow, and a `StorySubmission` record. Any failure undoes all of it (and removes the files
already written). The public sender has no account: the revision and the workflow are
requested by the inactive system user `modulo-storie` (see `submission_user`), so the
moderators' dashboard shows who asked.

A public form of the kit (`portal.forms`): rate limited per address; a filled honeypot gets
the thank-you page and saves nothing.
"""

import logging

from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.coreutils import find_available_slug
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from innovators.area.accounts import chosen_innovator, innovators_for, is_innovator_user
from innovators.area.addresses import normalised_email
from innovators.queries import published_innovators
from portal.forms import PublicFormView, RateLimit, store_image
from portal.links import admin_url
from portal.models import route_view
from portal.notifications import Notice, send_notices
from stories.editorial import MODERATORS, editorial_workflow
from stories.forms import StorySubmissionForm, paragraph_html, paragraphs
from stories.models import StoryInnovator, StoryPage, StorySubmission, StorySubmissionPage

logger = logging.getLogger(__name__)

SUBMISSION_RATE_DEFAULT = "5/h"
COLLECTION_NAME = "Contributi"
SYSTEM_USERNAME = "modulo-storie"


class StorySubmissionView(PublicFormView):
    form_class = StorySubmissionForm
    rate_limit = RateLimit(
        group="stories.submission",
        setting="STORIES_SUBMISSION_RATE",
        default=SUBMISSION_RATE_DEFAULT,
        message=gettext_lazy("Hai inviato troppe storie. Riprova tra un'ora, grazie."),
    )

    def __init__(self, request, page):
        super().__init__(request, page)
        self.innovator = signed_in_innovator(request)

    def get_form_kwargs(self):
        """A signed-in innovator's person starts from its name, organisation and address."""
        if self.innovator is None:
            return {}
        email = normalised_email(self.request.user.email)
        person = self.innovator.people.filter(email=email).first()
        return {
            "initial": {
                "name": person.name if person else "",
                "organisation": self.innovator.name,
                "email": self.request.user.email,
            }
        }

    def thanks(self):
        return redirect(thanks_url(self.page))

    def form_valid(self, form):
        submission = save_submission(form, self.page, signed_in=self.innovator)
        notify(submission, self.page)
        return self.thanks()

    def render(self, form, status=200):
        response = self.page.render(self.request, context_overrides={"form": form})
        response.status_code = status
        if self.innovator is not None:  # one person's details: never kept by any cache
            add_never_cache_headers(response)
        return response


@route_view(StorySubmissionPage, "form")
def submission_form(request, page):
    """/storie/racconta/: the form; on POST, the story as a draft in moderation."""
    return StorySubmissionView(request, page).response()


@route_view(StorySubmissionPage, "thanks")
def submission_thanks(request, page):
    """/storie/racconta/grazie/: the answer to a sent story."""
    return page.render(request, context_overrides={"sent": True})


def thanks_url(page) -> str:
    return page.url + page.reverse_subpage("thanks")


def submission_user():
    """The inactive account that stands for the public form in revisions and workflows."""
    user, _created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={
            "is_active": False,
            "first_name": "Modulo",
            "last_name": "Racconta la tua storia",
        },
    )
    if _created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def signed_in_innovator(request):
    """The innovator whose person is signed in to the innovators' area (the one chosen there),
    or None."""
    user = getattr(request, "user", None)
    if not is_innovator_user(user):
        return None
    return chosen_innovator(request, innovators_for(user.email))


def contributions_collection() -> Collection:
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def matching_innovator(organisation: str, language_code: str):
    """The published innovator whose name (or slug) matches the organisation written."""
    if not organisation:
        return None
    innovators = published_innovators(language_code)
    return (
        innovators.filter(name__iexact=organisation).first()
        or innovators.filter(slug=slugify(organisation)).first()
    )


def save_submission(form, page, signed_in=None) -> StorySubmission:
    """Create the images, the draft story in moderation and the record, all or nothing.

    A story from a signed-in innovator (`signed_in`) is linked to its profile, whatever the
    organisation written; the page shows the link once the profile is published."""
    data = form.cleaned_data
    index = page.get_parent().specific
    written_files = []
    try:
        with transaction.atomic():
            # One submission at a time under the index: the slug and the tree path of the new
            # page are picked from its siblings (PostgreSQL would run two side by side).
            Page.objects.select_for_update().get(pk=index.pk)
            user = submission_user()
            language_code = page.locale.language_code
            if signed_in is not None:
                innovator = signed_in
                shown = (
                    published_innovators(language_code)
                    .filter(translation_key=signed_in.translation_key)
                    .first()
                )
            else:
                innovator = shown = matching_innovator(data["organisation"], language_code)
            images = []
            collection = contributions_collection()
            for number, photo, description in form.photos():
                image = store_image(
                    photo,
                    stem=f"contributo-{number}",
                    title=f"{data['title']} – foto {number}"[:255],
                    description=description,
                    credit=_("Foto inviata da %(name)s") % {"name": data["name"]},
                    collection=collection,
                )
                written_files.append(image.file.name)
                images.append(image)
            body = [("paragraph", paragraph_html(text)) for text in paragraphs(data["text"])]
            body += [
                ("image", {"image": image, "caption": image.description, "credit": ""})
                for image in images[1:]
            ]
            story = StoryPage(
                title=data["title"],
                slug=find_available_slug(index, slugify(data["title"])[:70] or "storia"),
                intro=data["summary"],
                author_name=data["name"],
                date=timezone.localdate(),
                image=images[0] if images else None,
                body=body,
                live=False,
                owner=user,
                locale_id=index.locale_id,
            )
            if shown:
                story.innovator_links = [StoryInnovator(innovator=shown)]
            index.add_child(instance=story)
            revision = story.save_revision(user=user, log_action=True)
            editorial_workflow().start(story, user)
            submission = StorySubmission.objects.create(
                name=data["name"],
                organisation=data["organisation"],
                email=data["email"],
                title=data["title"],
                summary=data["summary"],
                text=data["text"],
                photo_descriptions="\n".join(image.description for image in images),
                consent_privacy=data["consent_privacy"],
                consent_publication=data["consent_publication"],
                innovator=innovator,
                story=story,
            )
            submission.photos.set(images)
            logger.info(
                "Story submission %s: draft %s, revision %s", submission.pk, story.pk, revision.pk
            )
    except Exception:
        storage = get_image_model()._meta.get_field("file").storage
        for name in written_files:
            storage.delete(name)
        raise
    return submission


def moderator_emails() -> list[str]:
    users = get_user_model().objects.filter(is_active=True, groups__name=MODERATORS)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def notify(submission: StorySubmission, page) -> None:
    """E-mail the moderators and the sender."""
    context = {
        "submission": submission,
        "edit_url": admin_url("wagtailadmin_pages:edit", submission.story_id),
        "page": page,
    }
    send_notices(
        [
            Notice(
                _("Nuova storia da revisionare: %(title)s") % {"title": submission.title},
                "stories/email/submission_moderators.txt",
                moderator_emails(),
            ),
            Notice(
                _("Pistoia2030: abbiamo ricevuto la tua storia"),
                "stories/email/submission_sender.txt",
                [submission.email],
            ),
        ],
        context,
    )
