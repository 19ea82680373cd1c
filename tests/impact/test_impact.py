"""The impact page: every indicator against data the test creates, charts, open data, queries."""

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ET

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from courses.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    RegistrationFactory,
    SessionIndexPageFactory,
    SessionPageFactory,
    in_days,
)
from courses.models import RegistrationStatus
from home.factories import ImpactPageFactory
from home.impact.indicators import INDICATORS, compute, impact_figures
from home.models import ImpactPage
from innovators.factories import InnovatorFactory, SectorFactory
from innovators.models import Municipality
from stories.factories import StoryIndexPageFactory, StoryPageFactory

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def data(home_page, phases):
    vivaismo = SectorFactory(name="Vivaismo", slug="vivaismo")
    digitale = SectorFactory(name="Digitale", slug="digitale")
    pistoia = Municipality.objects.get(istat_code="047014")
    quarrata = Municipality.objects.exclude(pk=pistoia.pk).first()
    InnovatorFactory(sector=vivaismo, municipality=pistoia, joined_on=datetime.date(2025, 3, 5))
    InnovatorFactory(sector=vivaismo, municipality=quarrata, joined_on=datetime.date(2025, 3, 20))
    InnovatorFactory(sector=digitale, municipality=pistoia, joined_on=datetime.date(2025, 5, 1))
    InnovatorFactory(sector=digitale, municipality=pistoia, is_club_member=False)
    InnovatorFactory(sector=digitale, municipality=pistoia, live=False)  # a draft: not counted
    stories = StoryIndexPageFactory(parent=home_page)
    StoryPageFactory(parent=stories, phase=phases[0])
    StoryPageFactory(parent=stories, phase=phases[2])
    StoryPageFactory(parent=stories, phase=phases[2])
    draft = StoryPageFactory(parent=stories, phase=phases[2])
    draft.unpublish()
    courses = CourseIndexPageFactory(parent=home_page)
    sessions = SessionIndexPageFactory(parent=home_page)
    past = CoursePageFactory(parent=courses, start=in_days(-10), capacity=10)
    CoursePageFactory(parent=courses, start=in_days(10), capacity=10)
    CoursePageFactory(parent=courses, start=in_days(-5), cancelled=True, capacity=50)
    SessionPageFactory(parent=sessions, start=in_days(-3), capacity=20)
    for _ in range(4):
        RegistrationFactory(event=past)
    RegistrationFactory(event=past, status=RegistrationStatus.WAITING)
    RegistrationFactory(event=past, status=RegistrationStatus.CANCELLED)
    return {"vivaismo": vivaismo, "digitale": digitale, "pistoia": pistoia, "quarrata": quarrata}


def values():
    return compute("it")["values"]


def test_every_indicator_from_the_data(data):
    v = values()
    assert v["innovators_total"] == 4
    assert v["club_members"] == 3
    assert {row["key"]: row["value"] for row in v["innovators_by_sector"]} == {
        "digitale": 2,
        "vivaismo": 2,
    }
    by_municipality = {row["label"]: row["value"] for row in v["innovators_by_municipality"]}
    assert by_municipality == {data["pistoia"].name: 3, data["quarrata"].name: 1}
    assert [(row["key"], row["value"]) for row in v["club_growth"]][:2] == [
        ("2025-03", 2),
        ("2025-05", 3),
    ]
    assert v["stories_total"] == 3
    assert {row["key"]: row["value"] for row in v["stories_by_phase"]} == {"1": 1, "3": 2}
    assert (v["courses_held"], v["courses_upcoming"]) == (1, 1)
    assert (v["sessions_held"], v["sessions_upcoming"]) == (1, 0)
    assert v["registrations_confirmed"] == 4
    assert v["waiting_list"] == 1
    assert v["seats_capacity"] == 40  # the cancelled course's seats are not counted
    assert v["seats_filled"] == 10
    assert sum(row["value"] for row in v["registrations_by_month"]) == 5
    assert [row["status"] for row in v["phases"]] == [
        "Conclusa",
        "Conclusa",
        "In corso",
        "In programma",
    ]


def test_publishing_one_more_innovator_moves_the_cached_figure(data):
    assert impact_figures()["values"]["innovators_total"] == 4
    draft = InnovatorFactory(sector=data["digitale"], live=False)
    assert impact_figures()["values"]["innovators_total"] == 4
    draft.live = True
    draft.save()  # publishing renews the content version
    assert impact_figures()["values"]["innovators_total"] == 5


def test_an_indicator_is_not_computed_again_until_content_changes(data, django_assert_num_queries):
    impact_figures()
    with django_assert_num_queries(0):  # served from the cache until the next change
        impact_figures()


@pytest.fixture
def impact_page(home_page):
    return ImpactPageFactory(parent=home_page)


