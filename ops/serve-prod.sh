#!/usr/bin/env bash
# Try the production settings on one machine: gunicorn and the task worker, whitenoise with
# hashed static files, the embedded default (SQLite in var/, database cache), a local secret key
# kept in var/.
# Plain HTTP on loopback, so the HTTPS-only switches are off; everything else is production.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8061}
mkdir -p var
if [ ! -s var/secret_key ]; then
  "$PY" -c 'import secrets; print(secrets.token_urlsafe(50))' > var/secret_key
  chmod 600 var/secret_key
fi
export DJANGO_SETTINGS_MODULE=portal.settings.production
export SECRET_KEY="$(cat var/secret_key)"
export ALLOWED_HOSTS=${ALLOWED_HOSTS:-127.0.0.1,localhost}
export SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
export SECURE_HSTS_SECONDS=0 SERVE_MEDIA=${SERVE_MEDIA:-true}
export WAGTAILADMIN_BASE_URL=${WAGTAILADMIN_BASE_URL:-http://$HOST:$PORT}
"$PY" manage.py migrate --no-input -v0
"$PY" manage.py collectstatic --no-input -v0
# Demo accounts: a random password, printed once (production settings: no well-known password).
if [ "${LOAD_DEMO:-1}" = 1 ]; then "$PY" manage.py load_demo_content; fi
# The background worker (portal/tasks.py) runs beside gunicorn; in production it is a service of
# its own (README.md, "Production"): `manage.py db_worker`, restarted when it stops.
"$PY" manage.py db_worker &
worker=$!
trap 'kill $worker 2>/dev/null' EXIT INT TERM
echo "Serving the production settings on http://$HOST:$PORT/ (admin: /admin/)"
"$PY" -m gunicorn portal.wsgi --bind "$HOST:$PORT" --workers "${WORKERS:-3}" \
  --access-logfile - --forwarded-allow-ips 127.0.0.1
