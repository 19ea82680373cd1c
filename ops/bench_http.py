"""`make bench-http`: gunicorn + production settings on 127.0.0.1, driven by wrk (Debian).

Builds a demo database (var/bench-http.sqlite3), collects the static files, then for each URL
runs wrk for a bounded time with the page cache on and off (two gunicorn runs), and prints
requests per second, p50 and p99, and the ratio to a bare Django view served the same way.
Targets (not tests): a cached page ≥ 80 % of the bare view; an uncached page < 40 ms.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8062"))
DURATION = os.environ.get("BENCH_DURATION", "5s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "16")
WORKERS = os.environ.get("BENCH_WORKERS", str(min(os.cpu_count() or 2, 4)))
DATABASE = ROOT / "var" / "bench-http.sqlite3"
BASE = f"http://127.0.0.1:{PORT}"


def environment(cached: bool) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "SECURE_SSL_REDIRECT": "false",
        "BENCH_BARE_VIEW": "true",
        "PAGE_CACHE_ENABLED": "true" if cached else "false",
        "LOG_LEVEL": "ERROR",
    }


def prepare():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    DATABASE.parent.mkdir(exist_ok=True)
    env = environment(cached=True)
    if not DATABASE.exists():
        subprocess.run([PY, "manage.py", "migrate", "--no-input", "-v0"], env=env, check=True)
        subprocess.run(
            [PY, "manage.py", "load_demo_content", "--no-admin"], env=env, check=True, cwd=ROOT
        )
    subprocess.run([PY, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, check=True)


def urls() -> dict[str, str]:
    """The URLs to measure, found on the running site (a listing, an article, a static file)."""
    home = urllib.request.urlopen(f"{BASE}/").read().decode()
    stylesheet = re.search(r'href="(/static/css/portal\.[0-9a-f]+\.css)"', home)
    stories = urllib.request.urlopen(f"{BASE}/storie/").read().decode()
    article = re.search(r'href="(/storie/(?!feed|racconta)[\w-]+/)"', stories)
    return {
        "bare Django view": "/bench/bare/",
        "home": "/",
        "listing (/storie/)": "/storie/",
        "article": article.group(1) if article else "/programma/",
        "GeoJSON": "/api/innovatori.geojson",
        "static file": stylesheet.group(1) if stylesheet else "/static/css/portal.css",
    }


def wrk(path: str) -> tuple[float, float, float]:
    output = subprocess.run(
        ["wrk", "--latency", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}", BASE + path],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))

    def percentile(name):
        value, unit = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rps, percentile("50"), percentile("99")


def serve_and_measure(cached: bool) -> dict:
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            WORKERS,
            "--log-level",
            "warning",
        ],
        env=environment(cached),
        cwd=ROOT,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{BASE}/healthz")
                break
            except OSError:
                time.sleep(0.2)
        targets = urls()
        for path in targets.values():  # warm up (and fill the page cache)
            urllib.request.urlopen(BASE + path).read()
        return {name: (path, wrk(path)) for name, path in targets.items()}
    finally:
        server.terminate()
        server.wait()


def main():
    prepare()
    print(f"wrk: {DURATION} per URL, {CONNECTIONS} connections; gunicorn: {WORKERS} workers")
    header = f"{'':22} {'page cache':10} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs bare':>8}"
    print(header)
    print("-" * len(header))
    for cached in (True, False):
        results = serve_and_measure(cached)
        bare = results["bare Django view"][1][0]
        for name, (_path, (rps, p50, p99)) in results.items():
            label = "on" if cached else "off"
            print(f"{name:22} {label:10} {rps:9.0f} {p50:8.2f} {p99:8.2f} {rps / bare:7.0%}")
    print("Targets: cached page ≥ 80 % of the bare view; uncached page < 40 ms.")


if __name__ == "__main__":
    main()
