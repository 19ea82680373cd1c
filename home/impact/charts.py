"""The indicators as readers see them: formatted numbers, data tables and SVG charts.

Charts are drawn here on the server as plain SVG (no script, no CDN): each has a `<title>` and a
`<desc>` (referenced by `aria-labelledby`), scales to the width of a phone through its viewBox,
and comes with the same data as a table. Numbers and month names follow the reader's language.
"""

import datetime
from collections.abc import Mapping
from functools import cached_property

from django.utils.formats import date_format, number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .indicators import INDICATORS, INDICATORS_BY_KEY, Indicator

WIDTH = 640
BAR_ROW = 46
LINE_HEIGHT = 240
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44, 16, 16, 34


def fmt(value) -> str:
    return number_format(value, force_grouping=True)


def month_label(value: datetime.date) -> str:
    return date_format(value, "M Y")


class Figure:
    """One indicator with its value, ready for a template."""

    def __init__(self, indicator: Indicator, value):
        self.indicator = indicator
        self.key = indicator.key
        self.label = indicator.label
        self.raw = value

    @property
    def is_series(self) -> bool:
        return self.indicator.is_series

    @property
    def display(self) -> str:
        if self.is_series:
            return ""
        if self.raw is None and self.indicator.from_answers:
            return _("dati insufficienti")
        return fmt(self.raw or 0) + (f" {self.indicator.unit}" if self.indicator.unit else "")

    @cached_property
    def rows(self) -> list[dict]:
        """The series as table rows: a label and a formatted value."""
        if not self.is_series:
            return []
        rows = []
        for item in self.raw or []:
            label = month_label(item["date"]) if item.get("date") else item["label"]
            value = item.get("status") or fmt(item["value"] or 0)
            rows.append({**item, "label": label, "display": value})
        return rows

    @cached_property
    def description(self) -> str:
        """A sentence saying what the chart shows, for `<desc>` and under the chart."""
        rows = self.rows
        if not rows:
            return _("Ancora nessun dato.")
        if self.indicator.chart == "line":
            return _("Da %(first)s (%(first_value)s) a %(last)s (%(last_value)s).") % {
                "first": rows[0]["label"],
                "first_value": rows[0]["display"],
                "last": rows[-1]["label"],
                "last_value": rows[-1]["display"],
            }
        if self.indicator.chart and not self.indicator.summable:
            top = max(rows, key=lambda row: row["value"] or 0)
            return _("%(count)s voci; la più alta è %(top)s con %(value)s.") % {
                "count": fmt(len(rows)),
                "top": top["label"],
                "value": top["display"],
            }
        if self.indicator.chart:
            top = max(rows, key=lambda row: row["value"])
            total = sum(row["value"] for row in rows)
            return _("%(count)s voci, in tutto %(total)s; la più alta è %(top)s con %(value)s.") % {
                "count": fmt(len(rows)),
                "total": fmt(total),
                "top": top["label"],
                "value": top["display"],
            }
        return "; ".join(f"{row['label']}: {row['display']}" for row in rows)

    @cached_property
    def svg(self) -> str:
        chart = self.indicator.chart
        if not chart or not self.rows:
            return ""
        draw = {"bar": bar_chart, "column": column_chart, "line": line_chart}[chart]
        return draw(self)


class Figures(Mapping):
    """The computed indicators, by key, with the date they were computed."""

    def __init__(self, computed: dict):
        self.computed_at = computed["computed_at"]
        self.values = computed["values"]
        self._figures = {
            indicator.key: Figure(indicator, self.values.get(indicator.key))
            for indicator in INDICATORS
        }

    def __getitem__(self, key):
        return self._figures[key]

    def __iter__(self):
        return iter(self._figures)

    def __len__(self):
        return len(self._figures)

    def numbers(self) -> list[Figure]:
        return [figure for figure in self._figures.values() if not figure.is_series]

    def series(self) -> list[Figure]:
        return [figure for figure in self._figures.values() if figure.is_series]

    def pick(self, keys) -> list[Figure]:
        return [self._figures[key] for key in keys if key in INDICATORS_BY_KEY]


def _svg(figure: Figure, height: int, body: str) -> str:
    ident = f"chart-{figure.key.replace('_', '-')}"
    return format_html(
        '<svg class="chart chart--{chart}" xmlns="http://www.w3.org/2000/svg" role="img" '
        'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'preserveAspectRatio="xMinYMin meet" aria-labelledby="{ident}-title {ident}-desc">'
        '<title id="{ident}-title">{title}</title><desc id="{ident}-desc">{desc}</desc>'
        "{body}</svg>",
        chart=figure.indicator.chart,
        width=WIDTH,
        height=height,
        ident=ident,
        title=figure.label,
        desc=figure.description,
        body=mark_safe(body),
    )


def bar_chart(figure: Figure) -> str:
    """Horizontal bars, label above each bar: long names stay readable on a phone."""
    rows = figure.rows
    peak = max((row["value"] or 0 for row in rows), default=0) or 1
    usable = WIDTH - 70
    parts = []
    for index, row in enumerate(rows):
        y = index * BAR_ROW
        length = max(2, round(usable * (row["value"] or 0) / peak))
        color = row.get("color")
        fill = format_html(' fill="{}"', color) if color else ""
        parts.append(
            format_html(
                '<g class="chart__row"><text class="chart__label" x="0" y="{ty}">{label}</text>'
                '<rect class="chart__bar" x="0" y="{by}" width="{w}" height="18" rx="2"{fill}>'
                "<title>{label}: {value}</title></rect>"
                '<text class="chart__value" x="{vx}" y="{vy}">{value}</text></g>',
                ty=y + 15,
                by=y + 21,
                w=length,
                fill=fill,
                label=row["label"],
                value=row["display"],
                vx=length + 6,
                vy=y + 35,
            )
        )
    return _svg(figure, len(rows) * BAR_ROW + 4, "".join(parts))


def _plot_area(rows):
    peak = max((row["value"] for row in rows), default=0) or 1
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = LINE_HEIGHT - PAD_TOP - PAD_BOTTOM
    return peak, inner_w, inner_h


def _axes(peak: int, inner_w: int, inner_h: int) -> str:
    bottom = PAD_TOP + inner_h
    return format_html(
        '<g class="chart__axes"><line x1="{l}" y1="{b}" x2="{r}" y2="{b}"/>'
        '<line x1="{l}" y1="{t}" x2="{l}" y2="{b}"/>'
        '<text class="chart__tick" x="{tx}" y="{ty_top}" text-anchor="end">{peak}</text>'
        '<text class="chart__tick" x="{tx}" y="{ty_bottom}" text-anchor="end">0</text></g>',
        l=PAD_LEFT,
        r=PAD_LEFT + inner_w,
        t=PAD_TOP,
        b=bottom,
        tx=PAD_LEFT - 6,
        ty_top=PAD_TOP + 5,
        ty_bottom=bottom,
        peak=fmt(peak),
    )


def _x_labels(rows, positions, bottom) -> str:
    """Month labels under the axis, thinned out so they never overlap."""
    step = max(1, -(-len(rows) // 8))
    labels = []
    for index, (row, x) in enumerate(zip(rows, positions, strict=True)):
        if index % step and index != len(rows) - 1:
            continue
        labels.append(
            format_html(
                '<text class="chart__tick" x="{x}" y="{y}" text-anchor="middle">{label}</text>',
                x=round(x, 1),
                y=bottom + 20,
                label=row["label"],
            )
        )
    return "".join(labels)


def line_chart(figure: Figure) -> str:
    rows = figure.rows
    peak, inner_w, inner_h = _plot_area(rows)
    bottom = PAD_TOP + inner_h
    count = len(rows)
    xs = [
        PAD_LEFT + (inner_w * i / (count - 1) if count > 1 else inner_w / 2) for i in range(count)
    ]
    ys = [bottom - inner_h * row["value"] / peak for row in rows]
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=True))
    dots = "".join(
        format_html(
            '<circle class="chart__dot" cx="{x}" cy="{y}" r="4"><title>{label}: {value}</title></circle>',
            x=f"{x:.1f}",
            y=f"{y:.1f}",
            label=row["label"],
            value=row["display"],
        )
        for x, y, row in zip(xs, ys, rows, strict=True)
    )
    body = (
        _axes(peak, inner_w, inner_h)
        + format_html('<polyline class="chart__line" fill="none" points="{}"/>', points)
        + dots
        + _x_labels(rows, xs, bottom)
    )
    return _svg(figure, LINE_HEIGHT, body)


def column_chart(figure: Figure) -> str:
    rows = figure.rows
    peak, inner_w, inner_h = _plot_area(rows)
    bottom = PAD_TOP + inner_h
    slot = inner_w / len(rows)
    width = max(2.0, slot * 0.7)
    xs = [PAD_LEFT + slot * i + slot / 2 for i in range(len(rows))]
    bars = "".join(
        format_html(
            '<rect class="chart__bar" x="{x}" y="{y}" width="{w}" height="{h}">'
            "<title>{label}: {value}</title></rect>",
            x=f"{x - width / 2:.1f}",
            y=f"{bottom - inner_h * row['value'] / peak:.1f}",
            w=f"{width:.1f}",
            h=f"{inner_h * row['value'] / peak:.1f}",
            label=row["label"],
            value=row["display"],
        )
        for x, row in zip(xs, rows, strict=True)
    )
    return _svg(
        figure, LINE_HEIGHT, _axes(peak, inner_w, inner_h) + bars + _x_labels(rows, xs, bottom)
    )
