"""Italian typography of dates and numbers, from the locale formats, in both languages."""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.formats import number_format

import pytest

from courses.factories import CourseIndexPageFactory, CoursePageFactory
from innovators.factories import ClubDirectoryPageFactory, InnovatorFactory
from tests.html import parse

THURSDAY = datetime.datetime(2026, 11, 26, 18, 0, tzinfo=ZoneInfo("Europe/Rome"))
# Machine-readable patterns a template may write out; everything a reader sees uses a name.
MACHINE_FORMATS = {"Y-m-d", "c", "Ymd"}


def render(text: str, language: str, **context) -> str:
    with translation.override(language):
        return Template(text).render(Context(context))


@pytest.mark.parametrize(
    ("language", "dates", "number"),
    [
        ("it", "giovedì 26 novembre 2026, 18:00 · 26 novembre 2026 · novembre 2026", "1.234,5"),
        ("en", "Thursday 26 November 2026, 18:00 · 26 November 2026 · November 2026", "1,234.5"),
    ],
)
def test_dates_and_numbers_in_both_languages(language, dates, number):
    text = (
        '{{ d|date:"DATETIME_FORMAT" }} · {{ d|date:"DATE_FORMAT" }} · '
        '{{ d|date:"YEAR_MONTH_FORMAT" }}'
    )
    assert render(text, language, d=THURSDAY) == dates
    with translation.override(language):
        assert number_format(1234.5, 1, force_grouping=True) == number


def test_an_event_page_writes_its_date_in_lower_case(client, home_page):
    index = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(
        parent=index, start=THURSDAY, end=THURSDAY + datetime.timedelta(hours=2)
    )
    html = parse(client.get(course.url))
    assert "giovedì 26 novembre 2026, 18:00" in html.select_one("main").get_text()
    assert "Giovedì" not in html.get_text() and "Novembre" not in html.get_text()


def test_no_template_writes_a_date_pattern_for_readers():
    pattern = re.compile(r"""\|(?:date|time):["']([^"']+)["']""")
    offenders = []
    for template in Path(settings.BASE_DIR).glob("*/templates/**/*.*"):
        for found in pattern.findall(template.read_text()):
            if found not in MACHINE_FORMATS and not found.endswith("_FORMAT"):
                offenders.append(f"{template}: {found}")
    assert not offenders


def test_a_club_profile_shows_the_short_description_once(client, home_page):
    club = ClubDirectoryPageFactory(parent=home_page)
    innovator = InnovatorFactory(
        name="Vivai Verde",
        short_description="Piante per città più fresche & vivibili.",
        description=(
            '<p data-block-key="a1">Piante per città più fresche &amp; vivibili.</p>'
            "<p>Dal 1990 a Pistoia.</p>"
        ),
    )
    text = parse(client.get(f"{club.url}{innovator.slug}/")).select_one("main").get_text()
    assert text.count("Piante per città più fresche") == 1
    assert "Dal 1990 a Pistoia." in text
    other = InnovatorFactory(name="Altro", description="<p>Un testo diverso.</p>")
    assert other.description_body == "<p>Un testo diverso.</p>"
