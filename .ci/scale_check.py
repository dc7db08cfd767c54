"""Checks and measurements of the scale test; started by .ci/scale.sh with the services running.

Two gunicorn instances (app1, app2) share one PostgreSQL database, one Redis database and one
S3 bucket; Varnish balances over both. This script, with the same environment (settings,
database, bucket) as the instances:

1. logs in through app1 and uses the same session on app2 (shared sessions);
2. checks what Varnish keys on, stores and drops: the HTTP->HTTPS redirect never reaches HTTPS
   visitors, equivalent spellings of Host and URL share one object, one BAN (any Host) drops
   everything, PURGE works in any spelling, answers that do not say "public" are not stored;
3. saves a draft of the home page and publishes it through app1's admin; app2 and Varnish
   must show the new text within 1 s (the app's BAN or PURGE after the commit; either works,
   as publishing the home page drops everything), no per-process state;
4. uploads an image through app1's admin and has app2 make a rendition (signed serve URL),
   stored in and fetched from the object store; neither instance keeps a local media file;
5. database outage: Varnish keeps serving a cached page, app2 answers 503;
6. wrk on the cached home page through Varnish and on the same HTML from nginx.

Figures go to stdout (table) and OUT/figures.json. Any failed check exits non-zero.
"""

import argparse
import gzip
import http.client
import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests
from bs4 import BeautifulSoup

SITE_HOST = "localhost"  # the Wagtail Site's hostname
# What the TLS terminator in front of Varnish adds: the instances run with SECURE_SSL_REDIRECT
# (production settings), so a request without it is redirected to HTTPS.
HTTPS = {"X-Forwarded-Proto": "https"}
VISITOR = {"Host": SITE_HOST, **HTTPS}  # a visitor of https://localhost/, through Varnish
LATENCY_LIMIT_S = 1.0
RATIO_LIMIT = 0.5
WRK_ARGS = ["-t2", "-c8", "--timeout", "5s"]

figures = {}
missed_limits = []  # measured limits: reported together at the end, after all figures


def limit(condition, message):
    if not condition:
        print(f"LIMIT MISSED: {message}", file=sys.stderr)
        missed_limits.append(message)


