#!/usr/bin/env python3
"""`make bench`: the performance benchmark of issues 5 and 11 on a PostgreSQL database.

    .venv/bin/python bench/run_bench.py          (what `make bench` runs)

Compares two builds in one run: "base" (the commit BENCH_BASE, default 265406b, the state
before the caching rework, unpacked with `git archive` into the work directory) and "new"
(this working tree, uncommitted changes included). Both use the same venv, database and
gunicorn setup; each is served from its own directory (cwd, PYTHONPATH and gunicorn's chdir),
which is checked by importing `partnerships` under that environment.

1. checks the harness in ../shared/bench (wrk_pages.py, count_queries.py, gunicorn_up.sh,
   lighthouse_run.py, nginx_front.sh) and the tools it needs (wrk, PostgreSQL, nginx, Lighthouse);
2. creates a database and loads the initial content and the large data set
   (`generate_demo_load --news 10000 --casestudies 1000`), VACUUM ANALYZE; or takes
   BENCH_DATABASE_URL; either way migrates with the NEW code (the base code only reads it),
   collectstatic per build;
3. counts queries and bytes per page (count_queries.py, warm request; new build);
4. serves both builds side by side with gunicorn (production settings, 2 sync workers as the
   demo measurement, no worker recycling) and runs wrk (-t2 -c8 -d10s, 3 s warm-up in the first
   round) per page alternately base, new, base, new ... (BENCH_ROUNDS, default 2), twice:
   full-page cache off (FULL_PAGE_CACHE=0, no Redis) and on (FULL_PAGE_CACHE=1, one Redis
   database per build, emptied first); the best round (highest req/s, with its p99) counts;
5. search latency: 200 words of the data set's own vocabulary (titles, teasers, body text;
   >= 4 letters, one per German stem, no stop words, none searched before; seeded), different
   words for base and new, each requested once against the cached servers: p50/p95/max;
6. a publish during steady load, per build: 100 req/s paced by the clock (open loop) over 50
   public pages for 25 s, a NewsPage edited and published through Django after 10 s; errors,
   p50/p99 over the run and p99 in the 10 s after the publish, and when the new title showed;
7. runs Lighthouse 12 (mobile and desktop) on six pages through nginx in front of the new
   cached server, unless SKIP_LH=1;
8. sends 20,000 requests over a mix of pages to fresh workers of the new build and reads each
   worker's RSS from /proc after 10,000 and 20,000 (growth must stay within 10 %);
9. prints the new build's table (queries, bytes, req/s, the demo's figures, targets), the
   comparison base/new per page (uncached and cached, "VERLUST" where new loses > 10 %), search
   latency, the publish test, RSS and Lighthouse; drops the database it created and removes the
   work directory, also on errors and Ctrl-C. Raw results stay in BENCH_OUT.

Environment (all optional): BENCH_BASE (265406b; the commit to compare with), BENCH_ROUNDS (2),
BENCH_HARNESS (default ../shared/bench), BENCH_PG (postgres://postgres@127.0.0.1:5432),
BENCH_DB_PREFIX (sp_bench), BENCH_DATABASE_URL + BENCH_MEDIA_ROOT (an already loaded database
and its media: nothing is loaded or dropped, but it is migrated with the new code), BENCH_NEWS
(10000), BENCH_CASESTUDIES (1000), BENCH_WORKERS (2), BENCH_DURATION (10s), BENCH_RSS_REQUESTS
(20000), BENCH_REDIS_URL (redis://127.0.0.1:6379/4, the new build's) and BENCH_REDIS_URL_BASE
(the same with the next database number, the base build's): both emptied before use,
BENCH_SEARCH_TERMS (200 per build), BENCH_SEARCH_SEED (11), BENCH_STEADY_RPS (100),
BENCH_STEADY_SECONDS (25), BENCH_PUBLISH_AFTER (10), BENCH_PORTS (18600-18699), BENCH_OUT
(bench-results), SKIP_LH=1, LH_RUNS (1), BENCH_STRICT=1 (exit 1 when a target is missed),
BENCH_ONLY=publish or BENCH_ONLY=search (only the publish test or the search latency).
"""

import http.client
import json
import math
import os
import queue
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import UTC, datetime
from pathlib import Path

import ports  # bench/ports.py (this script runs from bench/)

ROOT = Path(__file__).resolve().parent.parent
PY = ROOT / ".venv" / "bin" / "python"
HARNESS = Path(os.environ.get("BENCH_HARNESS") or ROOT.parent / "shared" / "bench").resolve()
HARNESS_FILES = [
    "wrk_pages.py",
    "count_queries.py",
    "gunicorn_up.sh",
    "lighthouse_run.py",
    "nginx_front.sh",
]
# The commit before the caching rework (issue 11): "base" in the comparison.
DEFAULT_BASE = "265406b"
BUILDS = ("base", "new")  # the order of every alternation

# The demo (wagtail/bakerydemo, gunicorn 2 sync workers, PostgreSQL, wrk -t2 -c8 -d10s), from
# the harness README: our page -> (demo page, req/s, queries).
DEMO = {
    "home": ("home", 37, 43),
    "concept": ("bread page", 94, None),
    "news_index": ("blog index", 50, 40),
    "news_page": ("blog post", 76, 22),
    "search": ("search", 38, 41),
    "not_found": ("404", 174, None),
}
# Issue 5: uncached req/s (2 sync workers); cached home >= 1,500 req/s with p99 < 50 ms.
TARGET_RPS = {"home": 110, "news_index": 150, "news_page": 230, "search": 115, "cs_filter": 150}
TARGET_CACHED_HOME_RPS = 1500
TARGET_CACHED_HOME_P99_MS = 50
RSS_MAX_GROWTH_PCT = 10
# Issue 11: new may not lose more than this against base (per page, req/s); search p95 of
# never-searched words; a publish during steady load: no error, p99 in the 10 s after it.
MAX_LOSS_PCT = 10
TARGET_SEARCH_P95_MS = 100
TARGET_PUBLISH_P99_MS = 250
PUBLISH_WINDOW_S = 10
LH_PAGES = ["home", "concept", "cs_list", "case_study", "news_index", "news_page"]
LH_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

