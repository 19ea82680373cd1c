"""The map's GeoJSON for one view (`?bbox=…&zoom=…`, innovators/viewport.py): the points inside
the box, clusters when they are many, a 400 for a malformed box, and a fixed number of queries."""

import json

import pytest

from portal.geo import BBOX_EAST, BBOX_NORTH, BBOX_SOUTH, BBOX_WEST
from tests.innovators.conftest import make_innovators

GEOJSON = "/api/innovatori.geojson"
PROVINCE = f"{BBOX_WEST},{BBOX_SOUTH},{BBOX_EAST},{BBOX_NORTH}"
QUARRATA = "10.95,43.82,11.01,43.87"  # Nuvola Digitale's point, away from the others


def view(client, query: str) -> dict:
    response = client.get(f"{GEOJSON}?{query}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return json.loads(response.content)


def names(collection) -> set[str]:
    return {feature["properties"]["name"] for feature in collection["features"]}


def test_the_province_view_has_every_published_point(client, club_page, innovators):
    collection = view(client, f"bbox={PROVINCE}&zoom=10")
    assert collection["type"] == "FeatureCollection"
    assert collection["total"] == 3 and collection["clustered"] is False
    assert names(collection) == {"Vivai Verde", "Nuvola Digitale", "Bottega Pescia"}
    nuvola = next(f for f in collection["features"] if f["id"] == innovators["nuvola"].slug)
    assert nuvola["geometry"]["coordinates"] == [10.9833, 43.8478]
    assert nuvola["properties"]["url"] == f"/club/{innovators['nuvola'].slug}/"


def test_a_view_has_only_the_points_inside_it_with_the_filters(client, club_page, innovators):
    assert names(view(client, f"bbox={QUARRATA}&zoom=14")) == {"Nuvola Digitale"}
    assert names(view(client, f"bbox={QUARRATA}&zoom=14&settore=vivaismo")) == set()
    assert view(client, f"bbox={QUARRATA}&zoom=14&settore=vivaismo")["total"] == 0
    assert names(view(client, f"bbox={PROVINCE}&zoom=10&settore=digitale&club=1")) == {
        "Nuvola Digitale"
    }
    # Without zoom, the box gives one.
    assert names(view(client, f"bbox={QUARRATA}")) == {"Nuvola Digitale"}


def test_many_points_come_as_clusters_with_count_and_bounds(
    client, club_page, innovators, settings
):
    settings.MAP_VIEW_MAX_POINTS = 1
    collection = view(client, f"bbox={PROVINCE}&zoom=10")
    assert collection["clustered"] is True
    assert collection["total"] == 3
    assert sum(f["properties"]["count"] for f in collection["features"]) == 3
    for feature in collection["features"]:
        assert feature["properties"]["cluster"] is True
        west, south, east, north = feature["properties"]["bounds"]
        lng, lat = feature["geometry"]["coordinates"]
        assert west <= lng <= east and south <= lat <= north
        assert "name" not in feature["properties"]  # a cluster names nobody
    # Zoomed in far enough, the points themselves, whatever their number.
    zoomed = view(client, f"bbox={PROVINCE}&zoom=16")
    assert zoomed["clustered"] is False and len(zoomed["features"]) == 3


@pytest.mark.parametrize(
    "query",
    [
        "bbox=",
        "bbox=1,2,3",
        "bbox=1,2,3,4,5",
        "bbox=a,b,c,d",
        "bbox=nan,0,1,1",
        "bbox=inf,0,1,1",
        "bbox=1e2,0,1e3,1",
        "bbox=0x10,0,20,1",
        "bbox=%C2%B2,0,1,1",
        "bbox=%D9%A3,0,5,1",
        "bbox=11,43,10,44",  # west > east
        "bbox=10,44,11,44",  # no height
        "bbox=-181,0,0,1",
        "bbox=0,-91,1,0",
        "bbox=" + "9" * 400 + ",0,1,1",
        "bbox=10,43%00,11,44",
        f"bbox={PROVINCE}&zoom=-1",
        f"bbox={PROVINCE}&zoom=23",
        f"bbox={PROVINCE}&zoom=1.5",
        f"bbox={PROVINCE}&zoom=%C2%B2",
        f"bbox={PROVINCE}&zoom=" + "9" * 30,
        f"bbox={PROVINCE}&zoom=",
    ],
)
def test_a_malformed_view_is_a_400_that_says_why(client, club_page, innovators, query):
    response = client.get(f"{GEOJSON}?{query}")
    assert response.status_code == 400
    assert "west,south,east,north" in response.content.decode()


def test_a_view_answers_conditional_requests(client, club_page, innovators):
    response = client.get(f"{GEOJSON}?bbox={PROVINCE}&zoom=10")
    assert response["Last-Modified"]
    again = client.get(f"{GEOJSON}?bbox={PROVINCE}&zoom=10", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize("max_points", [1, 400])  # clusters, points
def test_a_view_takes_at_most_three_queries_at_any_size(
    client, club_page, sectors, comuni, settings, django_assert_max_num_queries, max_points
):
    settings.MAP_VIEW_MAX_POINTS = max_points
    made = 0
    for count in (5, 40):
        make_innovators(count - made, sectors["vivaismo"], comuni["pistoia"], start=made)
        made = count
        for query in (f"bbox={PROVINCE}&zoom=10", f"bbox={PROVINCE}&zoom=12&tag=iot&q=scala"):
            with django_assert_max_num_queries(3):
                collection = view(client, query)
            assert collection["total"] == count
            assert collection["clustered"] is (max_points == 1)
