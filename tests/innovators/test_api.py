"""Open data: GeoJSON and CSV of the published innovators, filters, cache headers, queries."""

import csv
import io
import json

import pytest

from innovators.exports import COLUMNS
from tests.innovators.conftest import make_innovators

GEOJSON = "/api/innovatori.geojson"
CSV = "/api/innovatori.csv"


def features(client, query=""):
    response = client.get(f"{GEOJSON}{query}")
    assert response.status_code == 200
    return json.loads(response.content)["features"]


def names(client, query=""):
    return sorted(feature["properties"]["name"] for feature in features(client, query))


def test_geojson_is_a_feature_collection_with_lon_lat_points(client, club_page, innovators):
    response = client.get(GEOJSON)
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    nuvola = next(f for f in collection["features"] if f["properties"]["name"] == "Nuvola Digitale")
    assert nuvola["type"] == "Feature"
    assert nuvola["geometry"] == {"type": "Point", "coordinates": [10.9833, 43.8478]}
    assert nuvola["properties"] == {
        "name": "Nuvola Digitale",
        "url": "/club/nuvola-digitale/",
        "sector": "Digitale",
        "color": "#3b4fc7",
        "municipality": "Quarrata",
        "club": True,
    }


def test_exports_list_published_innovators_only_and_never_an_email(client, club_page, innovators):
    assert names(client) == ["Bottega Pescia", "Nuvola Digitale", "Vivai Verde"]
    for url in (GEOJSON, CSV):
        body = client.get(url).content.decode()
        assert "Bozza Segreta" not in body
        assert "@" not in body


def test_unpublishing_removes_from_the_exports(client, club_page, innovators):
    innovators["verde"].unpublish()
    assert "Vivai Verde" not in names(client)
    assert "Vivai Verde" not in client.get(CSV).content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?settore=vivaismo", ["Vivai Verde"]),
        ("?comune=pescia", ["Bottega Pescia"]),
        ("?tag=iot", ["Nuvola Digitale", "Vivai Verde"]),
        ("?club=1", ["Nuvola Digitale", "Vivai Verde"]),
        ("?q=nuvola", ["Nuvola Digitale"]),
        ("?q=quarrata", ["Nuvola Digitale"]),
        ("?settore=digitale&club=1", ["Nuvola Digitale"]),
        ("?settore=<script>", ["Bottega Pescia", "Nuvola Digitale", "Vivai Verde"]),
        ("?settore=inesistente", []),
    ],
)
def test_geojson_filters(client, club_page, innovators, query, expected):
    assert names(client, query) == expected


def test_geojson_answers_conditional_requests_with_304(client, club_page, innovators):
    response = client.get(GEOJSON)
    assert response["ETag"] and response["Last-Modified"]
    assert "max-age" in response["Cache-Control"]
    again = client.get(GEOJSON, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(GEOJSON, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
    assert since.status_code == 304


def test_etag_changes_when_an_innovator_changes(client, club_page, innovators):
    etag = client.get(GEOJSON)["ETag"]
    innovators["verde"].name = "Vivai Verdissimo"
    innovators["verde"].save()
    response = client.get(GEOJSON, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200


def test_csv_has_the_documented_columns(client, club_page, innovators):
    response = client.get(CSV)
    assert response["Content-Type"].startswith("text/csv")
    assert response["ETag"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0].keys()) == COLUMNS
    verde = next(row for row in rows if row["nome"] == "Vivai Verde")
    assert verde["settore"] == "vivaismo"
    assert verde["codice_istat"] == "047014"
    assert verde["club"] == "si"
    assert set(verde["tag"].split("; ")) == {"verde urbano", "iot"}
    assert client.get(CSV, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_exports_take_at_most_two_queries_at_any_size(
    client, club_page, sectors, comuni, django_assert_max_num_queries
):
    made = 0
    for count in (5, 40):
        make_innovators(count - made, sectors["vivaismo"], comuni["pistoia"], start=made)
        made = count
        with django_assert_max_num_queries(2):
            assert len(features(client, "?settore=vivaismo&tag=iot&club=1")) == count
        with django_assert_max_num_queries(2):
            response = client.get(CSV)
        assert response.content.decode().count("\r\n") == count + 1
