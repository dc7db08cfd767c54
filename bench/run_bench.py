#!/usr/bin/env python3
"""`make bench`: the performance benchmark of issue 5 on a throw-away PostgreSQL database.

    .venv/bin/python bench/run_bench.py          (what `make bench` runs)

1. checks the harness in ../shared/bench (wrk_pages.py, count_queries.py, gunicorn_up.sh,
   lighthouse_run.py, nginx_front.sh) and the tools it needs (wrk, PostgreSQL, nginx, Lighthouse);
2. creates a database, migrates, loads the initial content and the large data set
   (`generate_demo_load --news 10000 --casestudies 1000`), ANALYZE, collectstatic;
3. counts queries and bytes per page (count_queries.py, warm request);
4. serves the site with gunicorn (production settings, 2 sync workers as the demo measurement,
   no worker recycling) and runs wrk_pages.py (wrk -t2 -c8 -d10s after a 3 s warm-up) twice:
   full-page cache off (FULL_PAGE_CACHE=0) and on (FULL_PAGE_CACHE=1, Redis from BENCH_REDIS_URL);
5. sends 20,000 requests over a mix of pages to fresh workers and reads each worker's RSS from
   /proc after 10,000 and 20,000 (growth must stay within 10 %);
6. runs Lighthouse 12 (mobile and desktop) on six pages through nginx (media files), unless
   SKIP_LH=1;
7. prints one table (page, queries, bytes, req/s uncached and cached, p99, the demo's figures
   and the ratio, targets), the RSS figures and the Lighthouse scores; drops the database and
   removes the work directory, also on errors and Ctrl-C. Raw results stay in BENCH_OUT.

Environment (all optional): BENCH_HARNESS (default ../shared/bench), BENCH_PG
(postgres://postgres@127.0.0.1:5432), BENCH_DB_PREFIX (sp_bench), BENCH_DATABASE_URL +
BENCH_MEDIA_ROOT (an already loaded database and its media: nothing is loaded or dropped),
BENCH_NEWS (10000), BENCH_CASESTUDIES (1000), BENCH_WORKERS (2), BENCH_DURATION (10s),
BENCH_RSS_REQUESTS (20000), BENCH_REDIS_URL (redis://127.0.0.1:6379/4; its database is emptied
before the cached pass), BENCH_PORTS (18600-18699), BENCH_OUT (bench-results), SKIP_LH=1,
LH_RUNS (1), BENCH_STRICT=1 (exit 1 when a target is missed).
"""

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
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
LH_PAGES = ["home", "concept", "cs_list", "case_study", "news_index", "news_page"]
LH_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]

# Resolves the benchmark pages in the loaded database; prints "BENCHPAGE name path" lines,
# then "BENCHPAGE mix path" lines for the RSS phase (more pages, so workers see varied content).
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


def run(cmd, env=None, **kw):
    return subprocess.run(cmd, env=env, cwd=ROOT, check=True, **kw)


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
    tools = ["wrk", "curl"] + ([] if skip_lh else ["nginx", "node"])
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


