"""`/healthz` for load balancers: is the database reachable, is the shared cache?

Answered by a middleware near the top of the stack, before the host check, the HTTPS redirect
and the page cache: a balancer probes the backend by its address, over plain HTTP, and must
see the live state. JSON, 200 when both answer, 503 otherwise.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"


def check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: database unreachable")
        return False


def check_cache() -> bool:
    key, value = "portal:healthz", secrets.token_hex(8)
    try:
        cache.set(key, value, 10)
        return cache.get(key) == value
    except Exception:
        logger.exception("Health check: cache unreachable")
        return False


def health_response() -> JsonResponse:
    checks = {"database": check_database(), "cache": check_cache()}
    healthy = all(checks.values())
    response = JsonResponse(
        {
            "status": "ok" if healthy else "error",
            **{name: "ok" if passed else "error" for name, passed in checks.items()},
        },
        status=200 if healthy else 503,
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") == HEALTH_PATH and request.method in ("GET", "HEAD"):
            return health_response()
        return self.get_response(request)
