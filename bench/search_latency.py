#!/usr/bin/env python3
"""Latency of /suche/ for typical and hostile queries against a running site (stdlib only).

    python3 bench/search_latency.py http://127.0.0.1:8000 [--repeat 5]

Prints median and worst time per query. Target (issue 4): under 1 s with 10,000 news items on
PostgreSQL. Fill a throw-away database first: `manage.py load_initial_content` and
`manage.py generate_demo_load --news 10000`, then `ANALYZE` so the planner knows the tables.
"""

import argparse
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request

QUERIES = [
    "Partnerschaft",
    "Cluster",
    "Fachkräfte",
    "Wirtschaftsförderung ländlicher Raum",
    '"strategische Partnerschaft"',
    "Oldenburger Münsterland",
    "Tagung",
    "x" * 1000,
    "!!!???",
    "<script>alert(1)</script>",
    "'; DROP TABLE wagtailcore_page; --",
]


def fetch(url):
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            status = response.status
    except urllib.error.HTTPError as err:
        status = err.code
    return status, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base_url")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'query':42} {'status':>6} {'median ms':>10} {'max ms':>8}")
    for query in QUERIES:
        for extra in ({}, {"page": "-1"}):
            params = urllib.parse.urlencode({"q": query, **extra})
            url = f"{args.base_url.rstrip('/')}/suche/?{params}"
            results = [fetch(url) for _ in range(args.repeat)]
            times = [t * 1000 for _, t in results]
            label = (query[:30] + ("…" if len(query) > 30 else "")) + (" page=-1" if extra else "")
            status = ",".join(sorted({str(s) for s, _ in results}))
            print(f"{label:42} {status:>6} {statistics.median(times):10.1f} {max(times):8.1f}")


if __name__ == "__main__":
    main()
