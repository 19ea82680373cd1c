"""`make audit`: Lighthouse (mobile emulation) on every page type, in both languages.

Serves the production settings with ops/serve-prod.sh on AUDIT_PORT (a database of its own,
var/audit.sqlite3, with the demo content), finds one URL per page type and language, runs
Lighthouse 12.2.3 (the one on PATH if it is that version, else installed into var/lighthouse,
never downloaded at run time otherwise) with Debian's Chromium AUDIT_RUNS times (3) per page,
and prints the median of each score, the median total blocking time and, under 100, the audits
that cost the points (of the run with the median performance). The reports stay in var/audit/.
A full run (no AUDIT_ONLY or AUDIT_KINDS) writes its table into docs/front-end.md.

AUDIT_ONLY=storie,mappa limits the run to paths containing one of the words, AUDIT_KINDS=HomePage,
profile to page types (the first column); AUDIT_TILE_URL
sets the map's tile server (default: none, so the audit needs no network and measures the
site, not a third party's tiles).
"""

import datetime
import json
import os
import re
import secrets
import shutil
import signal
import statistics
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
LOCAL_LIGHTHOUSE = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "var" / "audit"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
RUNS = int(os.environ.get("AUDIT_RUNS", "3"))
DOC = ROOT / "docs" / "front-end.md"
TABLE_START, TABLE_END = "<!-- audit table: start -->", "<!-- audit table: end -->"

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
        found[("404", lang)] = f"{prefix}/non-esiste/"
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


def installed_lighthouse() -> str | None:
    """The `lighthouse` on PATH when it is LIGHTHOUSE_VERSION (`npm i -g lighthouse@12.2.3`)."""
    found = shutil.which("lighthouse")
    if not found:
        return None
    version = subprocess.run([found, "--version"], capture_output=True, text=True).stdout
    return found if version.strip() == LIGHTHOUSE_VERSION else None


def install_lighthouse() -> str:
    if found := installed_lighthouse():
        return found
    if LOCAL_LIGHTHOUSE.exists():
        return str(LOCAL_LIGHTHOUSE)
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
    return str(LOCAL_LIGHTHOUSE)


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


def lighthouse(
    binary: str, url: str, report: Path, attempts: int = 2, error_page: bool = False
) -> dict | None:
    """One Lighthouse run's JSON report. Its runtime errors (NO_NAVSTART on a busy machine) are
    retried once, then the run is None. `error_page`: the page answers 404 on purpose, which
    Lighthouse refuses to audit unless told to."""
    command = [
        binary,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless --no-sandbox --disable-gpu",
        *(["--ignore-status-code"] if error_page else []),
    ]
    for _attempt in range(attempts):
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME})
        if run.returncode == 0:
            result = json.loads(report.read_text())
            if not result.get("runtimeError"):
                return result
    return None


def scores(result: dict) -> dict:
    categories = result["categories"]
    return {key: round((categories[key]["score"] or 0) * 100) for key in CATEGORIES}


def lost_points(result: dict, category: str) -> list[str]:
    """The audits of `category` that cost points in `result`: their ids."""
    audits = result["audits"]
    return [
        ref["id"]
        for ref in result["categories"][category]["auditRefs"]
        if ref.get("weight")
        and (audits[ref["id"]].get("score") is not None)
        and audits[ref["id"]]["score"] < 1
    ]


def median_of_runs(binary: str, url: str, name: str, error_page: bool = False) -> dict:
    """The median of each score over RUNS runs, the median total blocking time, and why a
    category is under 100 in the run whose performance is the median."""
    results = []
    for run in range(RUNS):
        result = lighthouse(binary, url, REPORTS / f"{name}-{run + 1}.json", error_page=error_page)
        if result:
            results.append(result)
    if not results:
        return {**dict.fromkeys(CATEGORIES, "err"), "tbt": "err", "why": "Lighthouse failed"}
    runs = [scores(result) for result in results]
    median = {key: round(statistics.median(run[key] for run in runs)) for key in CATEGORIES}
    ordered = sorted(results, key=lambda result: scores(result)["performance"])
    middle = ordered[(len(ordered) - 1) // 2]
    blocking = [r["audits"]["total-blocking-time"]["numericValue"] for r in results]
    why = []
    for category in CATEGORIES:
        if median[category] < 100:
            lost = lost_points(middle, category)
            if category == "seo" and "is-crawlable" in lost:
                lost = [
                    "noindex on purpose (is-crawlable)",
                    *[a for a in lost if a != "is-crawlable"],
                ]
            why.append(f"{category}: {', '.join(lost) or 'variance between runs'}")
    return {**median, "tbt": round(statistics.median(blocking)), "why": "; ".join(why)}


def write_table(results: list[dict]) -> None:
    """The table into docs/front-end.md, between its markers."""
    lines = [
        TABLE_START,
        f"Median of {RUNS} runs, {datetime.date.today():%d %B %Y}, demo content, production "
        "settings, tiles off, Lighthouse 12.2.3 mobile.",
        "",
        "| page type | lang | perf | a11y | bp | seo | TBT ms | under 100 because |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
        *(
            f"| {r['kind']} | {r['lang']} | {r['performance']} | {r['accessibility']} | "
            f"{r['best-practices']} | {r['seo']} | {r['tbt']} | {r['why']} |"
            for r in results
        ),
        TABLE_END,
    ]
    text = DOC.read_text()
    table = "\n".join(lines)
    if TABLE_START in text:
        text = re.sub(
            re.escape(TABLE_START) + ".*?" + re.escape(TABLE_END),
            lambda _match: table,
            text,
            flags=re.DOTALL,
        )
    else:
        text = text.rstrip("\n") + "\n\n" + table + "\n"
    DOC.write_text(text)


def main():
    binary = install_lighthouse()
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
        print(
            f"{'page type':<22} {'lang':<4} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} "
            f"{'TBT':>5}  url  (median of {RUNS})"
        )
        results = []
        for kind, lang, path in pages:
            name = f"{kind}-{lang}".replace(" ", "-").lower()
            median = median_of_runs(binary, BASE + path, name, error_page=kind == "404")
            results.append({"kind": kind, "lang": lang, "path": path, **median})
            row = " ".join(f"{median[key]:>4}" for key in CATEGORIES)
            why = f"  ({median['why']})" if median["why"] else ""
            print(f"{kind:<22} {lang:<4} {row} {median['tbt']:>5}  {path}{why}", flush=True)
        (REPORTS / "summary.json").write_text(json.dumps(results, indent=2))
        if not only and not kinds:
            write_table(results)
            print(f"The table is in {DOC.relative_to(ROOT)}.")
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # serve-prod.sh and whatever it started
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
