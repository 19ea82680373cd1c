"""Records: municipalities, sectors and innovators, with their validation."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError

from wagtail.models import Locale

import pytest

from innovators.factories import InnovatorFactory, SectorFactory
from innovators.models import Innovator, Municipality
from innovators.municipalities import MUNICIPALITIES
from portal.geo import parse_point


def test_the_twenty_comuni_are_loaded_with_istat_codes(db):
    assert Municipality.objects.count() == 20 == len(MUNICIPALITIES)
    pistoia = Municipality.objects.get(name="Pistoia")
    assert pistoia.istat_code == "047014"
    assert all(
        code.startswith("047") for code in Municipality.objects.values_list("istat_code", flat=True)
    )
    assert all(m.centroid.in_province() for m in Municipality.objects.all())


def test_location_is_copied_to_latitude_and_longitude(innovators):
    nuvola = innovators["nuvola"]
    assert (nuvola.latitude, nuvola.longitude) == (43.8478, 10.9833)


def test_no_location_falls_back_to_the_comune_centre(sectors, comuni):
    innovator = InnovatorFactory(
        sector=sectors["vivaismo"], municipality=comuni["montale"], location=""
    )
    assert parse_point(innovator.location) == comuni["montale"].centroid
    assert innovator.latitude == comuni["montale"].latitude


@pytest.mark.parametrize(
    "location",
    ["SRID=4326;POINT(11.2558 43.7696)", "SRID=4326;POINT(10.9 45.0)", "non un punto"],
    ids=["firenze", "north-of-province", "garbage"],
)
def test_location_outside_the_province_is_rejected(innovators, location):
    innovator = innovators["verde"]
    innovator.location = location
    with pytest.raises(ValidationError) as error:
        innovator.full_clean()
    assert "location" in error.value.message_dict


def test_short_description_max_length_is_enforced(innovators):
    innovator = innovators["verde"]
    innovator.short_description = "x" * 281
    with pytest.raises(ValidationError) as error:
        innovator.full_clean()
    assert "short_description" in error.value.message_dict


def test_slug_is_unique_per_locale(innovators, sectors, comuni):
    with pytest.raises(IntegrityError):
        InnovatorFactory(slug=innovators["verde"].slug, sector=sectors["vivaismo"])


def test_same_slug_is_allowed_in_another_locale(innovators, sectors):
    english, _ = Locale.objects.get_or_create(language_code="en")
    sector = SectorFactory(locale=english, slug="vivaismo", name="Nursery")
    copy = InnovatorFactory(locale=english, slug=innovators["verde"].slug, sector=sector)
    assert copy.pk


def test_reserved_slug_is_refused(innovators):
    innovator = innovators["verde"]
    innovator.slug = "aderisci"
    with pytest.raises(ValidationError) as error:
        innovator.full_clean()
    assert "slug" in error.value.message_dict


def test_slug_comes_from_the_name_and_members_get_a_joined_date(sectors):
    innovator = InnovatorFactory(name="Officina Città", slug="", sector=sectors["vivaismo"])
    assert innovator.slug == "officina-citta"
    assert innovator.joined_on is not None


def test_draft_and_revisions(innovators):
    innovator = innovators["bozza"]
    revision = innovator.save_revision()
    assert not Innovator.objects.get(pk=innovator.pk).live
    revision.publish()
    assert Innovator.objects.get(pk=innovator.pk).live
    assert innovator.revisions.count() == 1
