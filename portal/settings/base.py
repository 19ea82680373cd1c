"""Settings shared by every environment, assembled by concern.

The parts read the environment themselves, each switched on only when its variable is set:
`services.py` (database, media storage, e-mail, map tiles and geocoder), `caching.py` (caches,
page cache, CDN purge) and `security.py` (headers, CSP, rate limits, request sizes, retention);
this module reads the rest (hosts, Wagtail, newsletter, logging). `dev`, `test` and
`production` adjust them (README.md, "Settings and environment", says what each reads).
"""

import os

import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster

from .caching import *  # noqa: F403
from .caching import WAGTAILFRONTENDCACHE
from .env import BASE_DIR, PORTAL_DIR, VAR_DIR, env_bool, env_list  # noqa: F401
from .security import *  # noqa: F403
from .services import *  # noqa: F403
from .services import DEFAULT_FROM_EMAIL

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "home",
    "stories",
    "innovators",
    "innovators.introductions",
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
    "django_tasks",
    "django_tasks_db",
    "axes",
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
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    "portal.middleware.PortalCSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.RequestSizeLimitMiddleware",
    "portal.health.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip below WhiteNoise (static files come precompressed) and the page cache (one entry
    # per encoding), above ConditionalGet (ETags of the plain body): portal/compression.py.
    "portal.compression.CompressionMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.middleware.PasswordResetRateLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the 429 page.
    "axes.middleware.AxesMiddleware",
]

# django-axes' backend first: it refuses a locked-out account or address before any password
# is checked (settings in security.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # The innovators' area: sign-in links by e-mail (innovators/area/signin.py, security.py).
    "sesame.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # portal/templates is found as the first app's templates. Listed in DIRS as well, an
        # override that extends its own name (wagtail_localize/admin/edit_translation.html)
        # was loaded once per loader, and what it adds came out twice.
        "DIRS": [],
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

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

# Wagtail
WAGTAIL_SITE_NAME = "Pistoia2030"
# The site's address: links in e-mails (Wagtail's notices and ours) and, when the environment sets
# it, the default Wagtail Site's hostname and port, which every `migrate` points at it (pages,
# feeds and e-mails link through the Site: portal/links.py). `make run` sets it from HOST/PORT.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
PORTAL_SITE_FOLLOWS_BASE_URL = "WAGTAILADMIN_BASE_URL" in os.environ
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
# No «Things in Wagtail 8.0 have changed!» banner on the dashboard: it sends editors to
# guide.wagtail.org (English); our guide is Aiuto → Guida per la redazione.
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

if WAGTAILFRONTENDCACHE:  # a CDN is configured (caching.py)
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

# Newsletter (docs/newsletter.md): unconfirmed requests expire after this many days.
NEWSLETTER_CONFIRMATION_DAYS = int(os.environ.get("NEWSLETTER_CONFIRMATION_DAYS", "7"))
NEWSLETTER_SUBSCRIBE_RATE = os.environ.get("NEWSLETTER_SUBSCRIBE_RATE", "10/h")

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
