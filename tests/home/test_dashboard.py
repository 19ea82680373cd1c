"""The admin dashboard's panels, as a moderator and as the events desk, with flat query counts."""

import hashlib
import inspect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

import pytest

from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    RegistrationFactory,
    SessionIndexPageFactory,
    SessionPageFactory,
)
from courses.models import (
    CourseIndexPage,
    CoursePage,
    RegistrationStatus,
    SessionIndexPage,
    SessionPage,
)
from innovators.factories import JoinRequestFactory
from portal.review_panel import LIMIT, MIRRORS
from stories.editorial import attach_editorial_workflow, editorial_workflow
from stories.factories import StoryIndexPageFactory, StoryPageFactory, StorySubmissionFactory
from stories.models import StoryPage
from tests.html import parse, texts

DASHBOARD = "/admin/"


def member(client, username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


@pytest.fixture
def story_index(home_page):
    index = StoryIndexPageFactory(parent=home_page)
    attach_editorial_workflow(index)
    return index


def fill(home_page, story_index, size: int, requester):
    """`size` stories in review, submissions, join requests and upcoming events."""
    courses = CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=home_page)
    sessions = SessionIndexPage.objects.first() or SessionIndexPageFactory(parent=home_page)
    start = StoryPage.objects.count()
    for number in range(start, start + size):
        story = StoryPageFactory(parent=story_index, title=f"Storia {number}", live=False)
        story.save_revision(user=requester)
        editorial_workflow().start(story, requester)
        StorySubmissionFactory(title=f"Inviata {number}")
        JoinRequestFactory()
        course = CoursePageFactory(parent=courses, capacity=3)
        RegistrationFactory.create_batch(3, event=course)
        RegistrationFactory(event=course, status=RegistrationStatus.WAITING)
        SessionPageFactory(parent=sessions, capacity=10)


def panel(page, name):
    return page.select_one(f"[data-dashboard={name}]")


def test_moderator_sees_reviews_submissions_and_events(client, home_page, story_index):
    requester = member(client, "redazione", "Redazione")
    fill(home_page, story_index, 2, requester)
    client.logout()
    member(client, "moderazione", "Moderazione")
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    page = parse(response)
    pending = panel(page, "pending")
    assert {"Storia 0", "Storia 1"} <= set(texts(pending.select("td.title a")))
    assert "Redazione" in pending.get_text() or "redazione" in pending.get_text()
    submissions = panel(page, "submissions")
    assert set(texts(submissions.select("td.title a"))) == {"Inviata 0", "Inviata 1"}
    assert panel(page, "join-requests") is not None
    events = panel(page, "events")
    course_rows = [row for row in events.select("tbody tr") if row.select_one("[data-waiting='1']")]
    assert len(course_rows) == 2
    assert all(row.select_one("[data-seats-left]")["data-seats-left"] == "0" for row in course_rows)
    # Wagtail's own review panel (with its approve/reject actions) is still there.
    assert page.select_one("#awaiting-review-content")
    # Moderazione has no desk rights: no links to the registrations or the check-in.
    assert "/admin/iscrizioni/check-in/" not in response.content.decode()


def test_events_desk_sees_only_the_events(client, home_page, story_index):
    requester = member(client, "redazione", "Redazione")
    fill(home_page, story_index, 1, requester)
    client.logout()
    member(client, "accoglienza", "Accoglienza")
    page = parse(client.get(DASHBOARD))
    assert panel(page, "submissions") is None and panel(page, "join-requests") is None
    assert panel(page, "pending") is None  # the review queue holds nothing it may open
    events = panel(page, "events")
    assert events.select_one("a[href^='/admin/iscrizioni/check-in/?event=']")


def test_each_event_is_listed_once_whatever_its_translations(client, home_page, story_index):
    from wagtail.models import Locale

    fill(home_page, story_index, 1, member(client, "redazione", "Redazione"))
    english = Locale.objects.get(language_code="en")
    for event in [*CoursePage.objects.all(), *SessionPage.objects.all()]:
        event.copy_for_translation(english, copy_parents=True).save_revision().publish()
    client.logout()
    member(client, "accoglienza", "Accoglienza")
    rows = panel(parse(client.get(DASHBOARD)), "events").select("tbody tr")
    originals = [
        *CoursePage.objects.filter(locale__language_code="it"),
        *SessionPage.objects.filter(locale__language_code="it"),
    ]
    links = [row.select_one("td.title a")["href"] for row in rows]
    assert sorted(links) == sorted(f"/admin/pages/{event.pk}/edit/" for event in originals)
    assert all(row.select_one("a[href^='/admin/iscrizioni/check-in/?event=']") for row in rows)


def count_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(DASHBOARD).status_code == 200
    return len(queries)


def test_dashboard_queries_do_not_grow(
    client, home_page, story_index, django_assert_max_num_queries
):
    requester = member(client, "redazione", "Redazione")
    fill(home_page, story_index, LIMIT + 1, requester)  # every panel full
    client.logout()
    member(client, "moderazione", "Moderazione")
    count_queries(client)  # warm the per-process caches (content types, site)
    small = count_queries(client)
    fill(home_page, story_index, LIMIT * 2, requester)  # more than any panel shows
    with django_assert_max_num_queries(small):
        client.get(DASHBOARD)


def test_the_capped_review_panel_still_mirrors_wagtails():
    # portal/review_panel.py copies the row building of Wagtail's panel: a Wagtail upgrade that
    # changes it must be read and carried over before the pin moves.
    source = inspect.getsource(WorkflowObjectsToModeratePanel.get_context_data)
    assert hashlib.sha256(source.encode()).hexdigest() == MIRRORS, (
        "Wagtail's WorkflowObjectsToModeratePanel changed: update portal/review_panel.py"
    )
