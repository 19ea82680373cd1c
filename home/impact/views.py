"""Open data: the impact indicators as JSON (/api/impatto.json) and one CSV per indicator
(/api/impatto/<indicator>.csv). Fields are documented in docs/api.md."""

import csv
import io
import json

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import translation
from django.views.decorators.cache import cache_control

from portal.api import read_only_view
from portal.csv import safe_row

from .indicators import INDICATORS, INDICATORS_BY_KEY, impact_figures

CACHE_SECONDS = 300


def _language(request) -> str:
    code = request.GET.get("lang", "")
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _series_item(item: dict) -> dict:
    return {
        key: (value.isoformat() if hasattr(value, "isoformat") else value)
        for key, value in item.items()
        if key != "date"
    }


def as_open_data(computed: dict, request) -> dict:
    values = computed["values"]
    indicators = []
    for indicator in INDICATORS:
        value = values.get(indicator.key)
        entry = {
            "key": indicator.key,
            "label": str(indicator.label),
            "description": str(indicator.description),
            "unit": indicator.unit,
            "csv": request.build_absolute_uri(f"/api/impatto/{indicator.key}.csv"),
        }
        if indicator.is_series:
            entry["series"] = [_series_item(item) for item in value or []]
        else:
            entry["value"] = value
        if indicator.key == "seats_filled":
            entry["capacity"] = values.get("seats_capacity", 0)
        indicators.append(entry)
    return {
        "computed_at": computed["computed_at"].isoformat(),
        "language": computed["language"],
        "licence": "CC BY 4.0",
        "source": request.build_absolute_uri("/impatto/"),
        "indicators": indicators,
    }


def _open(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


@read_only_view
@cache_control(public=True, max_age=CACHE_SECONDS)
def impact_json(request):
    with translation.override(_language(request)):
        data = as_open_data(impact_figures(), request)
    body = json.dumps(data, ensure_ascii=False, indent=2)
    return _open(HttpResponse(body, content_type="application/json; charset=utf-8"))


@read_only_view
@cache_control(public=True, max_age=CACHE_SECONDS)
def impact_csv(request, key: str):
    indicator = INDICATORS_BY_KEY.get(key)
    if indicator is None:
        raise Http404
    with translation.override(_language(request)):
        computed = impact_figures()
        value = computed["values"].get(key)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        if indicator.is_series:
            writer.writerow(["key", "label", "value", "computed_at"])
            for item in value or []:
                label = item["date"].isoformat()[:7] if item.get("date") else item["label"]
                writer.writerow(
                    safe_row(
                        [item["key"], label, item["value"], computed["computed_at"].isoformat()]
                    )
                )
        else:
            writer.writerow(["key", "label", "value", "unit", "computed_at"])
            writer.writerow(
                safe_row(
                    [
                        key,
                        str(indicator.label),
                        value,
                        indicator.unit,
                        computed["computed_at"].isoformat(),
                    ]
                )
            )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="impatto-{key}.csv"'
    return _open(response)
