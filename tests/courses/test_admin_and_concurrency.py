"""Editors' side (registration list, CSV export, check-in, counts) and seats under concurrency."""

import csv
import io
from pathlib import Path

from django.contrib.auth import get_user_model

import pytest

from courses.factories import CoursePageFactory, RegistrationFactory
from courses.models import RegistrationStatus
from tests.databases import run_python, separate_database
from tests.html import parse

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "password")
    client.force_login(user)
    return client


def test_csv_export_of_one_event(editor_client, course, course_index):
    RegistrationFactory(event=course, name="Anna Bianchi", email="anna@example.org", code="ABC234")
    RegistrationFactory(event=course, status=RegistrationStatus.WAITING, name="Bruno Neri")
    RegistrationFactory(event=CoursePageFactory(parent=course_index), name="Altro Evento")
    response = editor_client.get(
        f"/admin/snippets/courses/registration/?event={course.pk}&export=csv"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="iscrizioni.csv"')
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert sorted(row["Nome e cognome"] for row in rows) == ["Anna Bianchi", "Bruno Neri"]
    anna = next(row for row in rows if row["Codice"] == "ABC234")
    assert anna["E-mail"] == "anna@example.org"
    assert anna["Evento"] == course.title
    assert anna["Stato"] in {"confirmed", "Confermata"}


def test_registration_listing_filters_by_event_and_status(editor_client, course):
    RegistrationFactory(event=course, name="Anna Bianchi")
    RegistrationFactory(event=course, name="Carla Verdi", status=RegistrationStatus.CANCELLED)
    response = editor_client.get(
        f"/admin/snippets/courses/registration/?event={course.pk}&status=confirmed"
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "Anna Bianchi" in text
    assert "Carla Verdi" not in text


def test_event_edit_view_shows_the_counts(editor_client, course):
    RegistrationFactory.create_batch(2, event=course)
    RegistrationFactory(event=course, status=RegistrationStatus.WAITING)
    response = editor_client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    text = " ".join(parse(response).get_text(" ").split())
    assert "2 confermate su 2 posti · 1 in lista d'attesa · 0 annullate" in text


def test_checkin_by_code_or_name(editor_client, course):
    anna = RegistrationFactory(event=course, name="Anna Bianchi", code="ABC234")
    RegistrationFactory(event=course, name="Bruno Neri")
    page = parse(editor_client.get("/admin/iscrizioni/check-in/?q=abc234"))
    assert [row.select_one("td").get_text(strip=True) for row in page.select("tbody tr")] == [
        "ABC234"
    ]
    page = parse(editor_client.get("/admin/iscrizioni/check-in/?q=neri"))
    assert "Bruno Neri" in page.select_one("tbody").get_text()

    response = editor_client.post(
        "/admin/iscrizioni/check-in/?q=ABC234", {"registration": anna.pk, "action": "attend"}
    )
    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.attended


def test_checkin_needs_permission(client, course, django_user_model):
    user = django_user_model.objects.create_user("reader", password="password")
    client.force_login(user)
    assert client.get("/admin/iscrizioni/check-in/").status_code in {302, 403}


CONCURRENT_REGISTRATIONS = """
import threading
import django
django.setup()
from django.db import connection
from wagtail.models import Locale, Page
from courses import services
from courses.factories import CourseIndexPageFactory, CoursePageFactory, RegistrationFactory
from courses.models import Registration

index = CourseIndexPageFactory(parent=Page.get_first_root_node())
course = CoursePageFactory(parent=index, capacity=5)
RegistrationFactory.create_batch(2, event=course)
english = course.copy_for_translation(
    Locale.objects.get(language_code="en"), copy_parents=True, alias=False
)
connection.close()
start = threading.Barrier(20)
errors = []

def attempt(number):
    try:
        start.wait()
        page = english if number % 2 else course  # one set of seats in both languages
        services.register(page, name=f"Persona {number}", email=f"p{number}@example.org")
    except Exception as error:
        errors.append(repr(error))
    finally:
        connection.close()

threads = [threading.Thread(target=attempt, args=(n,)) for n in range(20)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
statuses = list(Registration.objects.filter(event_id=course.pk).values_list("status", flat=True))
print(statuses.count("confirmed"), statuses.count("waiting"), errors)
"""


def test_no_overbooking_when_many_register_at_once(tmp_path, migrated_sqlite):
    """20 people ask at the same moment for the last 3 of 5 seats: 5 confirmed, 17 waiting,
    half of them on the English page of the course (the same seats).

    Run in a separate process on a database of its own (`tests.databases`), each thread with
    its own connection: a SQLite file configured as the embedded default (WAL, `BEGIN
    IMMEDIATE`), or a PostgreSQL database under `make test-services`, where the same code relies
    on the row lock of `select_for_update`.
    """
    with separate_database(tmp_path, migrated_sqlite) as database_url:
        result = run_python(database_url, "-c", CONCURRENT_REGISTRATIONS)
    assert result.stdout.split("\n")[-2] == "5 17 []", result.stdout + result.stderr
