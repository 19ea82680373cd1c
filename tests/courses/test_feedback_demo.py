"""The demo shows the evaluation out of the box, in both languages: past events with people
checked in and a spread of answers."""

from django.utils import timezone

from wagtail.models import Locale

import pytest

from courses.models import CoursePage
from tests.html import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_impact_page_shows_the_participants_figures(client, demo, prefix):
    url = "/impatto/" if not prefix else "/en/impact/"
    response = client.get(url)
    assert response.status_code == 200, url
    html = parse(response)
    for key in ("participants_present", "average_rating", "recommend_share", "training_hours"):
        value = html.select_one(f"#{key} .impact-figure__value").get_text(strip=True)
        assert value and value[0].isdigit(), (key, value)
    assert html.select("#rating_by_year_and_kind svg")
    assert html.select("#top_needs tbody tr")


def test_every_past_demo_event_has_enough_answers_to_show(client, demo):
    past = CoursePage.objects.live().filter(locale__language_code="it", end__lt=timezone.now())
    assert past
    for course in past:
        text = parse(client.get(course.url)).select_one(".event__rating-value").get_text()
        assert "su 5, da" in text, course.title
    english = past[0].get_translation(Locale.objects.get(language_code="en"))
    text = parse(client.get(english.url)).select_one(".event__rating-value").get_text()
    assert "out of 5" in text
