"""Settings shared by every environment.

Most of the environment is read here (`dev`, `test` and `production` read a few variables too:
see README.md and .env.example): each optional service (PostgreSQL, Redis, SMTP) is switched on
only when its variable is set. `dev`, `test` and `production` adjust the rest.
"""

import os
from pathlib import Path

import dj_database_url
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE

PORTAL_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PORTAL_DIR.parent
VAR_DIR = BASE_DIR / "var"  # local database and file cache of the embedded default


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "stories",
    "innovators",
    "courses",
    "newsletter",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailgeowidget",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

# Outermost first. The page cache comes first: a hit is one cache read and nothing else, and
# it stores responses with every header the middlewares below set (see portal/page_cache.py).
# The header middlewares sit above whitenoise, so static files get them too.
MIDDLEWARE = [
    "portal.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.RequestSizeLimitMiddleware",
    "portal.health.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.middleware.AdminRateLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PORTAL_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.cache.content_version_context",
            ],
        },
    },
]

# Database: SQLite (WAL journal) by default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache shared by every server process: Redis when REDIS_URL is set, else a database table
# (created by `migrate`, see portal.apps), so rate limits, the content version and the page
# cache hold across gunicorn workers (a per-process locmem cache would not).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis: atomic counters for the rate limits, connection pooling.
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "pistoia2030"),
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 2, "SOCKET_TIMEOUT": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {
        "default": {
            "BACKEND": "portal.db_cache.PortalDatabaseCache",
            "LOCATION": "portal_cache",
            # Cached pages, the content version and rate-limit counters: room for a busy day.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "20000"))},
        }
    }

# Template fragments and listing data keyed on the content version (portal.cache): a memory
# cache per process, since a new version means new keys and a stale entry is never read again.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 5_000},
}

# Wagtail looks renditions up in their own cache on every image tag: a per-process memory cache
# keeps those look-ups off the shared cache (a rendition never changes once made).
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": 600,
    "OPTIONS": {"MAX_ENTRIES": 10_000},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Italian first (no URL prefix), English under /en/.
LANGUAGE_CODE = "it"
LANGUAGES = [("it", "Italiano"), ("en", "English")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A new or synced translation is saved as a draft and goes through the editorial review
# (portal.translation_review); by default wagtail-localize would publish it at once, in the
# source language, when the source page is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True
# Dates and numbers per language (portal/formats/<lang>/formats.py): templates use the names.
FORMAT_MODULE_PATH = ["portal.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    PORTAL_DIR / "static",
    # Leaflet and its cluster plugin from the XStatic packages: no CDN, for the public map and
    # for wagtailgeowidget in the admin.
    ("vendor/leaflet", xstatic.pkg.leaflet.BASE_DIR),
    ("vendor/leaflet-markercluster", xstatic.pkg.leaflet_markercluster.BASE_DIR),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media on S3-compatible object storage when a bucket is named (django-storages).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
MEDIA_HOST = ""  # where media is served from, when not our own origin (for the CSP)
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
    AWS_DEFAULT_ACL = None  # the bucket's policy decides
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=86400"}
    MEDIA_HOST = (
        f"https://{AWS_S3_CUSTOM_DOMAIN}"
        if AWS_S3_CUSTOM_DOMAIN
        else AWS_S3_ENDPOINT_URL or "https:"
    )
# Django serves /media/ itself (safely, see portal.media) in development and `make serve-prod`;
# in production a reverse proxy or the object store does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# E-mail: SMTP when EMAIL_HOST is set, otherwise printed on the console.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Pistoia2030 <noreply@pistoia2030.it>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# The map's tile server must see our origin: Django's default "same-origin" makes
# OpenStreetMap refuse tiles with 403.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # views may opt out (the map's embed): see PortalCSPMiddleware
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # the admin reads its token from the page, not the cookie

# Content-Security-Policy (django-csp 4): scripts only from our own origin, no inline scripts
# (JSON data blocks are not scripts). Inline style attributes stay allowed (sector colours).
# The admin gets CSP_ADMIN_UPDATE on top (see portal.middleware.PortalCSPMiddleware).
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")


def _origin(url: str) -> str:
    scheme, _sep, rest = url.partition("://")
    host = rest.split("/", 1)[0].replace("{s}", "*")
    return f"{scheme}://{host}" if rest else url


CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
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
    "img-src": ["blob:", "https:"],
    "connect-src": ["https:"],  # wagtailgeowidget's geocoder
    "frame-src": [SELF],  # page previews
}
CSP_ADMIN_REPLACE = {"frame-ancestors": [SELF]}  # previews frame admin views
# Who may frame the map's embed (/mappa/embed/): anyone, unless a list of origins is given.
CSP_EMBED_FRAME_ANCESTORS = env_list("MAP_EMBED_FRAME_ANCESTORS", "*")

# Full-page cache for anonymous readers (portal.page_cache.PageCacheMiddleware).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PREFIXES = [
    "/admin/",
    "/api/posti.json",  # seats left, live (courses.seats)
    "/documents/",
    "/healthz",
    "/media/",
    "/static/",
    "/bench/",
]
# `make bench-http` only: route a bare view (/bench/bare/) as the yardstick.
BENCH_BARE_VIEW = env_bool("BENCH_BARE_VIEW", False)
FEED_MAX_AGE = 900

