"""`make bench-http`: the portal over HTTP, cached and uncached, beside a bare Django view.

Builds a demo database (var/bench-http.sqlite3) and collects the static files, then serves the
production settings with gunicorn twice on 127.0.0.1 (the page cache on and off, same database,
`BENCH_WORKERS` sync workers each) and drives them with wrk (Debian) in interleaved rounds, so
drift on a shared machine hits every row alike: only ratios taken in one run mean anything.

It prints, per page type, req/s uncached and cached (median of `BENCH_ROUNDS`), and each as a
ratio to the bare Django view (`/bench/bare/`, same servers, same middleware); then the
"registration rush": readers on five page types (wrk with a Lua script rotating the URLs,
counting `X-Page-Cache` hits) while registrations to one course arrive at `BENCH_RUSH_RATE`
per second (a GET of the form and a POST, each from its own client address), beside the same
readers with no registrations, in alternating rounds; and the "upload storm": the cached home
page's 99th percentile while three clients send stories with three photos of the largest size
the form takes (25 million pixels each), beside the same readers quietly, with the task worker
running as in production (its decoding must not reach the readers: target ≤ 2×).
`python ops/bench_http.py uploads` runs the upload storm alone.

`python ops/bench_http.py profile /storie/` (`make profile URL=/storie/`) prepares the same
database and runs `manage.py profile_request` under the same environment, page cache off.
"""

import http.cookiejar
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8062"))
DURATION = os.environ.get("BENCH_DURATION", "5s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
WORKERS = os.environ.get("BENCH_WORKERS", "2")
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
RUSH_RATE = float(os.environ.get("BENCH_RUSH_RATE", "2"))
DATABASE = ROOT / "var" / "bench-http.sqlite3"
SERVERS = {"cached": PORT, "uncached": PORT + 1}

RUSH_LUA = """
local paths = {%(paths)s}
local counter, threads = 0, {}
function setup(thread) table.insert(threads, thread) end
function init(args) hits, misses, other = 0, 0, 0 end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  local state = headers["X-Page-Cache"]
  if state == "hit" then hits = hits + 1 elseif state == "miss" then misses = misses + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local h, m, o = 0, 0, 0
  for _, t in ipairs(threads) do h = h + t:get("hits"); m = m + t:get("misses"); o = o + t:get("other") end
  io.write(string.format("CACHE hits=%%d misses=%%d other=%%d\\n", h, m, o))
end
"""


def environment(cached: bool) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ops.devtools.settings",  # production, with the dev tools
        "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", secrets.token_urlsafe(50)),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": f"sqlite:///{DATABASE}",
        "SECURE_SSL_REDIRECT": "false",
        "BENCH_BARE_VIEW": "true",
        "PAGE_CACHE_ENABLED": "true" if cached else "false",
        "RATELIMIT_IP_META_KEY": "HTTP_X_BENCH_CLIENT",
        # plain HTTP on loopback: cookies without the Secure flag, as in `make serve-prod`
        "CSRF_COOKIE_SECURE": "false",
        "SESSION_COOKIE_SECURE": "false",
        "LOG_LEVEL": "ERROR",
    }


def prepare():
    DATABASE.parent.mkdir(exist_ok=True)
    env = environment(cached=True)
    if not DATABASE.exists():
        subprocess.run([PY, "manage.py", "migrate", "--no-input", "-v0"], env=env, check=True)
        subprocess.run(
            [PY, "manage.py", "load_demo_content", "--no-admin"], env=env, check=True, cwd=ROOT
        )
    subprocess.run([PY, "manage.py", "collectstatic", "--no-input", "-v0"], env=env, check=True)


def get(url: str, opener=None) -> str:
    return (opener.open if opener else urllib.request.urlopen)(url, timeout=30).read().decode()


def base(server: str) -> str:
    return f"http://127.0.0.1:{SERVERS[server]}"


def urls() -> dict[str, str]:
    """The pages to measure, found on the running site."""
    stories = get(base("cached") + "/storie/")
    story = re.search(r'href="(/storie/(?!feed|racconta)[\w-]+/)"', stories)
    courses = get(base("cached") + "/formazione/")
    links = dict.fromkeys(re.findall(r'href="(/formazione/(?!calendario)[\w-]+/)"', courses))
    # the first course whose registrations are open (its page carries the form)
    course = [link for link in links if "csrfmiddlewaretoken" in get(base("cached") + link)][:1]
    return {
        "bare Django view": "/bench/bare/",
        "home": "/",
        "stories index": "/storie/",
        "story": story.group(1),
        "map": "/mappa/",
        "courses index": "/formazione/",
        "course (form)": course[0] if course else "/formazione/",
    }


