"""The innovators' area (innovators/area/) lists an innovator's stories: those the editors
linked to it and those its people sent, with their state (and the moderators' reason when a
story was not published). Registered with the ``register_innovator_area_section`` hook, since
`innovators` imports nothing above it.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from innovators.area.registry import AreaItem, AreaSection
from stories.models import StoryPage, StorySubmission, StorySubmissionPage
from stories.models.submissions import SubmissionStatus


def _story_state(page) -> str:
    if page.live and not page.has_unpublished_changes:
        return _("Pubblicata")
    if page.live:
        return _("Pubblicata, con modifiche in revisione")
    return _("In preparazione")


def section(innovator, request) -> AreaSection:
    pages = list(
        StoryPage.objects.filter(
            innovator_links__innovator__translation_key=innovator.translation_key
        )
        .distinct()
        .defer_streamfields()
        .order_by("-first_published_at", "-pk")
    )
    submissions = list(
        StorySubmission.objects.filter(innovator__translation_key=innovator.translation_key)
        .exclude(story__in=[page.pk for page in pages])
        .order_by("-created_at", "-pk")
    )
    items = [
        AreaItem(
            title=page.title,
            state=_story_state(page),
            url=page.url if page.live else "",
            date=page.first_published_at,
        )
        for page in pages
    ]
    items += [
        AreaItem(
            title=submission.title,
            state=submission.get_status_display(),
            date=submission.created_at,
            note=submission.decline_reason
            if submission.status == SubmissionStatus.REJECTED
            else "",
        )
        for submission in submissions
    ]
    form = (
        StorySubmissionPage.objects.live().filter(locale__language_code=get_language()).first()
        or StorySubmissionPage.objects.live().first()
    )
    export = [
        {
            "title": item.title,
            "state": str(item.state),
            "url": item.url,
            "date": item.date,
            "moderators_reason": item.note,
        }
        for item in items
    ]
    return AreaSection(
        key="stories",
        heading=_("Le vostre storie"),
        items=items,
        empty=_("Nessuna storia finora."),
        action_label=_("Racconta una storia") if form else "",
        action_url=form.url if form else "",
        order=10,
        export=export,
    )
