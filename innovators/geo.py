"""The innovators' side of the admin map: the province's comuni it centres on.

The point format and the map widget are shared by every geolocated model (`portal.geo`);
`InnovatorsConfig.ready` registers `municipality_centres` with it.
"""

from innovators.models import Municipality


def municipality_centres() -> list[tuple[int, str, float, float]]:
    return list(Municipality.objects.values_list("pk", "name", "latitude", "longitude"))
