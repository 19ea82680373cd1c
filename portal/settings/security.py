"""Security: response headers and cookies, the Content-Security-Policy, rate limits, request
sizes and the retention of personal data (docs/security.md). Read by base.py; production.py
adds the HTTPS switches."""

import os
from datetime import timedelta

from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE

from .env import env_list
from .services import MAP_TILE_URL, MEDIA_HOST

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The map's tile server must see our origin: Django's default "same-origin" makes
# OpenStreetMap refuse tiles with 403.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Permissions-Policy (django-permissions-policy): no page of the portal uses these features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
X_FRAME_OPTIONS = "DENY"  # views may opt out (the map's embed): see PortalCSPMiddleware
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # the admin reads its token from the page, not the cookie


def _origin(url: str) -> str:
    scheme, _sep, rest = url.partition("://")
    host = rest.split("/", 1)[0].replace("{s}", "*")
    return f"{scheme}://{host}" if rest else url


# Content-Security-Policy (django-csp 4): scripts and styles only from our own origin, nothing
# inline (JSON data blocks are not scripts; sector colours are SVG fills or set from script).
# The admin gets CSP_ADMIN_UPDATE on top (see portal.middleware.PortalCSPMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [
            SELF,
            "data:",
            *([_origin(MAP_TILE_URL)] if MAP_TILE_URL else []),
            *([MEDIA_HOST] if MEDIA_HOST else []),
        ],
        "font-src": [SELF],
        "connect-src": [SELF],
        # Embedded videos from the StreamField's embed block.
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
CSP_ADMIN_UPDATE = {
    "script-src": [UNSAFE_INLINE, UNSAFE_EVAL],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:", "https:"],
    "connect-src": ["https:"],  # wagtailgeowidget's geocoder
    "frame-src": [SELF],  # page previews
}
CSP_ADMIN_REPLACE = {"frame-ancestors": [SELF]}  # previews frame admin views
# Who may frame the map's embed (/mappa/embed/): anyone, unless a list of origins is given.
CSP_EMBED_FRAME_ANCESTORS = env_list("MAP_EMBED_FRAME_ANCESTORS", "*")

# Rate limits (django-ratelimit, in the shared cache). Behind a proxy, the client's address is
# in a header: RATELIMIT_IP_META_KEY names it (e.g. HTTP_X_REAL_IP).
ADMIN_PASSWORD_RESET_RATE = os.environ.get("ADMIN_PASSWORD_RESET_RATE", "5/h")
# Page passwords (/_util/authenticate_with_password/): wrong ones per address, and per
# protected page from every address (portal.lockouts.authenticate_with_password).
PAGE_PASSWORD_RATE = os.environ.get("PAGE_PASSWORD_RATE", "10/10m")
PAGE_PASSWORD_PAGE_RATE = os.environ.get("PAGE_PASSWORD_PAGE_RATE", "50/h")
# The innovators' area (docs/innovators-area.md): a sign-in link (django-sesame) lasts 30
# minutes and works once; link requests per client address and per mailbox asked for.
SESAME_MAX_AGE = 30 * 60
SESAME_ONE_TIME = True
INNOVATORS_SIGNIN_RATE = os.environ.get("INNOVATORS_SIGNIN_RATE", "10/h")
INNOVATORS_SIGNIN_MAILBOX_RATE = os.environ.get("INNOVATORS_SIGNIN_MAILBOX_RATE", "3/h")
INNOVATORS_PROFILE_EDIT_RATE = os.environ.get("INNOVATORS_PROFILE_EDIT_RATE", "20/h")
# Introductions between innovators (innovators/introductions/): requests per innovator in 24
# hours, days an answer link lasts, requests and answers per client address.
INTRODUCTIONS_PER_DAY = int(os.environ.get("INTRODUCTIONS_PER_DAY", "3"))
INTRODUCTIONS_ANSWER_DAYS = 14
INTRODUCTIONS_ASK_RATE = os.environ.get("INTRODUCTIONS_ASK_RATE", "20/h")
INTRODUCTIONS_ANSWER_RATE = os.environ.get("INTRODUCTIONS_ANSWER_RATE", "30/h")
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]

# Logins (django-axes, on Django's authentication signals: the admin's login, Wagtail's login
# for private pages, any other). After AXES_FAILURE_LIMIT failures within the cool-off, an
# account (whatever address tries it) and an address (whatever account it tries) are locked
# until AXES_COOLOFF_MINUTES pass without a failure. The failures are rows in the database, so
# every worker sees them; superusers see and clear them in the admin (portal.lockouts).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# " Moderazione\t" counts against "moderazione"; the address is the rate limits' own.
AXES_USERNAME_CALLABLE = "portal.lockouts.normalised_username"
AXES_CLIENT_IP_CALLABLE = "portal.lockouts.client_ip_address"
AXES_LOCKOUT_CALLABLE = "portal.lockouts.lockout_response"
AXES_ENABLE_ADMIN = False  # no Django admin here: the list is a Wagtail view
AXES_DISABLE_ACCESS_LOG = True  # no history of successful logins (personal data we do not need)

# Personal data (join requests, story submissions, registrations, newsletter addresses): kept
# this many days after the event, the rejection or the unsubscription, then purged by
# `manage.py purge_personal_data` (portal.privacy, docs/security.md).
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "365"))

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Request sizes (portal.middleware.RequestSizeLimitMiddleware, portal.forms): a file sent
# through a public form is at most PUBLIC_UPLOAD_MAX_BYTES; a public request (three story
# photos and their text) at most REQUEST_MAX_BYTES; the admin (image and document uploads)
# ADMIN_REQUEST_MAX_BYTES. Bodies over the cap are refused from their Content-Length, unread.
MB = 1024 * 1024
PUBLIC_UPLOAD_MAX_BYTES = int(os.environ.get("PUBLIC_UPLOAD_MAX_MB", "5")) * MB
# …and at most this many pixels in all (read from its header: decoding 36 million pixels costs
# seconds of CPU and most of a GB, in the worker that re-encodes it).
PUBLIC_UPLOAD_MAX_PIXELS = int(os.environ.get("PUBLIC_UPLOAD_MAX_MEGAPIXELS", "25")) * 1_000_000
REQUEST_MAX_BYTES = 3 * PUBLIC_UPLOAD_MAX_BYTES + MB
ADMIN_REQUEST_MAX_BYTES = int(os.environ.get("ADMIN_REQUEST_MAX_MB", "64")) * MB
# Form fields other than files (the admin's StreamField JSON): at most this much in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * MB
# Uploads larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * MB
