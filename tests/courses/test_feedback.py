"""Phase 4, Valutazione: an event ends, the people checked in are asked once, their anonymous
answers show on the event's page and the impact page from 5 answers up."""

import csv
import datetime
import io
import re

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from courses.factories import CoursePageFactory, RegistrationFactory
from courses.feedback.links import make_token, use_key
from courses.models import FeedbackAnswer, FeedbackLinkUse, Registration, RegistrationStatus
from home.factories import ImpactPageFactory
from innovators.models import OfferCategory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://\S+/valutazione/(\S+)/")


def ago(**delta):
    return timezone.now() - datetime.timedelta(**delta)


@pytest.fixture
def needs():
    return [
        OfferCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order}
        )[0]
        for order, (slug, name, name_en) in enumerate(
            [("competenze", "Competenze", "Skills"), ("mentoring", "Mentoring", "Mentoring")]
        )
    ]


@pytest.fixture
def ended(course_index):
    """A course that ended yesterday: five people checked in, one confirmed who did not come."""
    course = CoursePageFactory(
        parent=course_index,
        title="Design thinking",
        start=ago(days=1, hours=3),
        end=ago(days=1),
        duration_hours=3,
        capacity=10,
    )
    for number in range(5):
        RegistrationFactory(
            event=course, email=f"presente{number}@example.org", attended_at=ago(days=1, hours=2)
        )
    RegistrationFactory(event=course, email="assente@example.org")
    return course


def answer(client, url, rating, recommend, needs=(), **extra):
    page = client.get(url)
    assert page.status_code == 200
    form = BeautifulSoup(page.content, "html.parser").select_one("form.feedback__form")
    names = {node["name"] for node in form.select("input[type=radio]")}
    recommend_name = next(
        name
        for name in names
        if name != "rating" and len(form.select(f"input[name='{name}']")) == 11
    )
    data = {"rating": rating, recommend_name: recommend, "needs": [n.pk for n in needs], **extra}
    return client.post(url, data)


def links_in_outbox():
    return {message.to[0]: LINK.search(message.body).group(0) for message in mail.outbox}


def rating_text(client, event):
    html = BeautifulSoup(client.get(event.url).content, "html.parser")
    return " ".join(html.select_one(".event__rating-value").get_text(" ").split())


def test_the_whole_loop(client, ended, needs, home_page):
    ImpactPageFactory(parent=home_page)
    call_command("send_feedback_requests")
    call_command("send_feedback_requests")  # a second run sends nothing
    links = links_in_outbox()
    assert sorted(links) == [f"presente{number}@example.org" for number in range(5)]
    assert "assente@example.org" not in links
    assert len(mail.outbox) == 5
    assert all("Design thinking" in message.subject for message in mail.outbox)

    urls = [links[f"presente{number}@example.org"] for number in range(5)]
    for url, rating in zip(urls[:4], [5, 4, 4, 3], strict=True):
        response = answer(client, url, rating, 10, needs[:1])
        assert response.status_code == 302
    assert "dati insufficienti" in rating_text(client, ended)
    impact = BeautifulSoup(client.get("/impatto/").content, "html.parser")
    assert "dati insufficienti" in impact.select_one("#average_rating").get_text()

    answer(client, urls[4], 5, 6, needs)
    assert rating_text(client, ended) == "Valutazione dei partecipanti: 4,2 su 5, da 5 risposte"
    recommend = BeautifulSoup(client.get(ended.url).content, "html.parser").select_one(
        ".event__rating-recommend"
    )
    assert recommend.get_text() == "Lo consiglierebbe il 80% di chi ha risposto."
    impact = BeautifulSoup(client.get("/impatto/").content, "html.parser")
    value = impact.select_one("#average_rating .impact-figure__value").get_text(strip=True)
    assert value == "4,2"
    present = impact.select_one("#participants_present .impact-figure__value")
    assert present.get_text(strip=True) == "5"
    assert impact.select_one("#attendance_rate .impact-figure__value").get_text() == "83 %"
    # The same figures as open data, read-only.
    rows = list(
        csv.reader(io.StringIO(client.get("/api/impatto/average_rating.csv").content.decode()))
    )
    assert rows[1][:3] == ["average_rating", "Valutazione media dei partecipanti (su 5)", "4.2"]
    assert client.post("/api/impatto/average_rating.csv").status_code == 405

    # A used link refuses a second answer; the answers name nobody.
    again = client.post(urls[0], {"rating": "1"})
    assert again.status_code == 409
    assert FeedbackAnswer.objects.count() == 5
    assert "Hai già risposto" in again.content.decode()
    stored = FeedbackAnswer.objects.values()[0]
    assert not {"registration_id", "email", "name"} & set(stored)
    assert FeedbackLinkUse.objects.count() == 5