# Frontend cache (CDN) purging: only when a CDN is configured. Pages are purged by Wagtail on
# publish and unpublish; portal.frontend_cache purges the site when a snippet changes.
FRONTEND_CACHE_BACKEND = os.environ.get(
    "FRONTEND_CACHE_BACKEND", ""
)  # http, cloudflare, cloudfront
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_BACKEND == "http":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_LOCATION"],
        }
    }
elif FRONTEND_CACHE_BACKEND == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        }
    }
elif FRONTEND_CACHE_BACKEND == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    # A CDN keeps pages until purged; browsers still revalidate.
    PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("FRONTEND_CACHE_MAX_AGE", "3600"))

# Rate limits (django-ratelimit, in the shared cache). Behind a proxy, the client's address is
# in a header: RATELIMIT_IP_META_KEY names it (e.g. HTTP_X_REAL_IP).
ADMIN_LOGIN_RATE = os.environ.get("ADMIN_LOGIN_RATE", "10/m")
ADMIN_PASSWORD_RESET_RATE = os.environ.get("ADMIN_PASSWORD_RESET_RATE", "5/h")
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]

# Personal data (join requests, story submissions, registrations): kept this many days after
# the event or the rejection, then purged by `manage.py purge_personal_data` (docs/security.md).
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "365"))

# Newsletter (docs/newsletter.md): unconfirmed requests expire after this many days; links and
# images in e-mails are absolute on NEWSLETTER_BASE_URL (default WAGTAILADMIN_BASE_URL).
NEWSLETTER_CONFIRMATION_DAYS = int(os.environ.get("NEWSLETTER_CONFIRMATION_DAYS", "7"))
NEWSLETTER_BASE_URL = os.environ.get("NEWSLETTER_BASE_URL", "")
NEWSLETTER_SUBSCRIBE_RATE = os.environ.get("NEWSLETTER_SUBSCRIBE_RATE", "10/h")
# «Invia ora» in the admin starts `send_newsletter` in its own process (a long send outlives
# the request); the tests send within the request.
NEWSLETTER_SEND_IN_BACKGROUND = env_bool("NEWSLETTER_SEND_IN_BACKGROUND", True)

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Request sizes (portal.middleware.RequestSizeLimitMiddleware, portal.forms): a file sent
# through a public form is at most PUBLIC_UPLOAD_MAX_BYTES; a public request (three story
# photos and their text) at most REQUEST_MAX_BYTES; the admin (image and document uploads)
# ADMIN_REQUEST_MAX_BYTES. Bodies over the cap are refused from their Content-Length, unread.
MB = 1024 * 1024
PUBLIC_UPLOAD_MAX_BYTES = int(os.environ.get("PUBLIC_UPLOAD_MAX_MB", "5")) * MB
REQUEST_MAX_BYTES = 3 * PUBLIC_UPLOAD_MAX_BYTES + MB
ADMIN_REQUEST_MAX_BYTES = int(os.environ.get("ADMIN_REQUEST_MAX_MB", "64")) * MB
# Form fields other than files (the admin's StreamField JSON): at most this much in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * MB
# Uploads larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * MB

# Wagtail
WAGTAIL_SITE_NAME = "Pistoia2030"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Workflow e-mails (submitted, approved, changes requested) come from the portal's address.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILIMAGES_IMAGE_MODEL = "portal.PortalImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 8 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# No Gravatar in the admin: no editor's e-mail hash sent to a third party, nothing for the CSP.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# No release check from the dashboard towards releases.wagtail.org (an intranet sees an error).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# wagtailgeowidget: maps centred on Pistoia, tiles from a configurable server (MAP_TILE_URL).
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 43.9335, "lng": 10.9173}
GEO_WIDGET_ZOOM = 10
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION}
# Address search in the admin's map: off by default (no outside service called). Set it to a
# wagtailgeowidget geocoder ("nominatim"; "mapbox" with MAPBOX_ACCESS_TOKEN) to turn it on.
PORTAL_GEOCODER = os.environ.get("GEOCODER", "")
MAPBOX_ACCESS_TOKEN = os.environ.get("MAPBOX_ACCESS_TOKEN") or None

# Public listings
PORTAL_PAGE_SIZE = 12
# Wagtail API v2 (/api/v2/): at most this many items per request.
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# The demo accounts' password (`load_demo_content`): the documented one for `make run`;
# empty (production.py) means a random one, printed once.
DEMO_PASSWORD = "pistoia2030-demo"
DEMO_ADMIN_PASSWORD = os.environ.get("DEMO_ADMIN_PASSWORD", DEMO_PASSWORD)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
