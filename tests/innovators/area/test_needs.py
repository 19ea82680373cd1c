"""What innovators need now: asked the same way in the join form and in their area, added up
by sector and comune for the editors and by category on the impact page."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from innovators.models import Innovator, InnovatorNeeds, OfferCategory
from innovators.models.needs import save_needs
from innovators.needs_report import needs_by_category, needs_table
from tests.html import parse
from tests.innovators.area.conftest import sign_in

pytestmark = pytest.mark.django_db

NEEDS = "/area-innovatori/bisogni/"


@pytest.fixture
def categories():
    return {
        slug: OfferCategory.objects.get_or_create(
            slug=slug, defaults={"name": name, "name_en": name_en}
        )[0]
        for slug, name, name_en in [
            ("competenze", "Competenze", "Skills"),
            ("mentoring", "Mentoring", "Mentoring"),
        ]
    }


def test_the_join_form_asks_the_needs(client, club_page, data, categories):
    form = parse(client.get("/club/aderisci/")).select_one("form")
    assert form.select("input[name=needs][type=checkbox]")
    response = client.post(
        "/club/aderisci/",
        {**data, "needs": [categories["mentoring"].pk], "needs_other": "Un laboratorio"},
    )
    assert response.status_code == 302
    needs = InnovatorNeeds.objects.get(innovator=Innovator.objects.get(name="Officina Nuova"))
    assert list(needs.categories.all()) == [categories["mentoring"]]
    assert needs.other == "Un laboratorio"
    # A draft's needs are not counted until it is published.
    assert needs_by_category() == []


def test_a_bad_need_is_refused_and_nothing_is_saved(client, club_page, data, categories):
    response = client.post("/club/aderisci/", {**data, "needs": ["999999"]})
    assert response.status_code == 200
    assert not Innovator.objects.filter(name="Officina Nuova").exists()


def test_the_area_keeps_them_current(client, verde, categories):
    sign_in(client, "anna@vivai-verde.example.org")
    area = parse(client.get("/area-innovatori/"))
    assert area.select_one("#area-needs")
    assert "/area-innovatori/bisogni/" in str(area.select_one("#area-needs").parent)
    assert client.post(NEEDS, {"needs": ["x"]}).status_code == 200  # re-rendered
    response = client.post(NEEDS, {"needs": [categories["competenze"].pk]})
    assert response.status_code == 302
    area = parse(client.get("/area-innovatori/"))
    assert "Competenze" in area.select_one("[data-area-section=needs]").text
    client.post(NEEDS, {"needs": [categories["mentoring"].pk], "needs_other": "Spazi"})
    needs = InnovatorNeeds.objects.get(innovator=verde)
    assert list(needs.categories.all()) == [categories["mentoring"]]
    assert needs_by_category() == [{"slug": "mentoring", "label": "Mentoring", "count": 1}]
    by_sector = needs_table("sector")
    assert by_sector["rows"][0]["label"] == "Vivaismo"
    by_comune = needs_table("municipality")
    assert by_comune["rows"][0]["label"] == verde.municipality.name


def test_the_area_needs_page_is_for_signed_in_innovators(client):
    assert client.get(NEEDS).status_code == 302


@pytest.mark.parametrize(
    ("group", "status"), [("Redazione", 200), ("Moderazione", 200), ("Accoglienza", 403)]
)
def test_the_editors_report(client, innovators, categories, group, status):
    save_needs(innovators["verde"], [categories["competenze"]])
    save_needs(innovators["nuvola"], [categories["competenze"], categories["mentoring"]])
    user = get_user_model().objects.create_user(group.lower(), password="x")
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    client.force_login(user)
    response = client.get("/admin/innovatori/bisogni/")
    if status != 200:
        assert response.status_code in (302, 403)
        return
    html = parse(response)
    rows = {row.th.text: [td.text for td in row.select("td")] for row in html.select("tbody tr")}
    assert rows["Vivaismo"][-1] == "1"
    assert rows["Digitale"][-1] == "2"


def test_the_impact_page_counts_innovators_not_choices(verde, categories, settings):
    """One innovator choosing several needs is one answer: below 5 innovators, no figure."""
    from home.impact.indicators import compute

    more = [
        OfferCategory.objects.create(slug=f"bisogno-{number}", name=f"Bisogno {number}")
        for number in range(4)
    ]
    save_needs(verde, [*categories.values(), *more])  # six choices, one innovator
    assert compute()["values"]["top_needs"] == []
    settings.FEEDBACK_MIN_ANSWERS = 1
    top = compute()["values"]["top_needs"]
    assert {row["key"] for row in top} == {*categories, *(need.slug for need in more)}
