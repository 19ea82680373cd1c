"""The innovators' side of the admin map: the province's comuni it centres on.

The point format and the map widget are shared by every geolocated model (`portal.geo`);
`InnovatorsConfig.ready` registers `municipality_centres` with it.
"""

from innovators.models import Municipality
from portal.geo import Point, parse_point

# `Point` and `parse_point` were first defined here: callers may still import them from here.
__all__ = ["Point", "municipality_centres", "parse_point"]


def municipality_centres() -> list[tuple[int, str, float, float]]:
    return list(Municipality.objects.values_list("pk", "name", "latitude", "longitude"))