# Resolves the benchmark pages in the loaded database; prints "BENCHPAGE name path" lines,
# then "BENCHPAGE mix path" lines for the RSS phase (more pages, so workers see varied content),
# "BENCHPAGE steady path" lines (50 public pages for the publish test) and
# "BENCHPUBLISH pk path" (the news page that test edits: the newest, on home and in lists).
PAGES_SCRIPT = r"""
from casestudies.models import Branche, CaseStudyIndexPage, CaseStudyPage
from concepts.models import ConceptPage
from news.models import NewsIndexPage, NewsPage
from wagtail.models import Site

site = Site.objects.get(is_default_site=True)

def path(page):
    return page.relative_url(site)

root = site.root_page
cs_index = CaseStudyIndexPage.objects.live().first()
news_index = NewsIndexPage.objects.live().first()
branche = Branche.objects.order_by("name").first()
pages = [
    ("home", path(root)),
    ("concept", path(ConceptPage.objects.live().order_by("path").first())),
    ("cs_list", path(cs_index)),
    ("cs_filter", path(cs_index) + "?branche=" + branche.slug),
    ("case_study", path(CaseStudyPage.objects.live().order_by("path").first())),
    ("news_index", path(news_index)),
    ("news_page", path(NewsPage.objects.live().order_by("path").first())),
    ("search", "/suche/?q=Partnerschaft"),
    ("not_found", "/gibt-es-nicht/"),
]
for name, p in pages:
    print("BENCHPAGE", name, p)
mix = [p for _, p in pages]
mix += [path(p) for p in NewsPage.objects.live().order_by("-date")[:40]]
mix += [path(p) for p in CaseStudyPage.objects.live().order_by("-pk")[:20]]
mix += [path(news_index) + "?page=%d" % n for n in range(2, 22)]
mix += [path(cs_index) + "?branche=" + b.slug for b in Branche.objects.all()]
mix += ["/suche/?q=" + q for q in ("Cluster", "Fachkr%C3%A4fte", "Tagung", "Netzwerk", "Jena")]
for p in mix:
    print("BENCHPAGE mix", p)
newest = list(NewsPage.objects.live().public().order_by("-date", "-pk")[:60])
steady = [path(root), path(news_index), path(cs_index), path(newest[0])]
steady += [path(p) for p in ConceptPage.objects.live().public().order_by("path")[:8]]
steady += [path(news_index) + "?page=%d" % n for n in (2, 3)]
steady += [path(cs_index) + "?page=%d" % n for n in (2, 3)]
steady += [path(cs_index) + "?branche=" + b.slug for b in Branche.objects.order_by("name")[:3]]
steady += [path(p) for p in CaseStudyPage.objects.live().public().order_by("-pk")[:12]]
steady += [path(p) for p in newest[1:]]
for p in list(dict.fromkeys(steady))[:50]:
    print("BENCHPAGE steady", p)
print("BENCHPUBLISH", newest[0].pk, path(newest[0]))
"""

# Words of the loaded data set (titles, search descriptions and the text fields of every live
# page type), >= 4 letters, lower case; on PostgreSQL one word per stem of the search
# configuration and no stop words (an empty tsvector); none with the stem of a word searched
# before (BENCH_EXCLUDE, JSON list). Sorted, then shuffled with BENCH_SEED: deterministic for a
# data set. Prints "BENCHVOCAB count" and "BENCHWORDS [json list]" (BENCH_COUNT words at most).
SEARCH_WORDS_SCRIPT = r"""
import json, os, random, re
from django.conf import settings
from django.db import connection
from wagtail.models import Page, get_page_models

_TAG = re.compile(r"<[^>]*>")
_NOISE = re.compile(r"\S+://\S+|&#?\w+;")
_WORD = re.compile(r"[^\W\d_]{4,}")
TEXT_TYPES = {"CharField", "TextField", "JSONField"}
SKIP = {"slug", "url_path", "path", "draft_title", "latest_revision_created_at"}

def strings(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("type", "id"):
                yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, str):
        yield value

words = set()
def add(text, is_json):
    if not text:
        return
    if is_json:
        try:
            text = " ".join(strings(json.loads(text)))
        except ValueError:
            pass
    text = _NOISE.sub(" ", _TAG.sub(" ", text))
    words.update(w.lower() for w in _WORD.findall(text))

q = connection.ops.quote_name
page_table = q(Page._meta.db_table)
sources = [(Page, ["title", "search_description"], set())]
for model in get_page_models():
    if model is Page:
        continue
    fields = [
        f for f in model._meta.local_concrete_fields
        if f.get_internal_type() in TEXT_TYPES and not f.choices and f.name not in SKIP
    ]
    if fields:
        sources.append((model, [f.column for f in fields],
                        {f.column for f in fields if f.get_internal_type() == "JSONField"}))
with connection.cursor() as cursor:
    for model, columns, json_columns in sources:
        table = q(model._meta.db_table)
        pk = q(model._meta.pk.column)
        join = "" if model is Page else f" JOIN {page_table} p ON p.id = t.{pk}"
        live = "t.live" if model is Page else "p.live"
        for column in columns:
            cursor.execute(
                f"SELECT DISTINCT CAST(t.{q(column)} AS text) FROM {table} t{join} WHERE {live}"
            )
            for (text,) in cursor.fetchall():
                add(text, column in json_columns)
exclude = [w.lower() for w in json.loads(os.environ.get("BENCH_EXCLUDE", "[]"))]
ordered = sorted(words - set(exclude))
if connection.vendor == "postgresql":
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG") or "simple"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT w, CAST(to_tsvector(%s, w) AS text) FROM unnest(%s::text[]) AS w",
            [config, ordered + exclude],
        )
        stem = dict(cursor.fetchall())
    seen = {stem[w] for w in exclude}
    kept = []
    for w in ordered:
        if stem[w] and stem[w] not in seen:
            seen.add(stem[w])
            kept.append(w)
    ordered = kept
print("BENCHVOCAB", len(ordered))
random.Random(int(os.environ.get("BENCH_SEED", "11"))).shuffle(ordered)
print("BENCHWORDS " + json.dumps(ordered[: int(os.environ.get("BENCH_COUNT", "400"))]))
"""

# Edits the title of one NewsPage (BENCH_PUBLISH_PK) and publishes it as an editor would
# (save_revision().publish()), at the wall-clock time BENCH_PUBLISH_AT; the title ends in
# BENCH_PUBLISH_MARK (an earlier mark is replaced). Prints "BENCHPUBLISH start end".
PUBLISH_SCRIPT = r"""
import os, re, time
from news.models import NewsPage

page = NewsPage.objects.get(pk=int(os.environ["BENCH_PUBLISH_PK"]))
title = re.sub(r" \[bench [^\]]*\]$", "", page.title) + " " + os.environ["BENCH_PUBLISH_MARK"]
time.sleep(max(0.0, float(os.environ["BENCH_PUBLISH_AT"]) - time.time()))
start = time.time()
page.title = title
page.save_revision().publish()
print("BENCHPUBLISH", start, time.time(), flush=True)
"""

RSS_LUA = r"""
local paths = {%(paths)s}
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, paths[i %% #paths + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("BENCHJSON {\"requests\":%%d,\"err_status\":%%d}\n",
    summary.requests, summary.errors.status))
end
"""


class BenchError(Exception):
    pass


def log(msg):
    print(f"[bench {datetime.now(UTC):%H:%M:%S}] {msg}", flush=True)


def run(cmd, env=None, cwd=ROOT, **kw):
    return subprocess.run(cmd, env=env, cwd=cwd, check=True, **kw)


