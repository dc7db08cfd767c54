#!/usr/bin/env python3
"""Latency of first-time searches: /suche/?q=<word> once per word, p50/p95/max (stdlib only).

    python3 bench/search_p95.py http://127.0.0.1:8000 --database-url postgres://…/sp_bench
    python3 bench/search_p95.py http://127.0.0.1:8000 --words Cluster,Magdeburg,Tagung

Every word is searched once, so every request misses the result memo (issue 11: a search ties
up a worker; target p95 <= 100 ms). With ``--database-url`` the words are drawn from the page
titles and teasers of that database (read only: ``psql`` for PostgreSQL, ``sqlite3`` for
SQLite): distinct words of at least four letters that have never been searched (not in
Wagtail's search statistics), a deterministic sample (``--seed``). Note that each request
counts as a search in the site's statistics, so the next run draws other words.

Library use (``make bench``): ``measure(base_url, words) -> dict`` and
``words_from_database(url, count=200, seed=11) -> list``.
"""

import argparse
import json
import random
import re
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

from search_latency import fetch  # bench/search_latency.py (this script runs from bench/)

TARGET_P95_MS = 100
_WORD = re.compile(r"[^\W\d_]{4,}")

# Titles and teasers of all pages, and the terms already searched (Wagtail's statistics).
_TEXTS_SQL = (
    "SELECT title FROM wagtailcore_page WHERE live "
    "UNION ALL SELECT teaser FROM news_newspage "
    "UNION ALL SELECT teaser FROM casestudies_casestudypage "
    "UNION ALL SELECT teaser FROM concepts_conceptpage"
)
_SEARCHED_SQL = "SELECT query_string FROM wagtailsearchpromotions_query"


def _rows(database_url, sql):
    if database_url.startswith(("postgres://", "postgresql://")):
        out = subprocess.run(
            ["psql", "--no-psqlrc", "-At", "-v", "ON_ERROR_STOP=1", "-c", sql, database_url],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return out.splitlines()
    if database_url.startswith("sqlite:///"):
        path = database_url[len("sqlite:///") :]
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            return [row[0] or "" for row in db.execute(sql)]
    raise ValueError(f"unsupported database URL: {database_url}")


def words_from_database(database_url, count=200, seed=11):
    """``count`` distinct words (>= 4 letters) from titles and teasers, never searched yet."""
    searched = {w.casefold() for line in _rows(database_url, _SEARCHED_SQL) for w in line.split()}
    words = {}
    for text in _rows(database_url, _TEXTS_SQL):
        for word in _WORD.findall(text):
            if word.casefold() not in searched:
                words.setdefault(word.casefold(), word)
    pool = [words[key] for key in sorted(words)]
    if len(pool) < count:
        raise ValueError(f"only {len(pool)} unsearched words in {database_url}, {count} wanted")
    return random.Random(seed).sample(pool, count)


def _percentile(sorted_values, fraction):
    """Nearest-rank percentile of a sorted list."""
    rank = max(1, -(-len(sorted_values) * fraction // 1))  # ceil
    return sorted_values[int(rank) - 1]


def measure(base_url, words):
    """Search each word once, one request after the other.

    Returns {"count", "p50_ms", "p95_ms", "max_ms", "errors" (non-200 answers),
    "slowest" (the five slowest words with their ms)}.
    """
    if not words:
        raise ValueError("no words to search")
    base = base_url.rstrip("/")
    timings, errors = [], 0
    for word in words:
        status, seconds = fetch(f"{base}/suche/?{urllib.parse.urlencode({'q': word})}")
        ms = seconds * 1000
        errors += status != 200
        timings.append((ms, word))
    values = sorted(ms for ms, _ in timings)
    return {
        "count": len(values),
        "p50_ms": round(_percentile(values, 0.50), 1),
        "p95_ms": round(_percentile(values, 0.95), 1),
        "max_ms": round(values[-1], 1),
        "errors": errors,
        "slowest": [(word, round(ms, 1)) for ms, word in sorted(timings, reverse=True)[:5]],
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base_url")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--words", help="comma-separated words")
    source.add_argument("--database-url", help="draw the words from this database")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--target", type=float, default=TARGET_P95_MS, help="p95 target, ms")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 if p95 misses the target")
    args = parser.parse_args(argv)
    if args.words:
        words = [w.strip() for w in args.words.split(",") if w.strip()]
    else:
        words = words_from_database(args.database_url, args.count, args.seed)
    result = measure(args.base_url, words)
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(
            f"{result['count']} searches: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
            f"max {result['max_ms']} ms, errors {result['errors']} (target p95 <= {args.target})"
        )
        print("slowest: " + ", ".join(f"{w} {ms} ms" for w, ms in result["slowest"]))
    missed = result["p95_ms"] > args.target or result["errors"]
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
