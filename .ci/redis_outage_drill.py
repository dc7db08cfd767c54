"""The load loop and the clock for .ci/redis_outage.sh (see there).

Four client threads fetch pages, search and the contact page in a loop on loopback (one
request at a time per thread, 5 s client timeout); the main thread sends the contact form
(GET for the CSRF token, then POST). Timeline: 3 s healthy, Redis hangs (SIGSTOP) for 6 s,
is killed (SIGKILL) for 6 s, is started again (empty), up to 20 s until every cacheable page
is a hit again.

Fails unless: the pages are cache hits before; while Redis is gone every answer is 200
within 2 s (never a 500, never a hang), the contact form stores the visitor's message and
its rate limit still refuses the fifth submission with the German 429 message (the limit is
counted in the database; CONTACT_RATE_LIMIT=4 from the script); after the start every
cacheable page is a hit again (``X-Page-Cache: hit``, or ``stale``) without restarting
gunicorn; no "Internal Server Error" in the gunicorn log; one warning per worker when the
outage begins.
"""

import html
import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter

BASE, GUNICORN_LOG = sys.argv[1], sys.argv[2]
PIDFILE = os.environ["REDIS_OUTAGE_PIDFILE"]
START = os.environ["REDIS_OUTAGE_START"]
CACHED = ["/", "/konzept/", "/praxisbeispiele/", "/aktuelles/", "/impressum/", "/datenschutz/"]
UNCACHED = ["/suche/?q=Cluster", "/kontakt/"]  # search is never cached, the form has a token
THREADS = 4
MAX_SECONDS = 2.0
HIT = ("hit", "stale")
THANKS = "Vielen Dank für Ihre Nachricht"
TOO_MANY = "zu viele Nachrichten gesendet"
HEADERS = {"X-Forwarded-Proto": "https"}

results = []  # (start, seconds, status, path, X-Page-Cache)
lock = threading.Lock()
stop_event = threading.Event()