def test_absent_participants_and_other_events_get_nothing(ended, course_index):
    CoursePageFactory(parent=course_index, start=ago(days=20, hours=2), end=ago(days=20))
    upcoming = CoursePageFactory(parent=course_index)
    RegistrationFactory(event=upcoming, attended_at=timezone.now())
    Registration.objects.filter(email="presente0@example.org").update(
        status=RegistrationStatus.CANCELLED
    )
    call_command("send_feedback_requests")
    # The cancelled one was checked in all the same: presence is what counts.
    assert len(mail.outbox) == 5
    assert not Registration.objects.filter(
        email="assente@example.org", feedback_requested_at__isnull=False
    ).exists()


def test_the_link_is_in_the_participants_language(client, ended):
    registration = Registration.objects.filter(attended_at__isnull=False).first()
    url = f"/en/valutazione/{make_token(registration.pk)}/"
    # The English page falls back on the original when the event has no translation.
    response = client.get(url)
    assert response.status_code == 200
    assert 'lang="en"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]  # personal: never in the page cache


def test_a_forged_expired_or_absent_link_is_refused(client, ended, settings):
    absent = Registration.objects.get(email="assente@example.org")
    assert client.get(f"/valutazione/{make_token(absent.pk)}/").status_code == 404
    assert client.get("/valutazione/1:abc:def/").status_code == 404
    assert client.get("/valutazione/%00%3Cscript%3E/").status_code == 404
    present = Registration.objects.filter(attended_at__isnull=False).first()
    token = make_token(present.pk)
    settings.FEEDBACK_LINK_DAYS = 0
    assert client.get(f"/valutazione/{token}/").status_code == 404
    assert not FeedbackLinkUse.objects.filter(key=use_key(present.pk)).exists()


def test_hostile_answers_never_break_the_page(client, ended, needs):
    present = Registration.objects.filter(attended_at__isnull=False).first()
    url = f"/valutazione/{make_token(present.pk)}/"
    for data in [
        {},
        {"rating": "6"},
        {"rating": "²"},
        {"rating": "5", "needs": ["99999", "x"]},
        {"rating": "5", "needs_other": "riga\nriga"},
        {"rating": "\x00"},
    ]:
        response = client.post(url, data)
        assert response.status_code == 200, data
        assert "form-error" in response.content.decode()
    assert FeedbackAnswer.objects.count() == 0
    html = answer(client, url, 4, 9, needs_other="<script>alert(1)</script>Spazi")
    assert html.status_code == 302
    assert FeedbackAnswer.objects.get().needs_other == "Spazi"


def test_honeypot_and_rate_limit(client, ended, settings):
    present = list(Registration.objects.filter(attended_at__isnull=False))
    bot = client.post(
        f"/valutazione/{make_token(present[0].pk)}/", {"rating": "5", "homepage": "x"}
    )
    assert bot.status_code == 302
    assert FeedbackAnswer.objects.count() == 0
    assert not FeedbackLinkUse.objects.exists()  # the link still works for its owner
    settings.COURSES_FEEDBACK_RATE = "1/h"
    url = f"/valutazione/{make_token(present[1].pk)}/"
    client.post(url, {})
    limited = client.post(url, {"rating": "5"})
    assert limited.status_code == 429
    assert FeedbackAnswer.objects.count() == 0


def test_marks_of_expired_links_are_deleted(ended):
    FeedbackLinkUse.objects.create(key="a" * 64, expires_on=timezone.localdate())
    FeedbackLinkUse.objects.create(key="b" * 64, expires_on=ago(days=1).date())
    call_command("send_feedback_requests")
    assert list(FeedbackLinkUse.objects.values_list("key", flat=True)) == ["a" * 64]
