"""`make audit`: Lighthouse (mobile emulation) on every page type, in both languages.

Serves the production settings with ops/serve-prod.sh on AUDIT_PORT (a database of its own,
var/audit.sqlite3, with the demo content), finds one URL per page type and language, runs
Lighthouse 12.2.3 (installed into var/lighthouse, never downloaded at run time otherwise) with
Debian's Chromium, and prints the four scores per page. The reports stay in var/audit/.

AUDIT_ONLY=storie,mappa limits the run to paths containing one of the words, AUDIT_KINDS=HomePage,
profile to page types (the first column); AUDIT_TILE_URL
sets the map's tile server (default: none, so the audit needs no network and measures the
site, not a third party's tiles).
"""

import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = os.environ.get("PY", sys.executable)
PORT = int(os.environ.get("AUDIT_PORT", "8063"))
BASE = f"http://127.0.0.1:{PORT}"
LIGHTHOUSE_VERSION = "12.2.3"
LIGHTHOUSE_DIR = ROOT / "var" / "lighthouse"
LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "var" / "audit"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

# One URL per page type and language, found in the audit database.
FIND_URLS = """
import json
from django.conf import settings
from wagtail.models import Page
from innovators.models import Innovator
found = {}
for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
    key = (type(page).__name__, page.locale.language_code)
    found.setdefault(key, page.url)
for (kind, lang), url in list(found.items()):
    if kind == "ClubDirectoryPage":
        slug = Innovator.objects.filter(live=True, is_club_member=True).order_by("pk").first().slug
        found[("profile", lang)] = f"{url}{slug}/"
        found[("join form", lang)] = f"{url}aderisci/"
    if kind == "InnovatorMapPage":
        found[("map embed", lang)] = f"{url}embed/"
    if kind == "HomePage":
        prefix = "" if lang == settings.LANGUAGE_CODE else f"/{lang}"
        found[("search", lang)] = f"{prefix}/cerca/?q=innovazione"
print(json.dumps([[kind, lang, url] for (kind, lang), url in sorted(found.items())]))
"""


def environment() -> dict:
    secret = ROOT / "var" / "secret_key"
    return {
        **os.environ,
        "PY": PY,
        "PORT": str(PORT),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secret.read_text().strip() if secret.exists() else secrets.token_urlsafe(50),
        "DATABASE_URL": os.environ.get("AUDIT_DATABASE_URL", "sqlite:///var/audit.sqlite3"),
        "MAP_TILE_URL": os.environ.get("AUDIT_TILE_URL", ""),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "WORKERS": os.environ.get("AUDIT_WORKERS", "2"),
    }


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    if not shutil.which("npm"):
        sys.exit("npm is missing: Lighthouse needs Node 20 (apt-get install nodejs npm)")
    LIGHTHOUSE_DIR.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(LIGHTHOUSE_DIR),
            f"lighthouse@{LIGHTHOUSE_VERSION}",
        ],
        check=True,
    )


def wait_for_server(process, timeout: float = 300):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("the production server stopped before answering")
        try:
            urllib.request.urlopen(f"{BASE}/healthz", timeout=2)
            return
        except (urllib.error.URLError, OSError):
            time.sleep(1)
    sys.exit(f"no answer from {BASE} after {timeout:.0f} s")


def lighthouse(url: str, name: str, attempts: int = 2) -> dict:
    """The four scores of one page. Lighthouse's runtime errors (NO_NAVSTART on a busy machine)
    are retried once, then reported as «err»."""
    report = REPORTS / f"{name}.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
    ]
    for _attempt in range(attempts):
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME})
        if run.returncode == 0:
            categories = json.loads(report.read_text())["categories"]
            return {key: round((categories[key]["score"] or 0) * 100) for key in CATEGORIES}
    return dict.fromkeys(CATEGORIES, "err")


def main():
    install_lighthouse()
    REPORTS.mkdir(parents=True, exist_ok=True)
    env = environment()
    # The demo content first (idempotent; minutes on a fresh database), then the server.
    for command in (["migrate", "--no-input", "-v0"], ["load_demo_content"]):
        subprocess.run([PY, "manage.py", *command], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        ["bash", "ops/serve-prod.sh"],
        cwd=ROOT,
        env={**env, "LOAD_DEMO": "0"},
        stdout=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        wait_for_server(server)
        found = subprocess.run(
            [PY, "manage.py", "shell", "-c", FIND_URLS],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        pages = json.loads(found.stdout.strip().splitlines()[-1])
        only = [word for word in os.environ.get("AUDIT_ONLY", "").split(",") if word]
        pages = [p for p in pages if not only or any(word in p[2] for word in only)]
        kinds = [word for word in os.environ.get("AUDIT_KINDS", "").split(",") if word]
        pages = [p for p in pages if not kinds or p[0] in kinds]
        print(f"{'page type':<22} {'lang':<4} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4}  url")
        results = []
        for kind, lang, path in pages:
            name = f"{kind}-{lang}".replace(" ", "-").lower()
            scores = lighthouse(BASE + path, name)
            results.append({"kind": kind, "lang": lang, "path": path, **scores})
            row = " ".join(f"{scores[key]:>4}" for key in CATEGORIES)
            print(f"{kind:<22} {lang:<4} {row}  {path}", flush=True)
        (REPORTS / "summary.json").write_text(json.dumps(results, indent=2))
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # serve-prod.sh and whatever it started
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
