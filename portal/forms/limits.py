"""Per-address rate limits on the shared cache, and the 429 page.

The client's address is `RATELIMIT_IP_META_KEY` (a request header set by the reverse proxy,
e.g. `HTTP_X_REAL_IP`; the last entry if it is a list such as X-Forwarded-For) or
`REMOTE_ADDR`; IPv6 addresses count per /64 network.
"""

import ipaddress
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django.utils.functional import Promise

from django_ratelimit.core import is_ratelimited

RETRY_AFTER_SECONDS = 600


def client_address(request) -> str:
    meta_key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    raw = request.META.get(meta_key) or request.META.get("REMOTE_ADDR") or ""
    try:
        address = ipaddress.ip_address(raw.split(",")[-1].strip())
    except ValueError:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def normalised_identifier(value: str) -> str:
    """A username or an e-mail address as one account or mailbox: NFKC, no surrounding
    whitespace, casefolded (" REDAZIONE@Example.org" is "redazione@example.org")."""
    return unicodedata.normalize("NFKC", value or "").strip().casefold()


def address_key(group, request) -> str:
    """django-ratelimit key: the client's address (see `client_address`)."""
    return client_address(request)


@dataclass(frozen=True)
class RateLimit:
    """POSTs per client address: `group` names the counter, `setting` the rate's setting
    (e.g. "5/h"), `default` its value when unset; `message` is shown on the form."""

    group: str
    setting: str
    default: str
    message: str | Promise = ""

    @property
    def rate(self) -> str:
        return getattr(settings, self.setting, self.default)

    def exceeded(self, request, *, increment: bool = True) -> bool:
        """Count this POST and say whether the address is over the limit."""
        return is_ratelimited(
            request,
            group=self.group,
            key=address_key,
            rate=self.rate,
            method="POST",
            increment=increment,
        )


def too_many_requests(request, message: str | Promise = ""):
    """The 429 page, in the site's frame."""
    response = render(request, "429.html", {"message": message}, status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