def wrk(server: str, path: str, script: str | None = None) -> dict:
    command = ["wrk", "--latency", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}"]
    if script:
        command += ["-s", script]
    output = subprocess.run(
        [*command, base(server) + path], capture_output=True, text=True, check=True
    ).stdout
    result = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))}
    value, unit = re.search(r"\s50%\s+([\d.]+)(us|ms|s)", output).groups()
    result["p50"] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    value, unit = re.search(r"\s99%\s+([\d.]+)(us|ms|s)", output).groups()
    result["p99"] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    result["errors"] = int(errors.group(1)) if errors else 0
    cache = re.search(r"CACHE hits=(\d+) misses=(\d+) other=(\d+)", output)
    if cache:
        hits, misses, other = map(int, cache.groups())
        result["hit_ratio"] = hits / max(hits + misses + other, 1)
    return result


class RegistrationRush(threading.Thread):
    """Registrations to one course at `rate` per second: GET the form, POST it."""

    def __init__(self, course_url: str, rate: float):
        super().__init__(daemon=True)
        self.url, self.rate = base("cached") + course_url, rate
        self.stop = threading.Event()
        self.sent = self.failed = 0

    def run(self):
        number = 0
        while not self.stop.is_set():
            started = time.monotonic()
            number += 1
            try:
                self.register(number)
                self.sent += 1
            except (OSError, AttributeError):  # refused, or no form on the page
                self.failed += 1
            self.stop.wait(max(1 / self.rate - (time.monotonic() - started), 0))

    def register(self, number: int):
        client = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        opener.addheaders = [("X-Bench-Client", client)]
        page = get(self.url, opener)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = {
            "csrfmiddlewaretoken": token,
            "name": f"Lettrice {number}",
            "email": f"rush-{time.time_ns()}@example.org",
            "organisation": "",
            "needs": "",
            "consent": "on",
            "website": "",
        }
        request = urllib.request.Request(
            self.url, data=urllib.parse.urlencode(data).encode(), headers={"Referer": self.url}
        )
        opener.open(request, timeout=30).read()


def largest_photo() -> bytes:
    """A WebP of the most pixels a story photo may have (5000 × 5000): small to send, costly
    to decode."""
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (5000, 5000), "#0b5e55").save(buffer, "WEBP", quality=50, method=0)
    return buffer.getvalue()