def request(path, data=None, headers=None):
    """(status, body, headers) of one request; status 0 for a timeout or reset."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(BASE + path, data=body, headers={**HEADERS, **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=5) as response:
            return response.status, response.read().decode(), response.headers
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode(), err.headers
    except Exception as exc:  # timeout, reset: counted as failures
        return 0, repr(exc), {}


def timed(path, **kwargs):
    start = time.monotonic()
    status, body, headers = request(path, **kwargs)
    seconds = time.monotonic() - start
    with lock:
        results.append((start, seconds, status, path, headers.get("X-Page-Cache")))
    return status, body, headers, seconds


def worker(paths, offset):
    i = offset
    while not stop_event.is_set():
        timed(paths[i % len(paths)])
        i += 1


def post_contact(text):
    """GET the form (token and cookie), POST it; (status, seconds of the POST, body)."""
    status, page, headers, _ = timed("/kontakt/")
    if status != 200:
        return status, 0.0, page
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    cookies = [c.split(";", 1)[0] for c in headers.get_all("Set-Cookie") or []]
    data = {
        "csrfmiddlewaretoken": token,
        "name": "Erika Drill",
        "e_mail_adresse": "drill@example.org",
        "organisation_oder_kommune": "Landkreis Ausfallprobe",
        "anliegen": text,
        "nachricht": f"{text}: eine Nachricht, während Redis nicht läuft.",
        "kontakt_homepage": "",
    }
    extra = {"Cookie": "; ".join(cookies), "Origin": BASE.replace("http://", "https://")}
    status, body, _, seconds = timed("/kontakt/", data=data, headers=extra)
    return status, seconds, html.unescape(body)


def redis_pid():
    with open(PIDFILE) as f:
        return int(f.read().strip())


def wait_until_up():
    for _ in range(120):
        if request("/")[0] == 200:
            break
        time.sleep(0.5)
    else:
        sys.exit("gunicorn did not answer 200 within 60 s")
    for _ in range(2):  # both workers, image renditions made on first view
        for path in CACHED + UNCACHED:
            req = urllib.request.Request(BASE + path, headers=HEADERS)
            with urllib.request.urlopen(req, timeout=120) as response:
                assert response.status == 200, path


def until_cached(deadline):
    """{path: seconds until its first hit, or None} once every page is a hit or at deadline."""
    begin = time.monotonic()
    found = {}
    while len(found) < len(CACHED) and time.monotonic() < deadline:
        for path in CACHED:
            if path not in found and timed(path)[2].get("X-Page-Cache") in HIT:
                found[path] = time.monotonic() - begin
        time.sleep(0.2)
    return {path: found.get(path) for path in CACHED}


def log_lines(marker):
    with open(GUNICORN_LOG, errors="replace") as f:
        return [line for line in f if marker in line]


def main():
    wait_until_up()
    problems = []
    cached_before = until_cached(time.monotonic() + 10)
    if None in cached_before.values():
        problems.append(f"pages not cached before the outage: {cached_before}")

    threads = [
        threading.Thread(target=worker, args=(CACHED + UNCACHED, n * 2)) for n in range(THREADS)
    ]
    t0 = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    posts = [("vorher", *post_contact("Vor dem Ausfall"))]
    time.sleep(1.5)

    t_down = time.monotonic()
    os.kill(redis_pid(), signal.SIGSTOP)  # hangs: connections open, no answers
    time.sleep(3)
    posts.append(("hängt", *post_contact("Redis hängt")))
    time.sleep(3)
    t_kill = time.monotonic()
    pid = redis_pid()
    os.kill(pid, signal.SIGKILL)  # dies: connections refused
    os.remove(PIDFILE)  # the script's cleanup must not signal a stale pid
    time.sleep(2)
    for n in range(3):
        posts.append(("beendet", *post_contact(f"Redis beendet {n + 1}")))
    time.sleep(2)
    t_start = time.monotonic()
    subprocess.run(shlex.split(START), check=True)
    t_up = time.monotonic()
    cached_after = until_cached(t_up + 20)
    stop_event.set()
    for thread in threads:
        thread.join()

    before = [r for r in results if t0 <= r[0] and r[0] + r[1] < t_down]
    hung = [r for r in results if r[0] >= t_down and r[0] + r[1] < t_kill]
    dead = [r for r in results if r[0] >= t_kill and r[0] + r[1] < t_start]
    during = hung + dead
    if not before or any(r[2] != 200 for r in before):
        problems.append(f"before the outage: {dict(Counter(r[2] for r in before))}")
    if not hung or not dead:
        problems.append(f"too few requests while Redis was gone: {len(hung)} + {len(dead)}")
    # The contact form's answer over the limit is 429 (checked below); the rest must be 200.
    bad = [r for r in during if r[2] not in (200, 429) or r[1] >= MAX_SECONDS]
    if bad:
        worst = max(bad, key=lambda r: r[1])
        problems.append(
            f"while Redis was gone: {len(bad)} bad answers, e.g. {worst[2]} for {worst[3]} "
            f"in {worst[1]:.2f} s"
        )
    if any(r[2] == 429 and r[3] != "/kontakt/" for r in during):
        problems.append("429 outside the contact form")
    expected = [200, 200, 200, 200, 429]  # CONTACT_RATE_LIMIT=4 from redis_outage.sh
    got = [p[1] for p in posts]
    if got != expected:
        problems.append(f"contact form posts: {got}, want {expected}")
    for (phase, status, _, body), want in zip(posts, expected, strict=False):
        if status == 200 and THANKS not in body:
            problems.append(f"contact form ({phase}): 200 without the thank-you page")
        if (
            want == 429
            and status == 429
            and (TOO_MANY not in body or "Redis beendet 3" not in body)
        ):
            problems.append("contact form over the limit: no German message or the text is lost")
    if None in cached_after.values():
        problems.append(f"not cached again after Redis came back: {cached_after}")
    errors = log_lines("Internal Server Error")
    if errors:
        problems.append(f"{len(errors)} x 'Internal Server Error' in the gunicorn log")
    down_warnings = log_lines("nicht erreichbar (")
    up_warnings = log_lines("wieder erreichbar")
    if not 1 <= len(down_warnings) <= 2:  # one per worker (2 workers) for the whole outage
        problems.append(f"{len(down_warnings)} outage warnings in the log, want one per worker")

    def figures(rows):
        statuses = dict(Counter(r[2] for r in rows))
        worst = max((r[1] for r in rows), default=0)
        return f"{len(rows)} requests, {statuses}, slowest {worst:.2f} s"

    print(f"requests: {len(results)} in {time.monotonic() - t0:.1f} s, {THREADS} client threads")
    print(f"  before       : {figures(before)}")
    print(f"  Redis hangs  : {figures(hung)}")
    print(f"  Redis killed : {figures(dead)}")
    page_cache = dict(Counter(r[4] for r in during if r[3] in CACHED))
    print(f"  X-Page-Cache of cached pages while Redis was gone: {page_cache}")
    for phase, status, seconds, _ in posts:
        print(f"  contact POST ({phase}): {status} in {seconds:.2f} s")
    print(f"redis-server start took {t_up - t_start:.2f} s")
    slowest = max((s for s in cached_after.values() if s is not None), default=0)
    print(
        f"cached again after the start: {sum(s is not None for s in cached_after.values())}"
        f"/{len(CACHED)} pages, the last after {slowest:.2f} s"
    )
    print(
        f"log: {len(down_warnings)} x 'nicht erreichbar', {len(up_warnings)} x "
        f"'wieder erreichbar', {len(errors)} x 'Internal Server Error'"
    )
    if problems:
        print("REDIS OUTAGE TEST FAILED:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("redis outage test passed")


if __name__ == "__main__":
    main()
