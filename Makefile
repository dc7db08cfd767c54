# Strategische Partnerschaften – everything a developer needs, from a fresh clone.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The address make run serves at: e-mail links (WAGTAILADMIN_BASE_URL) and the Site record
# (canonical, feed and Open Graph URLs) follow it.
SITE_URL ?= http://127.0.0.1:$(PORT)

.DEFAULT_GOAL := help
.PHONY: help install run serve migrate content admin scheduler worker bench-mail test test-fast test-postgres lint format check lock clean outage-test scale-test backup restore backup-test bench guide-screenshots

help: ## Show this help
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --noinput

content: migrate ## Load the initial content (idempotent)
	$(PY) manage.py load_initial_content

admin: migrate ## Make sure the admin account exists and print its login
	$(PY) manage.py ensure_admin

run: content admin ## Install, migrate, load content, print the admin login and serve on 127.0.0.1:$(PORT)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py set_site_address $(SITE_URL)
	@echo "Website:  http://127.0.0.1:$(PORT)/"
	@echo "Admin:    http://127.0.0.1:$(PORT)/admin/"
	@echo "Mail-Worker läuft nebenher (Newsletter, Bestätigungen; E-Mails erscheinen hier in der Konsole)."
	$(PY) manage.py db_worker --backend mail --interval 2 --no-reload & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

worker: migrate ## The mail worker alone (newsletter, alerts, confirmations): what a server runs as a service
	$(PY) manage.py db_worker --backend mail --interval 2 --no-reload

bench-mail: install ## Send 2,000 newsletter mails to a local SMTP server: mails per second, worker memory
	$(PY) bench/mail.py

scheduler: migrate ## Once a minute: scheduled (un)publishing, the content clock, newsletter digests, deleting expired form messages (Ctrl-C stops)
	while true; do $(PY) manage.py publish_scheduled; $(PY) manage.py tick_content_clock; $(PY) manage.py newsletter_tick; $(PY) manage.py delete_expired_submissions; sleep 60; done

PG_CHECK := import psycopg2; psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname="postgres", connect_timeout=3).close()

# Test processes (pytest-xdist); whole modules go to one process, so module fixtures are built
# once, longest modules first (tests/conftest.py). TEST_WORKERS=0 runs everything in this process.
TEST_WORKERS ?= 2
PYTEST_PARALLEL := -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder

test: install ## Run the whole test suite; German search relevance also on PostgreSQL if it answers
	$(PY) -m pytest $(PYTEST_PARALLEL)
	@if $(PY) -c '$(PG_CHECK)' 2>/dev/null; then \
		echo "PostgreSQL answers on 127.0.0.1:5432: search tests with German stemming"; \
		DATABASE_URL=postgres://postgres@127.0.0.1:5432/sp_search_$$$$ $(PY) -m pytest --create-db \
			$(PYTEST_PARALLEL) -p no:cacheprovider tests/test_search.py tests/test_search_relevance.py; \
	else \
		echo "PostgreSQL not reachable on 127.0.0.1:5432: search relevance tests skipped (SQLite)"; \
	fi

guide-screenshots: install ## Make the editor guide's screenshots (partnerships/static/partnerships/guide) anew
	GUIDE_SCREENSHOTS=1 $(PY) -m pytest -p no:randomly tests/browser/test_editor_guide_screenshots.py

test-postgres: install ## Run the suite against the local PostgreSQL (127.0.0.1:5432, user postgres)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/partnerships} $(PY) -m pytest --create-db \
		$(PYTEST_PARALLEL)

outage-test: install ## Stop a throw-away PostgreSQL, then a throw-away Redis, under load: no 500, recovery without restart
	bash .ci/outage.sh
	bash .ci/redis_outage.sh

scale-test: install ## Varnish + two gunicorn instances + PostgreSQL + Redis + S3 (SeaweedFS): publish, renditions, load
	bash .ci/scale.sh

backup: install ## Write backups/strategische-partnerschaften-<UTC time>.tar.gz (database + media)
	$(PY) manage.py backup

restore: install ## Restore ARCHIVE=… into an empty database and media directory
	@test -n "$(ARCHIVE)" || { echo "Aufruf: make restore ARCHIVE=backups/….tar.gz"; exit 2; }
	$(PY) manage.py restore "$(ARCHIVE)"

backup-test: install ## Back up, restore into a fresh database, compare (SQLite)
	$(PY) .ci/backup_roundtrip.py

bench: install ## Benchmark base (BENCH_BASE) against this working tree on a PostgreSQL database with the large data set (~45 min; SKIP_LH=1 without Lighthouse)
	$(PY) bench/run_bench.py

lint: install ## ruff check + format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format and fix with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install ## Django system checks and migration check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run

lock: ## Re-resolve requirements.lock from pyproject.toml in a throw-away venv
	rm -rf /tmp/sp-lock-venv && $(PYTHON) -m venv /tmp/sp-lock-venv
	/tmp/sp-lock-venv/bin/pip install --quiet --upgrade pip
	/tmp/sp-lock-venv/bin/pip install --quiet -e ".[dev]"
	/tmp/sp-lock-venv/bin/pip freeze --exclude-editable > requirements.lock
	rm -rf /tmp/sp-lock-venv

clean: ## Remove the venv, the SQLite database, media and collected static files
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache
