"""The home page's static map teaser: the comuni as dots sized by their innovators (SVG)."""

import math

from django import template

from innovators import queries

register = template.Library()

# The teaser's frame: the province with a small margin, in degrees.
TEASER_SOUTH, TEASER_NORTH, TEASER_WEST, TEASER_EAST = 43.78, 44.17, 10.64, 11.07
TEASER_WIDTH = 300


@register.inclusion_tag("innovators/includes/map_teaser.html")
def map_teaser(language_code: str, map_url: str):
    """An SVG of the published innovators per comune, linking to the full map."""
    scale = math.cos(math.radians((TEASER_SOUTH + TEASER_NORTH) / 2))
    width_deg = (TEASER_EAST - TEASER_WEST) * scale
    height = round(TEASER_WIDTH * (TEASER_NORTH - TEASER_SOUTH) / width_deg)
    points = []
    for row in queries.municipality_counts(language_code):
        lat, lng = row["municipality__latitude"], row["municipality__longitude"]
        points.append(
            {
                "name": row["municipality__name"],
                "count": row["count"],
                "x": round((lng - TEASER_WEST) * scale / width_deg * TEASER_WIDTH, 1),
                "y": round((TEASER_NORTH - lat) / (TEASER_NORTH - TEASER_SOUTH) * height, 1),
                "r": round(4 + 3 * math.sqrt(row["count"]), 1),
            }
        )
    return {
        "points": points,
        "width": TEASER_WIDTH,
        "height": height,
        "map_url": map_url,
        "total": sum(point["count"] for point in points),
    }
