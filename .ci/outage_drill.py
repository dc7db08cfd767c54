"""The load loop and the clock for .ci/outage.sh (see there).

Four client threads fetch public pages in a loop on loopback (bounded: one request at a time
per thread, 5 s client timeout). Timeline: 4 s healthy, PostgreSQL stopped for 8 s, started
again, 6 s more. Fails unless: all 200 before; after the stop only 200/503, every answer
within 3 s, the German maintenance page on 503; after the start 200 again with the same
gunicorn workers.
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
THREADS = 4
MAX_SECONDS = 3.0

results = []  # (start time, seconds, status, body snippet)
lock = threading.Lock()
stop_event = threading.Event()


def fetch(path):
    request = urllib.request.Request(BASE + path, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()
    except Exception as exc:  # timeout, reset: counted as failures
        return 0, repr(exc)


def worker(offset):
    i = offset
    while not stop_event.is_set():
        start = time.monotonic()
        status, body = fetch(PATHS[i % len(PATHS)])
        with lock:
            results.append((start, time.monotonic() - start, status, body))
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
    time.sleep(8)
    t_start_begin = time.monotonic()
    subprocess.run(shlex.split(os.environ["OUTAGE_PG_START"]), check=True)
    t_start = time.monotonic()
    time.sleep(6)
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
    print(f"gunicorn workers unchanged: {pids_before == pids_after} ({' '.join(pids_after)})")
    if problems:
        print("OUTAGE TEST FAILED:\n  " + "\n  ".join(problems))
        sys.exit(1)
    print("outage test passed")


if __name__ == "__main__":
    main()
