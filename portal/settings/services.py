"""Outside services, each switched on only when its variable is set: the database (PostgreSQL
with DATABASE_URL, else SQLite), media on S3-compatible storage, SMTP, the map tile server and
the admin's geocoder. Read by base.py."""

import os
from pathlib import Path

import dj_database_url

from .env import BASE_DIR, VAR_DIR, env_bool

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

# Background tasks (portal/tasks.py): django-tasks, queued in the database (SQLite here,
# PostgreSQL in production) and run by `manage.py db_worker` (`make run` starts it; in
# production it runs as a service beside gunicorn). A task «running» this long is shown as
# stalled in the admin, where moderators can run it again.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TASKS_STALLED_AFTER_MINUTES = int(os.environ.get("TASKS_STALLED_AFTER_MINUTES", "60"))

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

# Map tiles (the public maps and wagtailgeowidget in the admin) from a configurable server.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)
# wagtailgeowidget: maps centred on Pistoia (its default is Stockholm).
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 43.9335, "lng": 10.9173}
GEO_WIDGET_ZOOM = 10
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION}
# Address search in the admin's map: off by default (no outside service called). Set it to a
# wagtailgeowidget geocoder ("nominatim"; "mapbox" with MAPBOX_ACCESS_TOKEN) to turn it on.
PORTAL_GEOCODER = os.environ.get("GEOCODER", "")
MAPBOX_ACCESS_TOKEN = os.environ.get("MAPBOX_ACCESS_TOKEN") or None