def git(*args):
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def percentile(values, pct):
    """Nearest-rank percentile of ``values`` (None when empty)."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def _round(value, digits=1):
    return None if value is None else round(value, digits)


def redis_db_url(url, offset):
    """``url`` with its database number moved by ``offset`` (redis://host:port/N)."""
    parsed = urllib.parse.urlparse(url)
    db = int((parsed.path or "/0").lstrip("/") or "0")
    return parsed._replace(path=f"/{db + offset}").geturl()


def fetch(port, path, timeout=10):
    """(status or error name, body) of one GET on a fresh connection, as gunicorn's sync workers
    close every connection anyway."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as err:
        return type(err).__name__, b""
    finally:
        conn.close()


def free_ports(count):
    first, last = (int(x) for x in os.environ.get("BENCH_PORTS", "18600-18699").split("-"))
    try:
        return ports.free_ports(first, last, count)
    except LookupError as exc:
        raise BenchError(f"{exc} (BENCH_PORTS)") from exc


def check_prerequisites(skip_lh):
    if not HARNESS.is_dir():
        raise BenchError(
            f"Benchmark-Harness nicht gefunden: {HARNESS}\n"
            "  make bench erwartet ../shared/bench neben dem Checkout (wrk_pages.py, "
            "count_queries.py, gunicorn_up.sh, lighthouse_run.py, nginx_front.sh)\n"
            "  oder BENCH_HARNESS=/pfad/zum/harness."
        )
    missing = [name for name in HARNESS_FILES if not (HARNESS / name).is_file()]
    if missing:
        raise BenchError(f"Im Harness {HARNESS} fehlen: {', '.join(missing)}")
    if not PY.exists():
        raise BenchError(f"{PY} fehlt: zuerst `make install`.")
    tools = ["git", "tar", "wrk", "curl"] + ([] if skip_lh else ["nginx", "node"])
    absent = [tool for tool in tools if shutil.which(tool) is None]
    if absent:
        raise BenchError(
            f"Programme fehlen: {', '.join(absent)} (Debian: apt-get install -y wrk nginx curl)"
        )
    if not skip_lh:
        lh_dir = Path(os.environ.get("BENCH_NODE_DIR", "/tmp/bench-node"))
        chrome = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
        if not (lh_dir / "node_modules" / ".bin" / "lighthouse").exists():
            raise BenchError(
                f"Lighthouse fehlt in {lh_dir}: mkdir -p {lh_dir} && cd {lh_dir} && "
                "npm i -E lighthouse@12.2.3 axe-core playwright-core  (oder SKIP_LH=1)"
            )
        if not Path(chrome).exists():
            raise BenchError(f"Chromium fehlt ({chrome}; CHROME_PATH), oder SKIP_LH=1")


class Build:
    """One side of the comparison: a source directory served on its own port."""

    def __init__(self, label, directory, rev, port, env, redis_url):
        self.label, self.dir, self.rev, self.port = label, Path(directory), rev, port
        self.redis_url = redis_url
        self.pidfile = None
        self.env = {
            **env,
            # The build's own code first: cwd (manage.py, gunicorn's chdir) and PYTHONPATH win
            # over the editable install of the venv.
            "PYTHONPATH": str(self.dir),
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
            "CACHE_KEY_PREFIX": f"spbench-{label}",
        }
        self.env.pop("REDIS_URL", None)

    def cached_env(self):
        return {"FULL_PAGE_CACHE": "1", "REDIS_URL": self.redis_url}


class Bench:
    def __init__(self):
        self.base_ref = os.environ.get("BENCH_BASE") or DEFAULT_BASE
        try:
            base_rev = git("rev-parse", "--verify", f"{self.base_ref}^{{commit}}")
            new_rev = git("rev-parse", "HEAD")
            dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
        except subprocess.CalledProcessError as err:
            raise BenchError(f"git: {err.stderr.strip()} (BENCH_BASE={self.base_ref})") from err
        redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")
        redis_base = os.environ.get("BENCH_REDIS_URL_BASE") or redis_db_url(redis_url, 1)
        if redis_base == redis_url:
            raise BenchError("BENCH_REDIS_URL_BASE muss eine andere Redis-Datenbank sein.")
        self.skip_lh = os.environ.get("SKIP_LH", "") not in ("", "0")
        self.work = Path(tempfile.mkdtemp(prefix="sp-bench-"))
        self.out = Path(os.environ.get("BENCH_OUT") or ROOT / "bench-results")
        self.out = (self.out / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")).resolve()
        self.out.mkdir(parents=True)
        self.pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
        self.given_db = os.environ.get("BENCH_DATABASE_URL", "")
        self.db_name = None  # set when we created (and must drop) a database
        self.nginx_dir = None
        self.workers = int(os.environ.get("BENCH_WORKERS", "2"))
        self.rounds = max(1, int(os.environ.get("BENCH_ROUNDS", "2")))
        base_port, new_port, self.front_port = free_ports(3)
        self.env = dict(os.environ)
        self.env.update(
            DJANGO_SETTINGS_MODULE="partnerships.settings.production",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="0",
            # Workers live for the whole run: gunicorn.conf.py recycles them after ~2,000
            # requests, which would hide memory growth and cost a restart every few seconds
            # in the cached pass.
            GUNICORN_CMD_ARGS="--max-requests 0",
        )
        for name in ("PYTHONPATH", "REDIS_URL", "FULL_PAGE_CACHE", "CACHE_KEY_PREFIX"):
            self.env.pop(name, None)
        self.base = Build("base", self.work / "base-src", base_rev, base_port, self.env, redis_base)
        self.new = Build("new", ROOT, new_rev, new_port, self.env, redis_url)
        self.new.dirty = dirty
        self.builds = (self.base, self.new)
        for build in self.builds:
            build.env["STATIC_ROOT"] = str(self.work / f"static-{build.label}")
        self.results = {
            "started": datetime.now(UTC).isoformat(),
            "workers": self.workers,
            "rounds": self.rounds,
            "builds": {
                "base": {"ref": self.base_ref, "rev": base_rev, "redis": redis_base},
                "new": {"rev": new_rev, "dirty": dirty, "dir": str(ROOT), "redis": redis_url},
            },
        }

    # --- builds -----------------------------------------------------------------------------

    def prepare_builds(self):
        """Unpack the base commit into the work directory; check each build imports its own code."""
        self.base.dir.mkdir()
        archive = subprocess.Popen(
            ["git", "archive", self.base.rev], cwd=ROOT, stdout=subprocess.PIPE
        )
        subprocess.run(["tar", "-x", "-C", str(self.base.dir)], stdin=archive.stdout, check=True)
        archive.stdout.close()
        if archive.wait():
            raise BenchError(f"git archive {self.base.rev} fehlgeschlagen")
        for build in self.builds:
            proc = subprocess.run(
                [
                    str(PY),
                    "-c",
                    "import os, partnerships; print(os.path.realpath(partnerships.__file__))",
                ],
                cwd=build.dir,
                env=build.env,
                capture_output=True,
                text=True,
                check=True,
            )
            module = proc.stdout.strip()
            if not module.startswith(str(build.dir.resolve()) + os.sep):
                raise BenchError(
                    f"{build.label}: partnerships kommt aus {module}, nicht {build.dir}"
                )
            self.results["builds"][build.label]["module"] = module
            log(f"{build.label}: {build.rev[:10]} from {build.dir} (partnerships: {module})")
        if self.base.rev == self.new.rev and not self.new.dirty:
            log("base and new are the same commit: the ratios should be about 1.0")

    # --- database ---------------------------------------------------------------------------

    def psql(self, sql, dbname="postgres"):
        run(["psql", f"{self.pg}/{dbname}", "-v", "ON_ERROR_STOP=1", "-qc", sql], env=self.env)

    def manage(self, build, *args, **kw):
        return run([str(PY), "manage.py", *args], env=build.env, cwd=build.dir, **kw)

    def shell(self, build, script, env=None):
        proc = subprocess.run(
            [str(PY), "manage.py", "shell", "-c", script],
            env={**build.env, **(env or {})},
            cwd=build.dir,
            capture_output=True,
            text=True,
        )
        if proc.returncode:
            raise BenchError(
                f"manage.py shell ({build.label}) fehlgeschlagen:\n{proc.stderr[-2000:]}"
            )
        return proc.stdout

    def set_env(self, **values):
        self.env.update(values)
        for build in self.builds:
            build.env.update(values)

    def prepare_database(self):
        if self.given_db:
            media = os.environ.get("BENCH_MEDIA_ROOT")
            if not media:
                raise BenchError("BENCH_DATABASE_URL braucht BENCH_MEDIA_ROOT (dessen Medien).")
            self.set_env(DATABASE_URL=self.given_db, MEDIA_ROOT=media)
            log(f"given database {self.given_db} (not loaded, not dropped; migrated with new)")
            self.manage(self.new, "migrate", "--noinput", "--verbosity", "0")
        else:
            if shutil.which("psql") is None:
                raise BenchError("psql fehlt (Debian: apt-get install -y postgresql-client)")
            prefix = os.environ.get("BENCH_DB_PREFIX", "sp_bench")
            name = f"{prefix}_{os.getpid()}"
            self.psql(f'CREATE DATABASE "{name}"')
            self.db_name = name
            self.set_env(DATABASE_URL=f"{self.pg}/{name}", MEDIA_ROOT=str(self.work / "media"))
            news = os.environ.get("BENCH_NEWS", "10000")
            cases = os.environ.get("BENCH_CASESTUDIES", "1000")
            log(
                f"database {name}: migrate (new), load_initial_content, generate_demo_load "
                f"--news {news} --casestudies {cases} (about 15 min on 2 cores)"
            )
            t0 = time.time()
            self.manage(self.new, "migrate", "--noinput", "--verbosity", "0")
            # Wagtail logs every created page at INFO: keep it out of the report.
            with open(self.out / "load.log", "w") as load_log:
                self.manage(
                    self.new, "load_initial_content", stdout=load_log, stderr=subprocess.STDOUT
                )
                self.manage(
                    self.new,
                    "generate_demo_load",
                    "--news",
                    news,
                    "--casestudies",
                    cases,
                    stdout=load_log,
                    stderr=subprocess.STDOUT,
                )
            # What autovacuum does within a minute of a bulk load on a real site: loading
            # rewrote every search index entry several times, and a plan over dead rows and
            # stale statistics doubled the search time (p95 90-120 ms instead of 50-70 ms).
            self.psql("VACUUM ANALYZE", dbname=name)
            self.results["load_seconds"] = round(time.time() - t0)
            log(f"data loaded in {self.results['load_seconds']} s")
        for build in self.builds:
            self.manage(build, "collectstatic", "--noinput", "--verbosity", "0")
        out = self.shell(self.new, PAGES_SCRIPT)
        self.pages, self.mix, self.steady, self.publish_target = [], [], [], None
        for line in out.splitlines():
            if line.startswith("BENCHPAGE "):
                name, path = line.split()[1:3]
                {"mix": self.mix, "steady": self.steady}.get(name, self.pages).append(
                    path if name in ("mix", "steady") else (name, path)
                )
            elif line.startswith("BENCHPUBLISH "):
                pk, path = line.split()[1:3]
                self.publish_target = (int(pk), path)
        if len(self.pages) != 9 or not self.steady or not self.publish_target:
            raise BenchError(f"Seiten nicht ermittelt:\n{out}")
        self.pages_file = self.work / "pages.txt"
        self.pages_file.write_text("".join(f"{n} {p}\n" for n, p in self.pages))
        shutil.copy(self.pages_file, self.out / "pages.txt")
        self.results["pages"] = dict(self.pages)
        self.results["steady_pages"] = self.steady
        self.choose_search_words()

    def choose_search_words(self):
        """Never-searched words for the search phase: none that an earlier phase asks for."""
        count = int(os.environ.get("BENCH_SEARCH_TERMS", "200"))
        searched = [
            urllib.parse.parse_qs(urllib.parse.urlsplit(p).query).get("q", [""])[0]
            for p in [p for _, p in self.pages] + self.mix + self.steady
            if p.startswith("/suche/")
        ]
        out = self.shell(
            self.new,
            SEARCH_WORDS_SCRIPT,
            env={
                "BENCH_EXCLUDE": json.dumps([w for q in searched for w in q.split()]),
                "BENCH_SEED": os.environ.get("BENCH_SEARCH_SEED", "11"),
                "BENCH_COUNT": str(2 * count),
            },
        )
        vocab = next(
            int(line.split()[1]) for line in out.splitlines() if line.startswith("BENCHVOCAB ")
        )
        words = next(
            json.loads(line[11:]) for line in out.splitlines() if line.startswith("BENCHWORDS ")
        )
        half = min(count, len(words) // 2)
        if half < count:
            log(f"only {len(words)} distinct words (stems) in the data set: {half} per build")
        self.search_words = {"base": words[:half], "new": words[half : 2 * half]}
        self.results["search_words"] = {"vocabulary": vocab, **self.search_words}

    def drop_database(self):
        if self.db_name:
            try:
                self.psql(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
                log(f"database {self.db_name} dropped")
            except Exception as err:  # noqa: BLE001 - report and go on cleaning up
                print(f"Datenbank {self.db_name} nicht gelöscht: {err}", file=sys.stderr)
            self.db_name = None

    # --- servers ----------------------------------------------------------------------------

    def start_gunicorn(self, build, label, **extra_env):
        self.stop_gunicorn(build)
        env = {**build.env, **extra_env}
        pidfile = self.work / f"gunicorn-{build.label}-{label}.pid"
        run(
            [
                str(HARNESS / "gunicorn_up.sh"),
                str(build.dir),
                str(ROOT / ".venv"),
                "partnerships.wsgi:application",
                str(build.port),
                str(self.workers),
                str(pidfile),
                str(self.out / f"gunicorn-{build.label}-{label}.log"),
            ],
            env=env,
            cwd=build.dir,
            stdout=subprocess.DEVNULL,
        )
        build.pidfile = pidfile
        cwd = os.path.realpath(f"/proc/{self.gunicorn_pid(build)}/cwd")
        if cwd != str(build.dir.resolve()):
            raise BenchError(f"gunicorn {build.label} läuft in {cwd}, nicht in {build.dir}")
        log(
            f"gunicorn {build.label} ({label}, {self.workers} sync workers) "
            f"on 127.0.0.1:{build.port}, cwd {cwd}"
        )

    def gunicorn_pid(self, build):
        return int(build.pidfile.read_text().strip())

    def stop_gunicorn(self, build):
        if not build.pidfile or not build.pidfile.exists():
            return
        try:
            pid = self.gunicorn_pid(build)
            os.kill(pid, signal.SIGTERM)
            for _ in range(300):  # graceful_timeout is 20 s
                os.kill(pid, 0)
                time.sleep(0.1)
        except (ProcessLookupError, ValueError):
            pass
        build.pidfile = None

    def start_both(self, label, cached):
        for build in self.builds:
            if cached:
                self.flush_redis(build.redis_url)
                self.start_gunicorn(build, label, **build.cached_env())
            else:
                self.start_gunicorn(build, label, FULL_PAGE_CACHE="0")

    def worker_pids(self, build):
        master = self.gunicorn_pid(build)
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return sorted(int(pid) for pid in children)

    @staticmethod
    def rss_kib(pid):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise BenchError(f"kein VmRSS für {pid}")

    # --- measurements -----------------------------------------------------------------------

    def count_queries(self):
        log("queries and bytes per page (count_queries.py, warm request; new build)")
        json_path = self.out / "queries.json"
        run(
            [
                str(PY),
                str(HARNESS / "count_queries.py"),
                str(self.pages_file),
                "--project-dir",
                str(self.new.dir),
                "--settings",
                "partnerships.settings.production",
                "--json",
                str(json_path),
            ],
            env={**self.new.env, "FULL_PAGE_CACHE": "0"},
            cwd=self.new.dir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        data = json.loads(json_path.read_text())
        self.results["queries"] = {
            row["name"]: {k: row[k] for k in ("status", "queries_warm", "bytes", "gzip_bytes")}
            for row in data["pages"]
        }

    def wrk_pass(self, label):
        """Per page: wrk on base, new, base, new, ... (BENCH_ROUNDS rounds); the best counts."""
        duration = os.environ.get("BENCH_DURATION", "10s")
        log(
            f"wrk -t2 -c8 -d{duration} per page ({label}; {self.rounds} rounds base/new "
            "alternating, 3 s warm-up in the first)"
        )
        runs = {build.label: {} for build in self.builds}
        for name, path in self.pages:
            page_file = self.work / f"page-{name}.txt"
            page_file.write_text(f"{name} {path}\n")
            for n in range(1, self.rounds + 1):
                for build in self.builds:
                    run_label = f"{label}-{build.label}-r{n}"
                    run(
                        [
                            sys.executable,
                            str(HARNESS / "wrk_pages.py"),
                            f"http://127.0.0.1:{build.port}",
                            str(page_file),
                            "--label",
                            run_label,
                            "--out",
                            str(self.out / "wrk" / name),
                            "-d",
                            duration,
                            "--warmup",
                            "3s" if n == 1 else "0",
                        ],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL,
                    )
                    data = json.loads((self.out / "wrk" / name / f"{run_label}.json").read_text())
                    runs[build.label].setdefault(name, []).append(data["results"][0])
        for build in self.builds:
            best = {}
            for name, rows in runs[build.label].items():
                row = dict(max(rows, key=lambda r: r.get("rps") or 0))
                row["rounds_rps"] = [r.get("rps") for r in rows]
                row["rounds_p99_ms"] = [r.get("p99_ms") for r in rows]
                best[name] = row
            key = label if build is self.new else f"base_{label}"
            self.results[key] = best

    def flush_redis(self, url):
        parsed = urllib.parse.urlparse(url)
        db = (parsed.path or "/0").lstrip("/") or "0"
        cmd = [
            "redis-cli",
            "-h",
            parsed.hostname or "127.0.0.1",
            "-p",
            str(parsed.port or 6379),
            "-n",
            db,
            "FLUSHDB",
        ]
        if shutil.which("redis-cli") is None:
            log("redis-cli missing: Redis database not emptied")
            return
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def search_phase(self):
        """Each never-searched word once, base and new in turn, against the cached servers."""
        words = self.search_words
        log(f"search: {len(words['new'])} never-searched words per build, one request each")
        times = {build.label: [] for build in self.builds}
        errors = {build.label: [] for build in self.builds}
        for i in range(len(words["new"])):
            for build in self.builds:
                word = words[build.label][i]
                path = "/suche/?" + urllib.parse.urlencode({"q": word})
                t0 = time.perf_counter()
                status, _body = fetch(build.port, path, timeout=30)
                times[build.label].append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    errors[build.label].append(f"{word}: {status}")
        self.results["search_latency"] = {
            label: {
                "words": len(ms),
                "p50_ms": _round(percentile(ms, 50)),
                "p95_ms": _round(percentile(ms, 95)),
                "max_ms": _round(max(ms, default=None)),
                "errors": errors[label],
            }
            for label, ms in times.items()
        }

    def publish_under_load(self, build):
        """Steady open-loop load on 50 pages; a NewsPage is published through Django meanwhile."""
        rate = float(os.environ.get("BENCH_STEADY_RPS", "100"))
        seconds = float(os.environ.get("BENCH_STEADY_SECONDS", "25"))
        after = float(os.environ.get("BENCH_PUBLISH_AFTER", "10"))
        pk, publish_path = self.publish_target
        pages = self.steady
        self.flush_redis(build.redis_url)
        warm = {p: fetch(build.port, p, timeout=30)[0] for p in pages}  # fills the page cache
        bad = {p: s for p, s in warm.items() if s != 200}
        if bad:
            log(f"publish test ({build.label}): not 200 before the load: {bad}")
        n = int(rate * seconds)
        mark = f"[bench {build.label} {datetime.now(UTC):%H%M%S}]"
        log(
            f"publish test ({build.label}): {rate:g} req/s over {len(pages)} pages for "
            f"{seconds:g} s, NewsPage {pk} ({publish_path}) published after {after:g} s"
        )
        jobs = queue.Queue()
        records = [None] * n

        def sender():
            while (job := jobs.get()) is not None:
                i, due = job
                path = pages[i % len(pages)]
                start = time.monotonic()
                status, body = fetch(build.port, path)
                end = time.monotonic()
                fresh = mark.encode() in body if path == publish_path else None
                records[i] = (due, start, end, status, fresh)

        threads = [threading.Thread(target=sender, daemon=True) for _ in range(100)]
        for thread in threads:
            thread.start()
        wall = time.time() - time.monotonic()  # monotonic + wall = time.time()
        t0 = time.monotonic() + 1.0
        publisher = subprocess.Popen(
            [str(PY), "manage.py", "shell", "-c", PUBLISH_SCRIPT],
            cwd=build.dir,
            env={
                **build.env,
                **build.cached_env(),
                "BENCH_PUBLISH_PK": str(pk),
                "BENCH_PUBLISH_AT": repr(t0 + after + wall),
                "BENCH_PUBLISH_MARK": mark,
            },
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(n):
            due = t0 + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            jobs.put((i, due))
        for _ in threads:
            jobs.put(None)
        for thread in threads:
            thread.join(timeout=60)
        try:
            out, err = publisher.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            publisher.kill()
            out, err = publisher.communicate()
        result = {"rate": rate, "seconds": seconds, "pages": len(pages), "page": publish_path}
        line = next((x for x in out.splitlines() if x.startswith("BENCHPUBLISH ")), None)
        done = [r for r in records if r]
        latencies = [(end - due) * 1000 for due, _s, end, _st, _f in done]  # from the schedule
        failed = [st for _d, _s, _e, st, _f in done if st != 200]
        result.update(
            requests=len(done),
            unfinished=n - len(done),
            errors=len(failed) + (n - len(done)),
            error_kinds=sorted({str(st) for st in failed}),
            p50_ms=_round(percentile(latencies, 50)),
            p99_ms=_round(percentile(latencies, 99)),
            max_ms=_round(max(latencies, default=None)),
            late_starts=sum(1 for due, start, *_ in done if start - due > 0.05),
        )
        if line is None:
            result["publish_error"] = (err or out)[-1500:]
            log(f"publish test ({build.label}): publish failed:\n{result['publish_error']}")
        else:
            start, end = (float(x) - wall for x in line.split()[1:3])
            window = [
                (e - d) * 1000
                for d, _s, e, _st, _f in done
                if start <= d < start + PUBLISH_WINDOW_S
            ]
            window_failed = [
                st
                for d, _s, _e, st, _f in done
                if start <= d < start + PUBLISH_WINDOW_S and st != 200
            ]
            fresh_after = [e - end for _d, _s, e, _st, f in done if f]
            stale_late = [1 for _d, s, _e, _st, f in done if f is False and s > end + 1.0]
            result.update(
                publish_at_s=round(start - t0, 2),
                publish_took_ms=round((end - start) * 1000),
                window_s=round(min(PUBLISH_WINDOW_S, t0 + seconds - start), 1),
                window_requests=len(window),
                window_errors=len(window_failed),
                window_p99_ms=_round(percentile(window, 99)),
                new_title_seen_after_s=round(min(fresh_after), 2) if fresh_after else None,
                old_title_served_later=len(stale_late),  # > 1 s after the publish
            )
        self.results.setdefault("publish", {})[build.label] = result

    def rss_phase(self):
        """Worker RSS after about 10,000 and 20,000 requests (wrk in 5 s slices, counted)."""
        total = int(os.environ.get("BENCH_RSS_REQUESTS", "20000"))
        build = self.new
        self.start_gunicorn(build, "rss", FULL_PAGE_CACHE="0")
        workers = self.worker_pids(build)
        lua = self.work / "rss.lua"
        lua.write_text(RSS_LUA % {"paths": ", ".join(json.dumps(p) for p in self.mix)})
        points = [("start", 0, {pid: self.rss_kib(pid) for pid in workers})]
        sent = 0
        log(f"{total} requests over {len(self.mix)} pages; worker RSS at {total // 2} and {total}")
        for goal in (total // 2, total):
            while sent < goal:
                proc = subprocess.run(
                    [
                        "wrk",
                        "-t2",
                        "-c8",
                        "-d5s",
                        "--timeout",
                        "10s",
                        "-s",
                        str(lua),
                        f"http://127.0.0.1:{build.port}/",
                    ],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                stats = next(
                    (
                        json.loads(line[10:])
                        for line in proc.stdout.splitlines()
                        if line.startswith("BENCHJSON ")
                    ),
                    None,
                )
                if stats is None:
                    raise BenchError(f"wrk (RSS) ohne Ergebnis:\n{proc.stdout}{proc.stderr}")
                sent += stats["requests"]
            now = self.worker_pids(build)
            if now != workers:
                raise BenchError(f"gunicorn-Worker wurden ersetzt ({workers} -> {now})")
            points.append((goal, sent, {pid: self.rss_kib(pid) for pid in workers}))
        rows = [
            {"point": p, "requests": n, "rss_kib": rss, "sum_kib": sum(rss.values())}
            for p, n, rss in points
        ]
        mid, end = rows[1]["sum_kib"], rows[2]["sum_kib"]
        self.results["rss"] = {
            "pages": len(self.mix),
            "workers": workers,
            "points": rows,
            "growth_pct": round(100.0 * (end - mid) / mid, 1),
        }
        self.stop_gunicorn(build)

    def lighthouse(self):
        runs = os.environ.get("LH_RUNS", "1")
        self.nginx_dir = self.work / "nginx"
        run(
            [
                str(HARNESS / "nginx_front.sh"),
                "start",
                str(self.nginx_dir),
                str(self.front_port),
                f"127.0.0.1:{self.new.port}",
                "/media/",
                self.env["MEDIA_ROOT"],
            ],
            stdout=subprocess.DEVNULL,
        )
        front = f"http://127.0.0.1:{self.front_port}"
        pages = dict(self.pages)
        log(f"Lighthouse 12 (mobile, desktop; {runs} run(s) per page) through nginx on {front}")
        lh_out = self.out / "lighthouse"
        with open(self.out / "lighthouse-runs.log", "w") as runs_log:
            run(
                [
                    sys.executable,
                    str(HARNESS / "lighthouse_run.py"),
                    *[front + pages[name] for name in LH_PAGES],
                    "--names",
                    ",".join(LH_PAGES),
                    "--runs",
                    runs,
                    "--out",
                    str(lh_out),
                ],
                stdout=subprocess.DEVNULL,
                stderr=runs_log,
            )
        summary = json.loads((lh_out / "summary.json").read_text())
        for row in summary:  # Lighthouse's CPU benchmark: low values mean a busy machine
            row["benchmark_index"] = [
                round(json.loads(f.read_text())["environment"]["benchmarkIndex"])
                for f in sorted(lh_out.glob(f"{row['name']}-{row['preset']}-*.json"))
            ]
        self.results["lighthouse"] = summary
        home_mobile = lh_out / "home-mobile-0.json"
        if home_mobile.exists():
            self.results["lighthouse_home_mobile_audits"] = lighthouse_checks(
                json.loads(home_mobile.read_text())
            )
        self.stop_nginx()

    def stop_nginx(self):
        if self.nginx_dir and (self.nginx_dir / "nginx.pid").exists():
            subprocess.run(
                [str(HARNESS / "nginx_front.sh"), "stop", str(self.nginx_dir)],
                check=False,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        self.nginx_dir = None

    # --- the whole run ----------------------------------------------------------------------

    def save(self):
        """Results so far: a run cut short still leaves what it measured."""
        (self.out / "results.json").write_text(json.dumps(self.results, indent=1))

    def run(self):
        self.prepare_builds()
        self.prepare_database()
        self.count_queries()
        self.save()
        if os.environ.get("BENCH_ONLY") == "search":  # the search latency alone (minutes)
            self.start_both("cached", cached=True)
            self.search_phase()
            self.save()
            for build in self.builds:
                self.stop_gunicorn(build)
            print(json.dumps(self.results.get("search_latency"), indent=2))
            return []
        if os.environ.get("BENCH_ONLY") == "publish":  # the publish test alone (minutes)
            self.start_both("cached", cached=True)
            for build in self.builds:
                self.publish_under_load(build)
                self.save()
            for build in self.builds:
                self.stop_gunicorn(build)
            print(json.dumps(self.results.get("publish"), indent=2))
            return []
        self.start_both("uncached", cached=False)
        self.wrk_pass("uncached")
        self.save()
        self.start_both("cached", cached=True)  # each build: its own Redis database, emptied
        self.wrk_pass("cached")
        self.save()
        self.search_phase()  # search is never page-cached: the servers as in production
        self.save()
        for build in self.builds:
            self.publish_under_load(build)
            self.save()
        if not self.skip_lh:
            self.lighthouse()  # against the new production-like server: cache on
            self.save()
        for build in self.builds:
            self.stop_gunicorn(build)
        self.rss_phase()
        self.results["finished"] = datetime.now(UTC).isoformat()
        self.save()
        report = format_report(self.results, self.skip_lh)
        (self.out / "report.txt").write_text(report + "\n")
        print(report)
        log(f"raw results: {self.out}")
        return report_missed(self.results, self.skip_lh)

    def cleanup(self):
        self.stop_nginx()
        for build in self.builds:
            self.stop_gunicorn(build)
        self.drop_database()
        shutil.rmtree(self.work, ignore_errors=True)


def lighthouse_checks(lhr):
    """Transfer size, render-blocking requests and text compression of one Lighthouse report."""
    audits = lhr["audits"]
    blocking = [
        item.get("url")
        for item in (audits.get("render-blocking-resources", {}).get("details") or {}).get(
            "items", []
        )
    ]
    network = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    document = next((r for r in network if r.get("resourceType") == "Document"), {})
    return {
        "total_bytes": audits.get("total-byte-weight", {}).get("numericValue"),
        "render_blocking": blocking,
        "text_compression_score": audits.get("uses-text-compression", {}).get("score"),
        "document_transfer_bytes": document.get("transferSize"),
        "document_resource_bytes": document.get("resourceSize"),
    }


def _fmt(value, width, digits=0):
    if value is None or value == "":
        return f"{'–':>{width}}"
    if isinstance(value, float):
        return f"{value:>{width}.{digits}f}"
    return f"{value!s:>{width}}"


def change_pct(base, new):
    if not base or new is None:
        return None
    return 100.0 * (new - base) / base


def losses(results, label):
    """Pages whose new req/s is more than MAX_LOSS_PCT below base's in pass ``label``."""
    base, new = results.get(f"base_{label}", {}), results.get(label, {})
    out = []
    for name in results.get("pages", {}):
        pct = change_pct(base.get(name, {}).get("rps"), new.get(name, {}).get("rps"))
        if pct is not None and pct < -MAX_LOSS_PCT:
            out.append(f"{name} {pct:+.0f} %")
    return out


def comparison_lines(results):
    builds = results.get("builds", {})
    base, new = builds.get("base", {}), builds.get("new", {})
    lines = [
        "",
        f"Base {base.get('ref')} ({(base.get('rev') or '')[:10]}) against new "
        f"{(new.get('rev') or '')[:10]}{' + uncommitted changes' if new.get('dirty') else ''}: "
        f"best of {results.get('rounds')} alternating wrk runs per build (highest req/s, with "
        "that run's p99 in ms)",
    ]
    for label, title in (("uncached", "FULL_PAGE_CACHE=0"), ("cached", "FULL_PAGE_CACHE=1, Redis")):
        b_rows, n_rows = results.get(f"base_{label}"), results.get(label)
        if not b_rows or not n_rows:
            continue
        header = (
            f"  {label + ' (' + title + ')':<36}{'base r/s':>9}{'new r/s':>9}{'change':>8}"
            f"{'p99 base/new':>15}  rounds base | new"
        )
        lines += ["", header, "  " + "-" * (len(header) - 2)]
        for name in results.get("pages", {}):
            brow, nrow = b_rows.get(name, {}), n_rows.get(name, {})
            pct = change_pct(brow.get("rps"), nrow.get("rps"))
            p99 = f"{_fmt(brow.get('p99_ms'), 0, 1)}/{_fmt(nrow.get('p99_ms'), 0, 1)}"
            rounds = (
                "/".join(f"{x:.0f}" for x in brow.get("rounds_rps") or [] if x is not None)
                + " | "
                + "/".join(f"{x:.0f}" for x in nrow.get("rounds_rps") or [] if x is not None)
            )
            mark = "  VERLUST" if pct is not None and pct < -MAX_LOSS_PCT else ""
            lines.append(
                f"  {name:<36}{_fmt(brow.get('rps'), 9, 1)}{_fmt(nrow.get('rps'), 9, 1)}"
                f"{_fmt(f'{pct:+.1f}%' if pct is not None else None, 8)}{p99:>15}  {rounds}{mark}"
            )
    lines.append(f"  VERLUST: new loses more than {MAX_LOSS_PCT} % req/s against base.")
    search = results.get("search_latency")
    if search:
        words = results.get("search_words", {})
        lines += [
            "",
            f"Search, never-searched words from the data set ({words.get('vocabulary')} distinct "
            "stems), one request each, cached servers (search itself is never page-cached):",
            f"  {'build':<6}{'words':>6}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}  errors",
        ]
        for label in BUILDS:
            row = search.get(label)
            if row:
                lines.append(
                    f"  {label:<6}{row['words']:>6}{_fmt(row['p50_ms'], 8, 1)}"
                    f"{_fmt(row['p95_ms'], 8, 1)}{_fmt(row['max_ms'], 8, 1)}  "
                    f"{len(row['errors'])} {', '.join(row['errors'][:5])}"
                )
    publish = results.get("publish")
    if publish:
        any_row = next(iter(publish.values()))
        lines += [
            "",
            f"Publish during steady load ({any_row['rate']:g} req/s paced by the clock over "
            f"{any_row['pages']} pages for {any_row['seconds']:g} s, cached servers; latency "
            "from the scheduled start; a NewsPage edited, then save_revision().publish()):",
            f"  {'build':<6}{'requests':>9}{'errors':>7}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}"
            f"{'publish at':>11}{'took ms':>8}{'p99 10 s after':>15}{'title seen':>11}"
            f"{'stale':>6}{'late':>5}",
        ]
        for label in BUILDS:
            row = publish.get(label)
            if not row:
                continue
            at = row.get("publish_at_s")
            seen = row.get("new_title_seen_after_s")
            lines.append(
                f"  {label:<6}{row['requests']:>9}{row['errors']:>7}{_fmt(row['p50_ms'], 8, 1)}"
                f"{_fmt(row['p99_ms'], 8, 1)}{_fmt(row['max_ms'], 8, 1)}"
                f"{_fmt(f'+{at:.1f} s' if at is not None else None, 11)}"
                f"{_fmt(row.get('publish_took_ms'), 8)}{_fmt(row.get('window_p99_ms'), 15, 1)}"
                f"{_fmt(f'{seen:+.2f} s' if seen is not None else None, 11)}"
                f"{_fmt(row.get('old_title_served_later'), 6)}{_fmt(row['late_starts'], 5)}"
                + (
                    f"  PUBLISH FAILED: {row['publish_error'][-200:]}"
                    if "publish_error" in row
                    else ""
                )
                + (f"  errors: {', '.join(row['error_kinds'])}" if row["error_kinds"] else "")
            )
        lines.append(
            "  title seen: first response of the edited page with the new title, after the "
            "publish returned; stale: old title still served > 1 s after it; late: requests "
            "started > 50 ms after their schedule (client overloaded)."
        )
    return lines


def verdicts(results, skip_lh):
    """(description, passed) for every target of issue 5."""
    out = []
    unc, cached = results.get("uncached", {}), results.get("cached", {})
    for name, target in TARGET_RPS.items():
        rps = unc.get(name, {}).get("rps")
        out.append((f"{name} uncached >= {target} req/s: {rps}", rps is not None and rps >= target))
    home = cached.get("home", {})
    out.append(
        (
            f"home cached >= {TARGET_CACHED_HOME_RPS} req/s: {home.get('rps')}",
            (home.get("rps") or 0) >= TARGET_CACHED_HOME_RPS,
        )
    )
    out.append(
        (
            f"home cached p99 < {TARGET_CACHED_HOME_P99_MS} ms: {home.get('p99_ms')}",
            home.get("p99_ms") is not None and home["p99_ms"] < TARGET_CACHED_HOME_P99_MS,
        )
    )
    for label in ("uncached", "cached"):
        if results.get(f"base_{label}") and results.get(label):
            lost = losses(results, label)
            out.append(
                (
                    f"{label}: no page loses > {MAX_LOSS_PCT} % req/s against base: "
                    f"{', '.join(lost) or 'none'}",
                    not lost,
                )
            )
    search = results.get("search_latency", {}).get("new")
    if search:
        out.append(
            (
                f"search p95 (never-searched words, new) <= {TARGET_SEARCH_P95_MS} ms: "
                f"{search['p95_ms']} ms, {len(search['errors'])} errors",
                search["p95_ms"] is not None
                and search["p95_ms"] <= TARGET_SEARCH_P95_MS
                and not search["errors"],
            )
        )
    publish = results.get("publish", {}).get("new")
    if publish:
        p99 = publish.get("window_p99_ms")
        out.append(
            (
                f"publish under load (new): no error ({publish['errors']}), p99 in the "
                f"{PUBLISH_WINDOW_S} s after it <= {TARGET_PUBLISH_P99_MS} ms ({p99}), "
                f"new title served ({publish.get('new_title_seen_after_s')} s after)",
                publish["errors"] == 0
                and p99 is not None
                and p99 <= TARGET_PUBLISH_P99_MS
                and publish.get("new_title_seen_after_s") is not None
                and not publish.get("old_title_served_later"),
            )
        )
    rss = results.get("rss")
    if rss:
        out.append(
            (
                f"worker RSS growth {rss['points'][1]['point']:,} -> {rss['points'][2]['point']:,} "
                f"requests <= {RSS_MAX_GROWTH_PCT} %: "
                f"{rss['growth_pct']} %",
                rss["growth_pct"] <= RSS_MAX_GROWTH_PCT,
            )
        )
    if not skip_lh:
        for row in results.get("lighthouse", []):
            scores = row.get("median_run", {})
            ok = "error" not in row and all(scores.get(c) == 100 for c in LH_CATEGORIES)
            label = f"Lighthouse {row['name']} {row['preset']}"
            out.append((f"{label}: 100 in all four categories", ok))
        checks = results.get("lighthouse_home_mobile_audits")
        if checks:
            kb = (checks["total_bytes"] or 0) / 1024
            out.append((f"home mobile transfer < 150 KB: {kb:.1f} KiB", kb < 150))
            out.append(
                (
                    f"render-blocking: only the stylesheet: {checks['render_blocking']}",
                    len(checks["render_blocking"]) <= 1
                    and all("/static/css/" in (u or "") for u in checks["render_blocking"]),
                )
            )
            out.append(
                (
                    "HTML compressed (Lighthouse uses-text-compression)",
                    checks["text_compression_score"] in (1, None),
                )
            )
    return out


def report_missed(results, skip_lh):
    return [text for text, ok in verdicts(results, skip_lh) if not ok]


def format_report(results, skip_lh):
    lines = []
    q = results.get("queries", {})
    unc, cached = results.get("uncached", {}), results.get("cached", {})
    workers = results["workers"]
    lines.append("")
    lines.append(
        f"Benchmark of the new build (gunicorn {workers} sync workers, production settings, "
        "PostgreSQL, wrk -t2 -c8 -d10s, best round; demo: bakerydemo, same setup)"
    )
    header = (
        f"{'page':<11}{'st':>4}{'queries':>8}{'bytes':>8}{'gzip':>7}{'req/s unc':>10}"
        f"{'req/s cached':>13}{'p99 unc':>8}{'p99 c':>7}  {'demo page':<11}{'demo r/s':>8}"
        f"{'demo q':>7}{'ratio':>6}{'target':>9}"
    )
    lines.append(header)
    lines.append("-" * len(header))
    for name, _path in results.get("pages", {}).items():
        qrow, urow, crow = q.get(name, {}), unc.get(name, {}), cached.get(name, {})
        demo_page, demo_rps, demo_q = DEMO.get(name, ("", None, None))
        ratio = (urow.get("rps") / demo_rps) if demo_rps and urow.get("rps") else None
        target = TARGET_RPS.get(name)
        verdict = ""
        if target:
            verdict = f"{'ok' if (urow.get('rps') or 0) >= target else 'MISS'} {target}"
        lines.append(
            f"{name:<11}{_fmt(urow.get('status'), 4)}{_fmt(qrow.get('queries_warm'), 8)}"
            f"{_fmt(qrow.get('bytes'), 8)}{_fmt(qrow.get('gzip_bytes'), 7)}"
            f"{_fmt(urow.get('rps'), 10, 1)}{_fmt(crow.get('rps'), 13, 1)}"
            f"{_fmt(urow.get('p99_ms'), 8, 1)}{_fmt(crow.get('p99_ms'), 7, 1)}  {demo_page:<11}"
            f"{_fmt(demo_rps, 8)}{_fmt(demo_q, 7)}{_fmt(f'{ratio:.1f}x' if ratio else None, 6)}"
            f" {verdict:>8}"
        )
    lines.append(
        "queries: warm request (count_queries.py); bytes: HTML uncompressed / gzip -6; p99 in ms;"
    )
    lines.append("ratio = our uncached req/s / demo req/s; the 404 counts as non-2xx in wrk.")
    lines += comparison_lines(results)
    rss = results.get("rss")
    if rss:
        lines.append("")
        lines.append(
            f"Worker RSS (MiB), FULL_PAGE_CACHE=0, requests over {rss.get('pages')} pages in turn, "
            "no worker recycling:"
        )
        for row in rss["points"]:
            each = ", ".join(f"{pid}: {kib / 1024:.1f}" for pid, kib in row["rss_kib"].items())
            lines.append(
                f"  after {row['requests']:>6} requests: sum {row['sum_kib'] / 1024:6.1f}  ({each})"
            )
        lines.append(
            f"  growth between the 2nd and 3rd reading: {rss['growth_pct']} % "
            f"(limit {RSS_MAX_GROWTH_PCT} %)"
        )
    if not skip_lh and results.get("lighthouse"):
        lines.append("")
        lines.append("Lighthouse 12.2.3 through nginx in front of the cached gunicorn.")
        lines.append(
            "CPU idx: Lighthouse's benchmarkIndex; far below ~1,000 means a busy machine, "
            "which inflates TBT and the mobile score."
        )
        lines.append(
            f"  {'page':<11}{'preset':<8}{'perf':>5}{'a11y':>5}{'bp':>5}{'seo':>5}"
            f"{'LCP ms':>8}{'TBT':>6}{'CLS':>6}{'KiB':>6}{'CPU idx':>9}  audits < 0.9"
        )
        for row in results["lighthouse"]:
            if "error" in row:
                lines.append(f"  {row['name']:<11}{row['preset']:<8} ERROR {row['error']}")
                continue
            m = row["median_run"]
            lines.append(
                f"  {row['name']:<11}{row['preset']:<8}"
                + "".join(_fmt(m.get(c), 5) for c in LH_CATEGORIES)
                + f"{_fmt(m.get('LCP_ms'), 8)}{_fmt(m.get('TBT_ms'), 6)}{_fmt(m.get('CLS'), 6, 2)}"
                f"{_fmt(round((m.get('bytes') or 0) / 1024), 6)}"
                f"{_fmt('/'.join(map(str, row.get('benchmark_index', []))), 9)}  "
                + (", ".join(m.get("failed_audits", [])) or "–")
            )
        checks = results.get("lighthouse_home_mobile_audits")
        if checks:
            blocking = [re.sub(r"^https?://[^/]+", "", u or "") for u in checks["render_blocking"]]
            lines.append(
                f"  home (mobile): {(checks['total_bytes'] or 0) / 1024:.1f} KiB transferred; HTML "
                f"{checks['document_transfer_bytes']} B over the wire "
                f"({checks['document_resource_bytes']} B uncompressed); render-blocking: "
                f"{', '.join(blocking) or 'none'}"
            )
    lines.append("")
    missed = [(text, ok) for text, ok in verdicts(results, skip_lh)]
    lines.append("Targets (issues 5 and 11):")
    for text, ok in missed:
        lines.append(f"  [{'ok' if ok else 'MISS'}] {text}")
    if results.get("load_seconds"):
        lines.append(f"(data set loaded in {results['load_seconds']} s)")
    return "\n".join(lines)


def main():
    skip_lh = os.environ.get("SKIP_LH", "") not in ("", "0")
    try:
        check_prerequisites(skip_lh)
    except BenchError as err:
        print(f"make bench: {err}", file=sys.stderr)
        return 2

    def terminate(signum, frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGHUP, terminate)
    try:
        bench = Bench()
    except BenchError as err:
        print(f"make bench: {err}", file=sys.stderr)
        return 2
    try:
        missed = bench.run()
    except BenchError as err:
        print(f"make bench: {err}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as err:
        print(f"make bench: Befehl fehlgeschlagen ({err.returncode}): {err.cmd}", file=sys.stderr)
        return 1
    finally:
        bench.cleanup()
    if missed and os.environ.get("BENCH_STRICT", "") not in ("", "0"):
        print(f"{len(missed)} Ziel(e) verfehlt (BENCH_STRICT=1)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
