"""The load loop and the clock for .ci/outage.sh (see there).

Four client threads fetch public pages in a loop on loopback (bounded: one request at a time
per thread, 5 s client timeout). Timeline: 4 s healthy, PostgreSQL stopped for 8 s, started
again, 6 s more. Fails unless: all 200 before; after the stop only 200/503, every answer
within 3 s, the German maintenance page on 503; after the start 200 again with the same
gunicorn workers.

With the page cache on (OUTAGE_PAGE_CACHE=1, Redis): the pages of the load loop are cached
before the stop; while PostgreSQL is down every one of them must answer 200 from the cache,
and a page never requested before (PROBE) must answer the German 503 within 3 s. After the
start both answer 200 again, the probe freshly rendered.
"""

import os
import shlex
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter

BASE, GUNICORN_PID = sys.argv[1], int(sys.argv[2])
PATHS = ["/", "/konzept/", "/praxisbeispiele/", "/aktuelles/", "/suche/?q=Cluster", "/impressum/"]
PAGE_CACHE = os.environ.get("OUTAGE_PAGE_CACHE") == "1"
CACHED = [path for path in PATHS if not path.startswith("/suche/")]  # search is never cached
PROBE = "/datenschutz/"  # not requested before the outage: not in the cache
THREADS = 4
MAX_SECONDS = 3.0

results = []  # (start time, seconds, status, body snippet, path, X-Page-Cache)
lock = threading.Lock()
stop_event = threading.Event()


def fetch(path, with_cache_header=False):
    request = urllib.request.Request(BASE + path, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            result = response.status, response.read().decode(), response.headers["X-Page-Cache"]
    except urllib.error.HTTPError as err:
        result = err.code, err.read().decode(), err.headers["X-Page-Cache"]
    except Exception as exc:  # timeout, reset: counted as failures
        result = 0, repr(exc), None
    return result if with_cache_header else result[:2]


def timed_fetch(path):
    start = time.monotonic()
    status, body, cached = fetch(path, with_cache_header=True)
    return status, time.monotonic() - start, body, cached


def worker(offset):
    i = offset
    while not stop_event.is_set():
        start = time.monotonic()
        path = PATHS[i % len(PATHS)]
        status, body, cached = fetch(path, with_cache_header=True)
        with lock:
            results.append((start, time.monotonic() - start, status, body, path, cached))
        i += 1


def workers_of(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return sorted(out.stdout.split())


def fetch_slowly(path):
    request = urllib.request.Request(BASE + path, headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.status


def wait_until_up():
    """Up, and every page rendered once (image renditions are made on first view)."""
    for _ in range(120):
        if fetch("/")[0] == 200:
            break
        time.sleep(0.5)
    else:
        sys.exit("gunicorn did not answer 200 within 60 s")
    for _ in range(2):  # both workers
        for path in PATHS:
            assert fetch_slowly(path) == 200, path


def main():
    wait_until_up()
    pids_before = workers_of(GUNICORN_PID)
    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    time.sleep(4)
    t_stop_begin = time.monotonic()
    subprocess.run(shlex.split(os.environ["OUTAGE_PG_STOP"]), check=True)
    t_stop = time.monotonic()
    time.sleep(4)
    probe_down = timed_fetch(PROBE) if PAGE_CACHE else None
    time.sleep(4)
    t_start_begin = time.monotonic()
    subprocess.run(shlex.split(os.environ["OUTAGE_PG_START"]), check=True)
    t_start = time.monotonic()
    time.sleep(6)
    probe_after = timed_fetch(PROBE) if PAGE_CACHE else None
    stop_event.set()
    for thread in threads:
        thread.join()
    pids_after = workers_of(GUNICORN_PID)

    # While pg_ctl is stopping or starting the server, either answer is right.
    before = [r for r in results if r[0] + r[1] < t_stop_begin]
    during = [r for r in results if r[0] >= t_stop and r[0] + r[1] < t_start_begin]
    after = [r for r in results if r[0] >= t_start]
    problems = []
    if not before or any(r[2] != 200 for r in before):
        problems.append(f"before the stop: {Counter(r[2] for r in before)}")
    first_503 = next((r for r in sorted(results) if r[0] >= t_stop_begin and r[2] == 503), None)
    if first_503 is None:
        problems.append("no 503 while PostgreSQL was down")
    bad = [r for r in during if r[2] not in (200, 503) or r[1] >= MAX_SECONDS]
    if bad:
        problems.append(
            f"while down: {len(bad)} bad answers, e.g. {bad[0][2]} in {bad[0][1]:.2f} s"
        )
    if any(r[2] == 503 and "Vorübergehend nicht erreichbar" not in r[3] for r in during):
        problems.append("503 without the German maintenance page")
    first_ok = next((r for r in after if r[2] == 200), None)
    if first_ok is None:
        problems.append("no 200 after PostgreSQL came back")
    else:
        tail = [r for r in after if r[0] >= first_ok[0] + first_ok[1]]
        if any(r[2] != 200 for r in tail):
            problems.append(f"after recovery: {Counter(r[2] for r in tail)}")
    if PAGE_CACHE:
        cached_down = [r for r in during if r[4] in CACHED]
        if not cached_down or any(r[2] != 200 or r[5] != "hit" for r in cached_down):
            problems.append(
                "cached pages while down: "
                f"{dict(Counter((r[2], r[5]) for r in cached_down))} (want only 200 hits)"
            )
        status, seconds, body, _ = probe_down
        if status != 503 or seconds >= MAX_SECONDS or "Vorübergehend nicht erreichbar" not in body:
            problems.append(f"uncached {PROBE} while down: {status} in {seconds:.2f} s")
        if probe_after[0] != 200:
            problems.append(f"uncached {PROBE} after recovery: {probe_after[0]}")
    if pids_before != pids_after:
        problems.append(f"gunicorn workers changed: {pids_before} -> {pids_after}")

    print(f"requests: {len(results)} in {time.monotonic() - t0:.1f} s, {THREADS} client threads")
    print(f"  before stop : {len(before)} requests, {dict(Counter(r[2] for r in before))}")
    print(
        f"  while down  : {len(during)} requests, {dict(Counter(r[2] for r in during))}, "
        f"slowest {max((r[1] for r in during), default=0):.2f} s"
    )
    print(f"  after start : {len(after)} requests, {dict(Counter(r[2] for r in after))}")
    if first_503:
        print(f"pg_ctl stop took {t_stop - t_stop_begin:.2f} s")
        print(f"seconds from stop to first 503: {first_503[0] + first_503[1] - t_stop_begin:.2f}")
    if first_ok:
        print(f"seconds from start to first 200: {first_ok[0] + first_ok[1] - t_start:.2f}")
    if PAGE_CACHE:
        cached_down = [r for r in during if r[4] in CACHED]
        print(
            f"page cache: {len(cached_down)} requests for cached pages while down, "
            f"{dict(Counter((r[2], r[5]) for r in cached_down))}; uncached {PROBE}: "
            f"{probe_down[0]} in {probe_down[1]:.2f} s while down, {probe_after[0]} "
            f"({probe_after[3]}) after recovery"
        )
    print(f"gunicorn workers unchanged: {pids_before == pids_after} ({' '.join(pids_after)})")
    if problems:
        print("OUTAGE TEST FAILED:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("outage test passed")


if __name__ == "__main__":
    main()