def check(condition, message):
    if not condition:
        print(f"FEHLER / FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def wait_for(url, headers=None, timeout=90):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            resp = requests.get(url, headers=headers, timeout=5, allow_redirects=False)
            if resp.status_code == 200:
                return resp
            last = resp.status_code
        except requests.RequestException as exc:
            last = exc
        time.sleep(0.3)
    check(False, f"{url} did not answer 200 within {timeout} s (last: {last})")


class Admin:
    """A logged-in editor talking to one instance, with a cookie jar that can move over.

    Production settings mark the cookies Secure; the instances believe they are behind HTTPS
    (X-Forwarded-Proto), so the cookies are sent by hand over plain loopback HTTP.
    """

    def __init__(self, base, cookies=None):
        self.base = base
        self.cookies = dict(cookies or {})

    def _headers(self):
        host = self.base.split("://", 1)[1]
        return {"X-Forwarded-Proto": "https", "Origin": f"https://{host}"}

    def request(self, method, path, **kwargs):
        resp = requests.request(
            method,
            self.base + path,
            headers=self._headers(),
            cookies=self.cookies,
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        for cookie in resp.cookies:
            self.cookies[cookie.name] = cookie.value
        return resp

    def form(self, path, selector="form[method=post]"):
        resp = self.request("GET", path)
        check(resp.status_code == 200, f"GET {path} on {self.base}: {resp.status_code}")
        soup = BeautifulSoup(resp.text, "html.parser")
        forms = [
            f for f in soup.select(selector) if f.find("input", {"name": "csrfmiddlewaretoken"})
        ]
        check(forms, f"no form with a CSRF token on {path}")
        form = forms[0]
        data = {}
        for field in form.find_all(["input", "select", "textarea"]):
            name = field.get("name")
            if not name or field.get("type") in ("submit", "file", "checkbox", "radio"):
                continue
            if field.name == "select":
                option = field.find("option", selected=True) or field.find("option")
                data[name] = option.get("value", "") if option else ""
            elif field.name == "textarea":
                data[name] = field.text
            else:
                data[name] = field.get("value", "")
        return form, data

    def login(self, username, password):
        _, data = self.form("/admin/login/")
        data.update(username=username, password=password)
        resp = self.request("POST", "/admin/login/", data=data)
        check(resp.status_code == 302, f"admin login through {self.base}: {resp.status_code}")
        check("sessionid" in self.cookies, "no session cookie after login")


def django_setup():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()


def raw_request(base, method, target, headers):
    """One request sent exactly as written: (status, headers with lower-case names, body).

    requests would rewrite /%61ktuelles/ into /aktuelles/ before sending (it unquotes
    unreserved characters), which would hide what Varnish does with such a spelling.
    """
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.endheaders()
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, {name.lower(): value for name, value in resp.getheaders()}, body
    finally:
        conn.close()


def varnish_semantics(args):
    """What Varnish keys on, stores and drops (deploy/varnish/default.vcl), with the real app.

    (a) the HTTP->HTTPS redirect (no Cache-Control) is never served to an HTTPS visitor;
    (b) equivalent spellings of Host and URL hit the one cached object; (c) one BAN with any
    Host drops every object of every host, a PURGE in any spelling drops one path with its
    query variants on its host; (d) answers without "Cache-Control: public" are not stored.
    Every failure is printed before the run fails, so one run shows all that is wrong.
    """
    from news.models import NewsIndexPage

    index = NewsIndexPage.objects.live().first()
    path = index.relative_url(None)  # /aktuelles/
    spelled = f"/%{ord(path[1]):02x}{path[2:]}"  # /%61ktuelles/
    # A query variant the app caches: a tag in use (only canonical addresses are stored; an
    # unknown ?tag= is answered but never stored).
    from taggit.models import Tag

    tag = Tag.objects.filter(news_newspagetag_items__isnull=False).order_by("slug").first()
    tagged = f"{path}?tag={tag.slug}"
    failures = []

    def expect(condition, message):
        if not condition:
            print(f"FEHLER / FAILED: {message}", file=sys.stderr)
            failures.append(message)

    def get(target, host=SITE_HOST, proto="https"):
        headers = {"Host": host}
        if proto is not None:
            headers["X-Forwarded-Proto"] = proto
        status, headers, _ = raw_request(args.varnish, "GET", target, headers)
        return status, headers.get("x-cache"), headers

    def cached(target, host=SITE_HOST):
        """Fetched twice: the second answer should come from Varnish."""
        get(target, host)
        return get(target, host)

    raw_request(args.varnish, "BAN", "/", {"Host": SITE_HOST})  # start from an empty cache

    # (a) The redirect is for plain-HTTP visitors only; HTTPS visitors get the page.
    status, _, headers = get(path, proto="http")
    location = headers.get("location", "")
    expect(
        status == 301 and location.startswith("https://"),
        f"(a) plain HTTP {path}: {status} {location!r}, not the redirect to HTTPS",
    )
    redirect_cc = headers.get("cache-control", "none")
    status, x_cache, _ = get(path)
    expect(status == 200, f"(a) HTTPS {path} after a plain-HTTP request: {status} ({x_cache})")
    for proto in ("HTTPS", "https, http"):
        status, x_cache, _ = get(path, proto=proto)
        expect(status == 200, f"(a) X-Forwarded-Proto {proto!r}: {status} ({x_cache})")
    for proto in ("http", None):
        status, x_cache, _ = get(path, proto=proto)
        expect(status == 301, f"(a) X-Forwarded-Proto {proto!r} (plain HTTP): {status} ({x_cache})")

    # (b) One object for every spelling of https://localhost/aktuelles/.
    status, x_cache, _ = cached(path)
    expect(status == 200 and x_cache == "HIT", f"(b) {path} not cached: {status} {x_cache}")
    spellings = [
        (path, host) for host in ("LOCALHOST", "localhost:80", "localhost.", "localhost:443")
    ]
    spellings += [(spelled, SITE_HOST), (path + "?", SITE_HOST), (spelled, "LocalHost.:80")]
    for target, host in spellings:
        status, x_cache, _ = get(target, host)
        expect(
            status == 200 and x_cache == "HIT",
            f"(b) Host {host!r} {target}: {status} {x_cache}, not the object of {SITE_HOST} {path}",
        )

    # (c) PURGE in another spelling: this path and its query variants on this host, nothing
    # else. Then one BAN with an unrelated Host: everything of every host.
    others = [("/", SITE_HOST), (path, "127.0.0.1")]
    for target, host in [(tagged, SITE_HOST), *others]:
        status, x_cache, _ = cached(target, host)
        expect(x_cache == "HIT", f"(c) Host {host!r} {target} not cached: {status} {x_cache}")
    status, _, _ = raw_request(args.varnish, "PURGE", spelled, {"Host": "LOCALHOST:80"})
    expect(status == 200, f"(c) PURGE {spelled}: {status}")
    for target in (path, tagged):
        _, x_cache, _ = get(target)
        expect(x_cache != "HIT", f"(c) {target} still cached after PURGE {spelled} (LOCALHOST:80)")
    for target, host in others:
        _, x_cache, _ = get(target, host)
        expect(x_cache == "HIT", f"(c) PURGE {spelled} also dropped Host {host!r} {target}")
    everything = [(path, SITE_HOST), (tagged, SITE_HOST), *others]
    for target, host in everything:
        cached(target, host)
    status, _, _ = raw_request(args.varnish, "BAN", "/", {"Host": "cache-ban.invalid"})
    expect(status == 200, f"(c) BAN /: {status}")
    for target, host in everything:
        _, x_cache, _ = get(target, host)
        expect(x_cache == "MISS", f"(c) Host {host!r} {target}: {x_cache} after one BAN /")

    # (d) Not stored without "public": unknown query parameters (the app does not cache
    # them) and a 404, both without Cache-Control today; the redirect was (a).
    not_public = []
    for target in (path + "?utm_source=skalierungstest", "/gibt-es-nicht-skalierungstest/"):
        status, _, headers = get(target)
        cache_control = headers.get("cache-control", "none")
        expect("public" not in cache_control, f"(d) {target}: the app says {cache_control}")
        status, x_cache, _ = get(target)
        expect(
            x_cache != "HIT",
            f"(d) {target} ({status}, Cache-Control: {cache_control}) was stored: {x_cache}",
        )
        not_public.append(f"{status} {cache_control}")

    check(not failures, f"{len(failures)} Varnish check(s) failed (see above)")
    figures["varnish_checks"] = "passed"
    print(
        f"Varnish: plain HTTP {path} redirected (Cache-Control: {redirect_cc}), not stored; "
        f"HTTPS gets 200; {len(spellings)} spellings (LOCALHOST, localhost:80, localhost., "
        f"{spelled} ...) hit one object; PURGE {spelled} (Host LOCALHOST:80) drops the path and "
        f"its variants only; one BAN / (any Host) drops all; not stored: " + ", ".join(not_public)
    )


def publish_through_app1(admin1, args):
    """Editor saves a draft (ORM, as the edit view would) and publishes it through app1."""
    from partnerships.models.home import HomePage

    home = HomePage.objects.get()
    marker = f"Skalierungstest {os.getpid()}-{int(time.time())}"
    # Warm every cache there is with the old version: Varnish, the instances.
    for _ in range(2):
        requests.get(args.varnish + "/", headers=VISITOR, timeout=10)
        requests.get(args.app2 + "/", headers=HTTPS, timeout=10)
    resp = requests.get(args.varnish + "/", headers=VISITOR, timeout=10)
    check(resp.headers.get("X-Cache") == "HIT", f"home page not cached: {resp.headers}")
    check(marker not in resp.text, "marker already there")
    # How long the app takes to render the home page right now (the machine may be busy).
    renders = []
    for _ in range(5):
        t0 = time.monotonic()
        requests.get(args.app2 + "/", headers=HTTPS, timeout=10)
        renders.append(time.monotonic() - t0)
    figures["home_render_app2_s"] = round(sorted(renders)[2], 3)

    draft = home.specific
    draft.intro = f"<p>{marker}: neue Fassung, über Instanz 1 veröffentlicht.</p>"
    draft.save_revision()

    path = f"/admin/bulk/wagtailcore/page/publish/?id={home.pk}"
    _, data = admin1.form(path)
    started = time.monotonic()
    resp = admin1.request("POST", path, data=data)
    published = time.monotonic()
    check(resp.status_code == 302, f"publish through app1: {resp.status_code}")
    home.refresh_from_db()
    check(marker in home.intro, "the publish did not reach the database")

    # Visitors keep arriving: per target a new request every 100 ms (at most 2 at a time), so
    # the figure is "publish -> first answer with the new text", not one slow poll's timing.
    seen = {}
    lock = threading.Lock()

    def fetch(name, url, headers):
        try:
            body = requests.get(url, headers=headers, timeout=10).text
        except requests.RequestException:
            return
        if marker in body:
            with lock:
                seen.setdefault(name, time.monotonic() - published)

    targets = [
        ("app2", args.app2 + "/", HTTPS),
        ("varnish", args.varnish + "/", VISITOR),
    ]
    running = []
    deadline = published + 5
    while len(seen) < len(targets) and time.monotonic() < deadline:
        running = [t for t in running if t.is_alive()]
        for name, url, headers in targets:
            if name not in seen and sum(t.name == name for t in running) < 2:
                thread = threading.Thread(target=fetch, args=(name, url, headers), name=name)
                thread.start()
                running.append(thread)
        time.sleep(0.1)
    for thread in running:
        thread.join()
    figures["publish_request_s"] = round(published - started, 3)
    for name in ("app2", "varnish"):
        check(name in seen, f"{name} still shows the old home page 5 s after publishing")
        figures[f"publish_visible_{name}_s"] = round(seen[name], 3)
        limit(
            seen[name] <= LATENCY_LIMIT_S,
            f"{name} showed the new version only after {seen[name]:.2f} s (limit 1 s)",
        )
    again = requests.get(args.varnish + "/", headers=VISITOR, timeout=10)
    check(marker in again.text and again.headers.get("X-Cache") == "HIT", "new version not cached")
    print(
        f"publish through app1 ({figures['publish_request_s']:.2f} s): new version on app2 after "
        f"{seen['app2'] * 1000:.0f} ms, through Varnish after {seen['varnish'] * 1000:.0f} ms"
    )


def image_through_both(admin1, args):
    """Upload through app1's admin, rendition made by app2 from the shared bucket."""
    from django.core.files.storage import default_storage
    from PIL import Image as PILImage
    from wagtail.images import get_image_model
    from wagtail.images.utils import generate_signature

    title = f"Skalierungstest-Bild {os.getpid()}"
    buf = io.BytesIO()
    picture = PILImage.new("RGB", (800, 600), (30, 90, 160))
    picture.paste((240, 200, 40), (200, 150, 600, 450))
    picture.save(buf, "JPEG", quality=90)

    _, data = admin1.form("/admin/images/add/")
    data.update(title=title, description="Blaues Rechteck mit gelbem Feld (Testbild)")
    resp = admin1.request(
        "POST",
        "/admin/images/add/",
        data=data,
        files={"file": ("skalierungstest.jpg", buf.getvalue(), "image/jpeg")},
    )
    check(resp.status_code == 302, f"image upload through app1: {resp.status_code}")
    image = get_image_model().objects.get(title=title)
    check(default_storage.exists(image.file.name), "original not in the object store")
    check(image.width == 800 and image.height == 600, "wrong image size recorded")

    spec = "fill-320x240"
    url = f"/bilder/{generate_signature(image.pk, spec)}/{image.pk}/{spec}/"
    bad = requests.get(args.app2 + url.replace("/bilder/", "/bilder/x"), headers=HTTPS, timeout=10)
    check(bad.status_code == 403, f"tampered rendition URL: {bad.status_code}")
    started = time.monotonic()
    resp = requests.get(args.app2 + url, headers=HTTPS, timeout=30, allow_redirects=False)
    check(resp.status_code in (301, 302), f"rendition through app2: {resp.status_code}")
    location = resp.headers["Location"]
    check(location.startswith(os.environ["AWS_S3_ENDPOINT_URL"]), f"not in S3: {location}")
    rendition = requests.get(location, timeout=10)
    elapsed = time.monotonic() - started
    check(rendition.status_code == 200, f"rendition from the object store: {rendition.status_code}")
    size = PILImage.open(io.BytesIO(rendition.content)).size
    check(size == (320, 240), f"rendition has size {size}")
    # Made once: app1 now finds the same rendition in the shared database and bucket.
    again = requests.get(args.app1 + url, headers=HTTPS, timeout=30, allow_redirects=False)
    check(again.headers.get("Location") == location, "app1 made a second rendition")
    local = [p for d in (args.media1, args.media2) for p in Path(d).rglob("*") if p.is_file()]
    check(not local, f"instances wrote media to local disk: {local[:3]}")
    figures["rendition_app2_s"] = round(elapsed, 3)
    print(
        f"image uploaded through app1, {spec} made by app2 and fetched from S3 in "
        f"{elapsed * 1000:.0f} ms ({len(rendition.content)} bytes): {location}"
    )


def sessions_shared(admin1, args):
    admin2 = Admin(args.app2, admin1.cookies)
    resp = admin2.request("GET", "/admin/")
    check(resp.status_code == 200, f"app2 does not know app1's login: {resp.status_code}")
    print("sessions: logged in through app1, app2 shows the admin dashboard with that cookie")


def database_outage(args):
    """Grace mode: the database goes away; Varnish still serves the cached page."""
    import psycopg2

    from partnerships.models.home import HomePage

    page = HomePage.objects.get().get_children().live().first().specific
    path = page.relative_url(None)
    # Rendered once directly (its listing renditions made), then fetched into Varnish afresh.
    # Varnish keeps it as long as the app's s-maxage says (PAGE_CACHE_SECONDS, an hour): during
    # the outage it is a cached copy, not a stale one. (The VCL has no default TTL any more
    # that could be lowered to make it stale.)
    requests.get(args.app2 + path, headers=HTTPS, timeout=60)
    requests.request("PURGE", args.varnish + path, headers=VISITOR, timeout=5)
    first = requests.get(args.varnish + path, headers=VISITOR, timeout=60)
    check(first.status_code == 200, f"{path}: {first.status_code}")
    cached = requests.get(args.varnish + path, headers=VISITOR, timeout=60)
    check(cached.headers.get("X-Cache") == "HIT", f"{path} not cached: {dict(cached.headers)}")

    conn = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute(f'ALTER DATABASE "{args.dbname}" ALLOW_CONNECTIONS false')
    cur.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid()",
        [args.dbname],
    )
    try:
        # No TTL to wait out any more (see above): only the terminations to take effect.
        time.sleep(2)
        # app2 itself: the page cached in the shared Redis page cache still answers 200,
        # a page that is never cached (search) gets the 503 page.
        direct = requests.get(args.app2 + path, headers=HTTPS, timeout=10)
        check(
            direct.status_code == 200, f"app2 (cached page) during the outage: {direct.status_code}"
        )
        direct = requests.get(args.app2 + "/suche/?q=ausfall", headers=HTTPS, timeout=10)
        check(direct.status_code == 503, f"app2 (uncached) during the outage: {direct.status_code}")
        stale = requests.get(args.varnish + path, headers=VISITOR, timeout=10)
        if stale.status_code != 200:
            log = subprocess.run(
                [
                    shutil.which("varnishlog") or "/usr/bin/varnishlog",
                    "-n",
                    args.varnish_workdir,
                    "-d",
                    "-g",
                    "request",
                    "-q",
                    f'ReqURL eq "{path}"',
                ],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            Path(args.out, "varnishlog-outage.txt").write_text(log)
        check(stale.status_code == 200, f"Varnish during the outage: {stale.status_code}")
        check(page.title in stale.text, "Varnish served something else during the outage")
        other = requests.get(args.varnish + "/suche/?q=cluster", headers=VISITOR, timeout=10)
        check(other.status_code == 503, f"uncached page during the outage: {other.status_code}")
        figures["outage_cached_page"] = f"{stale.status_code} {stale.headers.get('X-Cache')}"
        print(
            f"database outage: app2 serves {path} from the page cache and 503 for search, "
            f"Varnish serves {path} "
            f"({stale.headers.get('X-Cache')}), an uncached URL gets the 503 page"
        )
    finally:
        cur.execute(f'ALTER DATABASE "{args.dbname}" ALLOW_CONNECTIONS true')
        conn.close()
    wait_for(args.app2 + path, headers=HTTPS, timeout=30)


def varnish_counters(args):
    out = subprocess.run(
        [
            shutil.which("varnishstat") or "/usr/bin/varnishstat",
            "-n",
            args.varnish_workdir,
            "-1",
            "-f",
            "MAIN.cache_hit",
            "-f",
            "MAIN.cache_miss",
            "-f",
            "MAIN.s_pass",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return {line.split()[0]: int(line.split()[1]) for line in out.splitlines() if line.strip()}


def wrk(url, host=None, duration="10s"):
    # Like a browser, accept gzip: Varnish keeps the page compressed (as the app sent it) and
    # would otherwise decompress it for every request; nginx serves its precompressed copy.
    cmd = ["wrk", *WRK_ARGS, "-H", "Accept-Encoding: gzip", "-H", "X-Forwarded-Proto: https"]
    cmd += [f"-d{duration}", "--latency"]
    if host:
        cmd += ["-H", f"Host: {host}"]
    out = subprocess.run([*cmd, url], check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    check(not non2xx, f"wrk on {url}: {non2xx and non2xx.group(1)} error answers")
    p99 = re.search(r"^\s*99%\s+(\S+)", out, re.MULTILINE).group(1)  # not "84.99%"
    return rps, p99, out


def load_comparison(args):
    # The image upload before was a content change: one BAN dropped everything (one model),
    # so the first request fetches the home page again and the second is a hit.
    requests.get(args.varnish + "/", headers=VISITOR, timeout=10)
    resp = requests.get(args.varnish + "/", headers=VISITOR, timeout=10)
    check(resp.headers.get("X-Cache") == "HIT", "home page not cached before the load test")
    Path(args.www, "index.html").write_bytes(resp.content)
    Path(args.www, "index.html.gz").write_bytes(gzip.compress(resp.content, compresslevel=6))
    gz = {"Accept-Encoding": "gzip"}
    static = requests.get(args.nginx + "/", headers=gz, timeout=10)
    cached = requests.get(args.varnish + "/", headers={**VISITOR, **gz}, timeout=10)
    check(static.content == resp.content, "nginx does not serve the same HTML")
    check(
        static.headers.get("Content-Encoding") == cached.headers.get("Content-Encoding") == "gzip",
        "nginx and Varnish do not both answer gzip to a browser",
    )

    wrk(args.varnish + "/", SITE_HOST, "3s")  # warm-up, discarded
    wrk(args.nginx + "/", None, "3s")
    # Alternating runs, the best of three for each: one run of either can lose a third of its
    # throughput to whatever else the two cores are doing at that moment.
    before = varnish_counters(args)
    v_runs, n_runs = [], []
    for _ in range(3):
        v_runs.append(wrk(args.varnish + "/", SITE_HOST, "5s"))
        n_runs.append(wrk(args.nginx + "/", None, "5s"))
    after = varnish_counters(args)
    v_rps, v_p99, v_out = max(v_runs, key=lambda run: run[0])
    n_rps, n_p99, n_out = max(n_runs, key=lambda run: run[0])
    Path(args.out, "wrk-varnish.txt").write_text(v_out)
    Path(args.out, "wrk-nginx.txt").write_text(n_out)
    misses = after["MAIN.cache_miss"] - before["MAIN.cache_miss"]
    hits = after["MAIN.cache_hit"] - before["MAIN.cache_hit"]
    check(
        misses <= 2 and hits > 0,
        f"Varnish was not serving from cache: {hits} hits, {misses} misses",
    )
    ratio = v_rps / n_rps
    figures.update(
        page_bytes=len(resp.content),
        varnish_rps=round(v_rps),
        varnish_p99=v_p99,
        nginx_rps=round(n_rps),
        nginx_p99=n_p99,
        ratio=round(ratio, 2),
        varnish_hits=hits,
        varnish_misses=misses,
    )
    limit(ratio >= RATIO_LIMIT, f"Varnish reached only {ratio:.0%} of nginx (limit 50 %)")


def main():
    ap = argparse.ArgumentParser()
    for name in (
        "app1",
        "app2",
        "varnish",
        "varnish-workdir",
        "nginx",
        "www",
        "dbname",
        "media1",
        "media2",
        "out",
    ):
        ap.add_argument(f"--{name}", required=True)
    args = ap.parse_args()

    for base in (args.app1, args.app2):
        wait_for(base + "/healthz/")
    wait_for(args.varnish + "/", headers=VISITOR)
    health = requests.get(args.app1 + "/healthz/", headers={"Host": "10.1.2.3"}, timeout=5)
    check(health.status_code == 200 and health.text == "ok\n", "healthz with a foreign Host")
    django_setup()
    try:
        run_checks(args)
    except requests.RequestException as exc:
        check(False, f"request failed: {exc!r}")


def run_checks(args):
    admin1 = Admin(args.app1)
    admin1.login("admin", os.environ["ADMIN_PASSWORD"])
    sessions_shared(admin1, args)
    varnish_semantics(args)
    publish_through_app1(admin1, args)
    image_through_both(admin1, args)
    load_comparison(args)
    database_outage(args)

    Path(args.out, "figures.json").write_text(json.dumps(figures, indent=2))
    f = figures
    rows = [
        ("Varnish: scheme, spellings, BAN, not public (a-d)", f["varnish_checks"]),
        ("Home page render on app2 (median of 5)", f"{f['home_render_app2_s'] * 1000:.0f} ms"),
        ("Publish request on app1 (incl. purge)", f"{f['publish_request_s'] * 1000:.0f} ms"),
        ("Publish -> visible on app2", f"{f['publish_visible_app2_s'] * 1000:.0f} ms"),
        ("Publish -> visible through Varnish", f"{f['publish_visible_varnish_s'] * 1000:.0f} ms"),
        ("Rendition: app2 makes it + fetch from S3", f"{f['rendition_app2_s'] * 1000:.0f} ms"),
        (
            f"Varnish, cached home page ({f['page_bytes']} B)",
            f"{f['varnish_rps']} req/s (p99 {f['varnish_p99']})",
        ),
        (
            "nginx, same HTML as a static file (.gz)",
            f"{f['nginx_rps']} req/s (p99 {f['nginx_p99']})",
        ),
        ("Varnish / nginx", f"{f['ratio']:.2f} (limit >= {RATIO_LIMIT})"),
        ("Cached page during DB outage", f["outage_cached_page"]),
    ]
    width = max(len(r[0]) for r in rows)
    print(
        f"\nwrk {' '.join(WRK_ARGS)} -H 'Accept-Encoding: gzip' -H 'X-Forwarded-Proto: https', "
        "best of 3 x 5 s, "
        f"{os.cpu_count()} CPUs (shared machine: noisy)"
    )
    for label, value in rows:
        print(f"  {label:<{width}}  {value}")
    if missed_limits:
        # Timing limits on a shared 2-core machine are measurements, not pass/fail facts: they
        # fail the run only with SCALE_STRICT=1 (the functional checks above always do).
        if os.environ.get("SCALE_STRICT") == "1":
            print("\nFEHLER / FAILED: " + "; ".join(missed_limits), file=sys.stderr)
            sys.exit(1)
        print("\nWARNUNG / WARNING (SCALE_STRICT=1 fails on this): " + "; ".join(missed_limits))


if __name__ == "__main__":
    main()
