"""The editors' evaluation reports: who sees what, the exports as a spreadsheet reads them, and
queries that do not grow with the answers. Logged in as members of the groups the migrations
made (never as a superuser)."""

import csv
import datetime
import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

import openpyxl
import pytest

from courses.desk import DESK, EDITORS, MODERATORS
from courses.factories import CoursePageFactory, RegistrationFactory, SessionPageFactory
from courses.models import FeedbackAnswer
from home.factories import ImpactPageFactory
from innovators.models import OfferCategory
from tests.html import parse

pytestmark = pytest.mark.django_db

REPORT = "/admin/valutazione/"
USEFUL = "00000000-0000-4000-8000-000000000002"  # the default questionnaire's first scale
HOSTILE_TITLE = '=HYPERLINK("https://example.org","clic")'


def member_of(client, group_name):
    user = get_user_model().objects.create_user(group_name.lower(), password="x")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


def held_event(parent, factory=CoursePageFactory, answers=6, present=8, **fields):
    event = factory(parent=parent, start=ago(days=3, hours=2), end=ago(days=3), **fields)
    for _number in range(present):
        RegistrationFactory(event=event, attended_at=ago(days=3, hours=1))
    RegistrationFactory(event=event)  # absent
    FeedbackAnswer.objects.bulk_create(
        FeedbackAnswer(
            event=event,
            rating=3 + number % 3,
            recommend=10 - number % 4,
            answers={"00000000-0000-4000-8000-000000000004": f"Risposta aperta {number}"},
        )
        for number in range(answers)
    )
    return event


@pytest.fixture
def events(course_index, session_index):
    return [
        held_event(course_index, title=HOSTILE_TITLE, duration_hours=6),
        held_event(session_index, SessionPageFactory, answers=3),
    ]


@pytest.mark.parametrize("group", [EDITORS, MODERATORS])
def test_editors_and_moderators_see_the_answers(client, events, group):
    spaces = OfferCategory.objects.create(slug="spazi-prova", name="Spazi", name_en="Spaces")
    for answer in FeedbackAnswer.objects.filter(event=events[0])[:2]:
        answer.needs.add(spaces)
        answer.answers[USEFUL] = 5  # an optional scale only two answered
        answer.save()
    member_of(client, group)
    html = parse(client.get(REPORT))
    assert "Valutazione media" in html.text
    rows = html.select("table")[0].select("tbody tr")
    assert len(rows) == 2
    detail = parse(client.get(f"{REPORT}{events[0].pk}/"))
    assert "Risposta aperta 0" in detail.text
    assert "Lo consiglierebbero" in detail.text
    useful = detail.find("h2", string="Quanto ti è stato utile per il tuo lavoro?")
    assert "Dati insufficienti" in useful.find_next_sibling().text  # 2 answers to it, of 6
    needs = {row.th.text: row.td.text for row in detail.select("table")[-1].select("tbody tr")}
    assert needs == {"Spazi": "2"}
    few = parse(client.get(f"{REPORT}{events[1].pk}/"))  # 3 answers
    assert "Dati insufficienti" in few.text
    assert "Risposta aperta" not in few.text


def test_the_desk_sees_attendance_only(client, events):
    member_of(client, DESK)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = parse(response)
    assert "Presenti" in html.text
    assert "Valutazione media" not in html.text
    detail = parse(client.get(f"{REPORT}{events[0].pk}/"))
    assert "Risposta aperta" not in detail.text
    assert "Tasso di presenza" in detail.text
    exported = client.get(REPORT + "?export=csv")
    headings = next(csv.reader(io.StringIO(b"".join(exported.streaming_content).decode())))
    assert "Presenti" in headings and "Valutazione media" not in headings


def test_readers_and_strangers_are_kept_out(client, events):
    assert client.get(REPORT).status_code == 302  # to the login
    user = get_user_model().objects.create_user("lettore", password="x")
    client.force_login(user)
    assert client.get(REPORT).status_code in (302, 403)


def test_exports_hold_no_formula(client, events):
    member_of(client, EDITORS)
    response = client.get(REPORT + "?export=csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    course = next(row for row in rows if "HYPERLINK" in row["Evento"])
    assert course["Evento"] == "'" + HOSTILE_TITLE
    assert course["Presenti"] == "8" and course["Assenti"] == "1"
    assert course["Risposte"] == "6" and course["Valutazione media"] == "4.0"
    session = next(row for row in rows if "HYPERLINK" not in row["Evento"])
    assert session["Valutazione media"] == ""  # 3 answers: not shown
    xlsx = client.get(REPORT + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content))).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert not [cell for cell in cells if cell.data_type == "f"]
    assert "'" + HOSTILE_TITLE in [cell.value for cell in cells]


def test_report_and_impact_queries_stay_flat(
    client, course_index, session_index, home_page, django_assert_max_num_queries
):
    ImpactPageFactory(parent=home_page)
    member_of(client, EDITORS)
    held_event(course_index, answers=6)
    held_event(session_index, SessionPageFactory, answers=6)

    def count_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        counts = []
        for url in (REPORT, "/impatto/"):
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200
            counts.append(len(captured))
        return counts

    count_queries()  # the site, the menus, the user's profile: cached from now on
    held_event(course_index, answers=6)  # renews the content version: figures computed again
    small = count_queries()
    for _ in range(3):
        held_event(course_index, answers=60, present=60)
    FeedbackAnswer.objects.bulk_create(
        FeedbackAnswer(event_id=FeedbackAnswer.objects.first().event_id, rating=4)
        for _ in range(60)
    )
    large = count_queries()  # ten times the answers, four times the events
    assert large == small