class Bench:
    def __init__(self):
        self.skip_lh = os.environ.get("SKIP_LH", "") not in ("", "0")
        self.work = Path(tempfile.mkdtemp(prefix="sp-bench-"))
        self.out = Path(os.environ.get("BENCH_OUT") or ROOT / "bench-results")
        self.out = (self.out / datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")).resolve()
        self.out.mkdir(parents=True)
        self.pg = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
        self.given_db = os.environ.get("BENCH_DATABASE_URL", "")
        self.db_name = None  # set when we created (and must drop) a database
        self.gunicorn_pidfile = None
        self.nginx_dir = None
        self.workers = int(os.environ.get("BENCH_WORKERS", "2"))
        self.redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/4")
        self.app_port, self.front_port = free_ports(2)
        self.env = dict(os.environ)
        self.env.update(
            DJANGO_SETTINGS_MODULE="partnerships.settings.production",
            SECRET_KEY=secrets.token_urlsafe(64),
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="0",
            STATIC_ROOT=str(self.work / "static"),
            WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{self.app_port}",
            # Workers live for the whole run: gunicorn.conf.py recycles them after ~2,000
            # requests, which would hide memory growth and cost a restart every few seconds
            # in the cached pass.
            GUNICORN_CMD_ARGS="--max-requests 0",
        )
        self.results = {"started": datetime.now(UTC).isoformat(), "workers": self.workers}

    # --- database ---------------------------------------------------------------------------

    def psql(self, sql, dbname="postgres"):
        run(["psql", f"{self.pg}/{dbname}", "-v", "ON_ERROR_STOP=1", "-qc", sql], env=self.env)

    def manage(self, *args, **kw):
        return run([str(PY), "manage.py", *args], env=self.env, **kw)

    def prepare_database(self):
        if self.given_db:
            media = os.environ.get("BENCH_MEDIA_ROOT")
            if not media:
                raise BenchError("BENCH_DATABASE_URL braucht BENCH_MEDIA_ROOT (dessen Medien).")
            self.env.update(DATABASE_URL=self.given_db, MEDIA_ROOT=media)
            log(f"given database {self.given_db} (neither loaded nor dropped)")
        else:
            if shutil.which("psql") is None:
                raise BenchError("psql fehlt (Debian: apt-get install -y postgresql-client)")
            prefix = os.environ.get("BENCH_DB_PREFIX", "sp_bench")
            name = f"{prefix}_{os.getpid()}"
            self.psql(f'CREATE DATABASE "{name}"')
            self.db_name = name
            self.env.update(DATABASE_URL=f"{self.pg}/{name}", MEDIA_ROOT=str(self.work / "media"))
            news = os.environ.get("BENCH_NEWS", "10000")
            cases = os.environ.get("BENCH_CASESTUDIES", "1000")
            log(
                f"database {name}: migrate, load_initial_content, generate_demo_load "
                f"--news {news} --casestudies {cases} (about 15 min on 2 cores)"
            )
            t0 = time.time()
            self.manage("migrate", "--noinput", "--verbosity", "0")
            # Wagtail logs every created page at INFO: keep it out of the report.
            with open(self.out / "load.log", "w") as load_log:
                self.manage("load_initial_content", stdout=load_log, stderr=subprocess.STDOUT)
                self.manage(
                    "generate_demo_load",
                    "--news",
                    news,
                    "--casestudies",
                    cases,
                    stdout=load_log,
                    stderr=subprocess.STDOUT,
                )
            self.psql("ANALYZE", dbname=name)
            self.results["load_seconds"] = round(time.time() - t0)
            log(f"data loaded in {self.results['load_seconds']} s")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        proc = subprocess.run(
            [str(PY), "manage.py", "shell", "-c", PAGES_SCRIPT],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if proc.returncode:
            raise BenchError(f"Seiten nicht ermittelt:\n{proc.stderr[-2000:]}")
        out = proc.stdout
        self.pages, self.mix = [], []
        for line in out.splitlines():
            if line.startswith("BENCHPAGE "):
                name, path = line.split()[1:3]
                (self.mix if name == "mix" else self.pages).append((name, path))
        self.mix = [p for _, p in self.mix]
        if len(self.pages) != 9:
            raise BenchError(f"Seiten nicht ermittelt:\n{out}")
        self.pages_file = self.work / "pages.txt"
        self.pages_file.write_text("".join(f"{n} {p}\n" for n, p in self.pages))
        shutil.copy(self.pages_file, self.out / "pages.txt")
        self.results["pages"] = dict(self.pages)

    def drop_database(self):
        if self.db_name:
            try:
                self.psql(f'DROP DATABASE IF EXISTS "{self.db_name}" WITH (FORCE)')
                log(f"database {self.db_name} dropped")
            except Exception as err:  # noqa: BLE001 - report and go on cleaning up
                print(f"Datenbank {self.db_name} nicht gelöscht: {err}", file=sys.stderr)
            self.db_name = None

    # --- servers ----------------------------------------------------------------------------

    def start_gunicorn(self, label, **extra_env):
        self.stop_gunicorn()
        env = {**self.env, **extra_env}
        self.gunicorn_pidfile = self.work / f"gunicorn-{label}.pid"
        run(
            [
                str(HARNESS / "gunicorn_up.sh"),
                str(ROOT),
                str(ROOT / ".venv"),
                "partnerships.wsgi:application",
                str(self.app_port),
                str(self.workers),
                str(self.gunicorn_pidfile),
                str(self.out / f"gunicorn-{label}.log"),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        log(f"gunicorn ({label}, {self.workers} sync workers) on 127.0.0.1:{self.app_port}")

    def gunicorn_pid(self):
        return int(self.gunicorn_pidfile.read_text().strip())

    def stop_gunicorn(self):
        if not self.gunicorn_pidfile or not self.gunicorn_pidfile.exists():
            return
        try:
            pid = self.gunicorn_pid()
            os.kill(pid, signal.SIGTERM)
            for _ in range(300):  # graceful_timeout is 20 s
                os.kill(pid, 0)
                time.sleep(0.1)
        except (ProcessLookupError, ValueError):
            pass
        self.gunicorn_pidfile = None

    def worker_pids(self):
        master = self.gunicorn_pid()
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
        log("queries and bytes per page (count_queries.py, warm request)")
        json_path = self.out / "queries.json"
        run(
            [
                str(PY),
                str(HARNESS / "count_queries.py"),
                str(self.pages_file),
                "--project-dir",
                str(ROOT),
                "--settings",
                "partnerships.settings.production",
                "--json",
                str(json_path),
            ],
            env={**self.env, "FULL_PAGE_CACHE": "0"},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        data = json.loads(json_path.read_text())
        self.results["queries"] = {
            row["name"]: {k: row[k] for k in ("status", "queries_warm", "bytes", "gzip_bytes")}
            for row in data["pages"]
        }

    def wrk_pass(self, label):
        duration = os.environ.get("BENCH_DURATION", "10s")
        log(f"wrk -t2 -c8 -d{duration} per page ({label}, 3 s warm-up)")
        run(
            [
                sys.executable,
                str(HARNESS / "wrk_pages.py"),
                f"http://127.0.0.1:{self.app_port}",
                str(self.pages_file),
                "--label",
                label,
                "--out",
                str(self.out / "wrk"),
                "-d",
                duration,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        data = json.loads((self.out / "wrk" / f"{label}.json").read_text())
        self.results[label] = {row["name"]: row for row in data["results"]}

    def flush_redis(self):
        parsed = urllib.parse.urlparse(self.redis_url)
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

    def rss_phase(self):
        """Worker RSS after about 10,000 and 20,000 requests (wrk in 5 s slices, counted)."""
        total = int(os.environ.get("BENCH_RSS_REQUESTS", "20000"))
        self.start_gunicorn("rss", FULL_PAGE_CACHE="0")
        workers = self.worker_pids()
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
                        f"http://127.0.0.1:{self.app_port}/",
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
            now = self.worker_pids()
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
        self.stop_gunicorn()

    def lighthouse(self):
        runs = os.environ.get("LH_RUNS", "1")
        self.nginx_dir = self.work / "nginx"
        run(
            [
                str(HARNESS / "nginx_front.sh"),
                "start",
                str(self.nginx_dir),
                str(self.front_port),
                f"127.0.0.1:{self.app_port}",
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
        self.prepare_database()
        self.count_queries()
        self.save()
        self.start_gunicorn("uncached", FULL_PAGE_CACHE="0")
        self.wrk_pass("uncached")
        self.save()
        self.flush_redis()
        self.start_gunicorn("cached", FULL_PAGE_CACHE="1", REDIS_URL=self.redis_url)
        self.wrk_pass("cached")
        self.save()
        if not self.skip_lh:
            self.lighthouse()  # against the production-like server: cache on
            self.save()
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
        self.stop_gunicorn()
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
        f"Benchmark (gunicorn {workers} sync workers, production settings, PostgreSQL, "
        "wrk -t2 -c8 -d10s; demo: bakerydemo, same setup)"
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
    lines.append("Targets (issue 5):")
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
    bench = Bench()
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