def test_one_impact_page_per_home(impact_page, home_page):
    assert not ImpactPage.can_create_at(home_page)
    assert ImpactPage.allowed_subpage_models() == []


def test_the_page_shows_every_figure_with_accessible_charts(client, data, impact_page):
    response = client.get("/impatto/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    figures = {node["id"]: node for node in html.select(".impact-figure")}
    assert set(figures) == {indicator.key for indicator in INDICATORS}
    assert figures["innovators_total"].select_one(".impact-figure__value").text.strip() == "4"
    # The SVG straight from the response: an HTML parser would lowercase viewBox.
    charts = re.findall(r"<svg.*?</svg>", response.content.decode(), re.S)
    # 5, and 3 of attendance (present, rate, hours): the past course had no check-in.
    assert len(charts) == 8
    for svg in charts:
        root = ET.fromstring(svg)
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and title.text
        assert desc is not None and desc.text
        assert root.get("role") == "img"
        assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert root.get("viewBox")
    sector_section = figures["innovators_by_sector"]
    sector_chart = next(svg for svg in charts if "chart-innovators-by-sector-title" in svg)
    bars = ET.fromstring(sector_chart).findall(f".//{SVG}rect")
    assert len(bars) == 2
    assert [bar.find(f"{SVG}title").text for bar in bars] == ["Vivaismo: 2", "Digitale: 2"]
    rows = sector_section.select("table tbody tr")
    assert [(row.th.text, row.td.text) for row in rows] == [("Vivaismo", "2"), ("Digitale", "2")]
    assert not html.select("script[src]")  # no chart script, no CDN


def test_figure_blocks_choose_and_order_the_indicators(client, data, home_page):
    ImpactPageFactory(
        parent=home_page,
        body=[
            ("paragraph", "<p>Commento della redazione.</p>"),
            ("figure", {"indicator": "stories_total", "heading": "", "commentary": "Bene."}),
            ("figure", {"indicator": "club_growth", "heading": "Il club", "commentary": ""}),
        ],
    )
    html = BeautifulSoup(client.get("/impatto/").content, "html.parser")
    assert [node["id"] for node in html.select(".impact-figure")] == [
        "stories_total",
        "club_growth",
    ]
    assert "Commento della redazione." in html.text
    assert html.select_one("#club_growth h2").text == "Il club"


def test_query_count_does_not_grow_with_the_data(
    client, data, impact_page, django_assert_max_num_queries
):
    def measure():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/impatto/").status_code == 200
        return len(queries)

    client.get("/impatto/")  # the first request creates the site settings row
    small = measure()
    for n in range(30):
        InnovatorFactory(sector=data["vivaismo"], joined_on=datetime.date(2024, 1 + n % 12, 1))
    large = measure()
    assert large == small
    client.get("/impatto/")  # fills the fragment cache and the figures' cache
    with django_assert_max_num_queries(25):  # warm, as readers mostly get it
        assert client.get("/impatto/").status_code == 200


def test_open_data_json(client, data):
    response = client.get("/api/impatto.json")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert datetime.datetime.fromisoformat(body["computed_at"]) <= timezone.now()
    by_key = {item["key"]: item for item in body["indicators"]}
    assert by_key["innovators_total"]["value"] == 4
    assert by_key["seats_filled"] == {
        **by_key["seats_filled"],
        "value": 10,
        "capacity": 40,
        "unit": "%",
    }
    assert {row["key"]: row["value"] for row in by_key["innovators_by_sector"]["series"]} == {
        "digitale": 2,
        "vivaismo": 2,
    }
    assert by_key["club_growth"]["csv"].endswith("/api/impatto/club_growth.csv")
    english = json.loads(client.get("/api/impatto.json?lang=en").content)
    assert english["indicators"][0]["label"] == "Innovators on the map"


def test_open_data_csv_per_indicator(client, data):
    response = client.get("/api/impatto/innovators_by_municipality.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {row["label"]: int(row["value"]) for row in rows} == {
        data["pistoia"].name: 3,
        data["quarrata"].name: 1,
    }
    single = list(
        csv.DictReader(io.StringIO(client.get("/api/impatto/club_members.csv").content.decode()))
    )
    assert single[0]["value"] == "3"
    assert client.get("/api/impatto/nope.csv").status_code == 404


def test_home_links_to_the_impact_page_with_live_numbers(client, data, impact_page, programme_page):
    html = BeautifulSoup(client.get("/").content, "html.parser")
    strip = html.select_one('[aria-labelledby="impact-heading"]')
    assert strip is not None
    values = [node.text.strip() for node in strip.select(".key-figures__value")]
    assert values == ["4", "3", "4"]
    assert strip.select_one('a[href="/impatto/"]')
    phase_4 = html.select(".timeline__phase")[3]
    assert phase_4.select_one('a[href="/impatto/"]')
