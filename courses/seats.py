"""Seats left, served live: `/api/posti.json?eventi=12,15` → `{"12": {"left": 3, "label": …}}`.

Cached pages (listings, the home page, an event whose registrations are closed) carry the seats
left when they were rendered; `courses/seats.js` replaces them with these figures, so a
registration renews no cached page (`Registration.renews_content_version`) and readers still
see the seats of the moment. One query whatever the number of events; browsers and shared
caches may keep the answer a few seconds (`SEATS_MAX_AGE`).

An event in several languages has one set of seats, kept on its original page
(`courses.services`): the figure of a translation's id is its original's capacity less the
confirmed registrations of the event in every language, as on the page itself.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext, ngettext

from portal.api import read_only_view
from portal.numbers import parse_positive_int

from .models.events import EventPage, confirmed_count_subquery

MAX_EVENTS = 50
SEATS_MAX_AGE = 5


def seats_label(left: int) -> str:
    if left <= 0:
        return gettext("Posti esauriti: lista d'attesa")
    return ngettext("%(seats)s posto disponibile", "%(seats)s posti disponibili", left) % {
        "seats": left
    }


def seats_left(ids) -> dict[int, int]:
    """Seats left of the live public events among `ids`, translations included (the seats of
    their original page): one query per event model, whatever the number of ids."""
    left = {}
    if not ids:
        return left
    for model in apps.get_models():
        if issubclass(model, EventPage):
            original = model.objects.filter(translation_key=OuterRef("translation_key"))
            rows = (
                model.objects.live()
                .public()
                .filter(pk__in=ids)
                .annotate(
                    seats_capacity=Subquery(original.order_by("pk").values("capacity")[:1]),
                    confirmed_total=confirmed_count_subquery(),
                )
                .values_list("pk", "seats_capacity", "confirmed_total")
            )
            left.update({pk: max(capacity - total, 0) for pk, capacity, total in rows})
    return left


@read_only_view
def seats(request):
    parts = request.GET.get("eventi", "").split(",")[:MAX_EVENTS]
    ids = {parse_positive_int(part) for part in parts} - {None}
    language = request.GET.get("lang", "")
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        data = {
            str(pk): {"left": left, "full": left == 0, "label": seats_label(left)}
            for pk, left in seats_left(ids).items()
        }
    response = JsonResponse(data)
    patch_cache_control(
        response, public=True, max_age=getattr(settings, "SEATS_MAX_AGE", SEATS_MAX_AGE)
    )
    return response