def multipart(fields: dict[str, str], files: dict[str, bytes]) -> tuple[bytes, str]:
    boundary = secrets.token_hex(16)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
        )
    body = "".join(parts).encode()
    for name, content in files.items():
        body += (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{name}.webp"\r\nContent-Type: image/webp\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    return body + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


class UploadStorm(threading.Thread):
    """One client sending stories with three of the largest photos, one after the other."""

    URL = "/storie/racconta/"
    TEXT = "Una storia di innovazione nella piana di Pistoia, raccontata per la prova. " * 6

    def __init__(self, number: int, photo: bytes):
        super().__init__(daemon=True)
        self.number, self.photo = number, photo
        self.stop = threading.Event()
        self.sent = self.failed = 0

    def run(self):
        while not self.stop.is_set():
            try:
                self.submit()
                self.sent += 1
            except (OSError, AttributeError):
                self.failed += 1

    def submit(self):
        count = self.sent + self.failed
        client = f"10.200.{self.number}.{count % 256}"  # within the per-address limit
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        opener.addheaders = [("X-Bench-Client", client)]
        url = base("cached") + self.URL
        page = get(url, opener)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        fields = {
            "csrfmiddlewaretoken": token,
            "name": f"Autrice {self.number}",
            "organisation": "Banco di prova",
            "email": f"storm-{time.time_ns()}@example.org",
            "title": f"Prova di carico {self.number}-{count}",
            "summary": "Una prova di carico: tre foto grandi per ogni storia inviata.",
            "text": self.TEXT,
            "consent_privacy": "on",
            "consent_publication": "on",
            **{f"alt_{n}": f"Foto {n}" for n in (1, 2, 3)},
        }
        body, content_type = multipart(fields, {f"photo_{n}": self.photo for n in (1, 2, 3)})
        request = urllib.request.Request(
            url, data=body, headers={"Content-Type": content_type, "Referer": url}
        )
        opener.open(request, timeout=60).read()


def upload_storm() -> dict[str, list[dict]]:
    """The cached home page, quiet and during three clients' uploads, in alternating rounds."""
    photo = largest_photo()
    rounds = {"quiet": [], "uploads": []}
    get(base("cached") + "/")
    for number in range(ROUNDS):
        print(f"upload storm {number + 1}/{ROUNDS}", file=sys.stderr)
        rounds["quiet"].append(wrk("cached", "/"))
        storm = [UploadStorm(client, photo) for client in (1, 2, 3)]
        for client in storm:
            client.start()
        time.sleep(1)  # the uploads under way
        result = wrk("cached", "/")
        for client in storm:
            client.stop.set()
        for client in storm:
            client.join()
        result["stories"] = sum(client.sent for client in storm)
        result["failed"] = sum(client.failed for client in storm)
        rounds["uploads"].append(result)
    return rounds


def report_uploads(rounds) -> None:
    quiet, busy = median(rounds["quiet"], "p99"), median(rounds["uploads"], "p99")
    stories = sum(result["stories"] for result in rounds["uploads"])
    failed = sum(result["failed"] for result in rounds["uploads"])
    print(f"\nUpload storm: cached home page, {ROUNDS} rounds (median p99)")
    print(f"  quiet:   p99 {quiet:7.1f} ms")
    print(
        f"  uploads: p99 {busy:7.1f} ms, {stories} stories with 3 × 25 MP photos ({failed} failed)"
    )
    print(f"  uploads / quiet: {busy / quiet:.2f}× (target ≤ 2×)")


def start_servers() -> list[subprocess.Popen]:
    servers = []
    for name, port in SERVERS.items():
        command = [PY, "-m", "gunicorn", "portal.wsgi", "-b", f"127.0.0.1:{port}"]
        command += ["-w", WORKERS, "--log-level", "warning"]
        servers.append(subprocess.Popen(command, env=environment(name == "cached"), cwd=ROOT))
    # The task worker, as in production: it decodes the uploads and sends the e-mails.
    worker = [PY, "manage.py", "db_worker", "--interval", "1", "-v0"]
    servers.append(subprocess.Popen(worker, env=environment(True), cwd=ROOT))
    for name in SERVERS:
        for _ in range(150):
            if any(server.poll() is not None for server in servers):
                stop(servers)
                sys.exit(f"gunicorn did not start (ports {list(SERVERS.values())} busy?)")
            try:
                get(base(name) + "/healthz")
                break
            except OSError:
                time.sleep(0.2)
    return servers


def stop(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        if server.poll() is None:
            server.terminate()
            server.wait()


def median(results: list[dict], key: str) -> float:
    return statistics.median(result[key] for result in results)


def measure(targets: dict[str, str], rush_paths: list[str], course: str, script: str):
    pages = {(name, server): [] for name in targets for server in SERVERS}
    rush = {"quiet": [], "rush": []}
    for path in targets.values():  # warm up, and fill the page cache
        for server in SERVERS:
            get(base(server) + path)
    for number in range(ROUNDS):
        print(f"round {number + 1}/{ROUNDS}", file=sys.stderr)
        for name, path in targets.items():
            for server in SERVERS:
                pages[name, server].append(wrk(server, path))
        for scenario in ("quiet", "rush"):
            registrations = RegistrationRush(course, RUSH_RATE) if scenario == "rush" else None
            if registrations:
                registrations.start()
            result = wrk("cached", rush_paths[0], script)
            if registrations:
                registrations.stop.set()
                registrations.join()
                result["registrations"] = registrations.sent
                result["failed"] = registrations.failed
            rush[scenario].append(result)
    return pages, rush


def report(targets, pages, rush):
    bare = {server: median(pages["bare Django view", server], "rps") for server in SERVERS}
    print(
        f"wrk -c{CONNECTIONS} -d{DURATION} per row, {ROUNDS} interleaved rounds (median); ", end=""
    )
    print(f"gunicorn: {WORKERS} sync workers per server; production settings, SQLite")
    header = f"{'page':18} {'uncached':>9} {'vs bare':>8} {'cached':>9} {'vs bare':>8}  path"
    print(header)
    print("-" * len(header))
    for name, path in targets.items():
        uncached = median(pages[name, "uncached"], "rps")
        cached = median(pages[name, "cached"], "rps")
        print(
            f"{name:18} {uncached:9.1f} {uncached / bare['uncached']:8.1%} "
            f"{cached:9.1f} {cached / bare['cached']:8.1%}  {path}"
        )
    quiet, busy = median(rush["quiet"], "rps"), median(rush["rush"], "rps")
    sent = sum(result["registrations"] for result in rush["rush"])
    failed = sum(result["failed"] for result in rush["rush"])
    print(f"\nRegistration rush: readers on five page types, page cache on, {ROUNDS} rounds")
    print(f"  quiet: {quiet:8.1f} req/s, hit ratio {median(rush['quiet'], 'hit_ratio'):.1%}")
    print(
        f"  rush:  {busy:8.1f} req/s, hit ratio {median(rush['rush'], 'hit_ratio'):.1%}, ", end=""
    )
    print(f"{sent} registrations ({failed} failed) at {RUSH_RATE:g}/s")
    print(f"  rush / quiet: {busy / quiet:.1%} (target ≥ 80 %)")


def profile(path: str):
    prepare()
    env = environment(cached=False)
    command = [PY, "manage.py", "profile_request", path, *sys.argv[3:]]
    sys.exit(subprocess.run(command, env=env, cwd=ROOT).returncode)


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "profile":
        profile(sys.argv[2])
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    prepare()
    servers = start_servers()
    script = None
    if sys.argv[1:] == ["uploads"]:
        try:
            report_uploads(upload_storm())
        finally:
            stop(servers)
        return
    try:
        targets = urls()
        rush_paths = [targets[name] for name in ("home", "stories index", "story", "map")]
        rush_paths.append(targets["courses index"])
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(RUSH_LUA % {"paths": ", ".join(f'"{p}"' for p in rush_paths)})
        pages, rush = measure(targets, rush_paths, targets["course (form)"], script.name)
        report(targets, pages, rush)
        report_uploads(upload_storm())
    finally:
        stop(servers)
        if script:
            Path(script.name).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
