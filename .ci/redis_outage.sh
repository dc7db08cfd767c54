#!/usr/bin/env bash
# Redis outage drill: a throw-away redis-server on a spare loopback port, the site in gunicorn
# with the production settings (page cache on, REDIS_URL to that server), a throw-away
# database on the local PostgreSQL, a bounded load loop. Redis first hangs (SIGSTOP: every
# call runs into the socket timeout), then dies (SIGKILL) and is started again, empty. While
# it is gone every page, search and the contact form (GET and POST, rate limit included) must
# answer as without a cache within 2 s, never 500; afterwards pages are cached again.
# Usage: bash .ci/redis_outage.sh   (make outage-test, .ci/run).
# Env: REDIS_OUTAGE_PORT_FIRST/LAST (18700-18799), REDIS_OUTAGE_PG (postgres://postgres@127.0.0.1:5432).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
PORT_FIRST=${REDIS_OUTAGE_PORT_FIRST:-18700}
PORT_LAST=${REDIS_OUTAGE_PORT_LAST:-18799}
PG=${REDIS_OUTAGE_PG:-postgres://postgres@127.0.0.1:5432}
DBNAME="sp_redis_outage_$$"

REDIS_SERVER=$(command -v redis-server || true)
if [ -z "$REDIS_SERVER" ]; then
  echo "FEHLER: redis-server nicht gefunden. Der Redis-Ausfalltest startet einen eigenen" >&2
  echo "Redis-Server (z. B. apt-get install redis-server) und kann ohne ihn nicht laufen." >&2
  exit 1
fi

pg_sql() {
  "$PY" - "$PG" "$1" <<'PYEOF'
import sys, psycopg2
conn = psycopg2.connect(sys.argv[1] + "/postgres", connect_timeout=3)
conn.autocommit = True
conn.cursor().execute(sys.argv[2])
PYEOF
}
if ! pg_sql "SELECT 1" 2>/dev/null; then
  echo "FEHLER: PostgreSQL antwortet nicht unter $PG (REDIS_OUTAGE_PG setzen)." >&2
  exit 1
fi

WORK=$(mktemp -d /tmp/sp-redis-outage.XXXXXX)
GPID=""
DB_CREATED=0
cleanup() {
  if [ -n "$GPID" ]; then
    kill "$GPID" 2>/dev/null || true
    wait "$GPID" 2>/dev/null || true
  fi
  if [ -f "$WORK/redis.pid" ]; then
    kill -CONT "$(cat "$WORK/redis.pid")" 2>/dev/null || true
    kill -KILL "$(cat "$WORK/redis.pid")" 2>/dev/null || true
  fi
  [ "$DB_CREATED" = 1 ] && pg_sql "DROP DATABASE IF EXISTS \"$DBNAME\" WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mapfile -t PORTS < <("$PY" "$ROOT/bench/ports.py" "$PORT_FIRST" "$PORT_LAST" 2)
[ ${#PORTS[@]} -eq 2 ] || { echo "FEHLER: keine 2 freien Ports in $PORT_FIRST-$PORT_LAST" >&2; exit 1; }
REDIS_PORT=${PORTS[0]} WEBPORT=${PORTS[1]}
# The drill stops and starts the server itself: the same command, the same pid file.
export REDIS_OUTAGE_START="$REDIS_SERVER --port $REDIS_PORT --bind 127.0.0.1 --save '' \
--appendonly no --daemonize yes --pidfile $WORK/redis.pid --logfile $WORK/redis.log --dir $WORK"
export REDIS_OUTAGE_PIDFILE="$WORK/redis.pid"
eval "$REDIS_OUTAGE_START"
echo "Redis $("$REDIS_SERVER" --version | awk '{print $3}') on 127.0.0.1:$REDIS_PORT ($WORK)"

pg_sql "CREATE DATABASE \"$DBNAME\""
DB_CREATED=1
export DJANGO_SETTINGS_MODULE=partnerships.settings.production
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="$PG/$DBNAME"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" CACHE_KEY_PREFIX=sp-redis-outage
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export SECURE_SSL_REDIRECT=0 FULL_PAGE_CACHE=1
# No mail server here: refused at once, logged, the submission stays stored.
export EMAIL_HOST=127.0.0.1 EMAIL_PORT="$("$PY" "$ROOT/bench/ports.py" 18800 18899 1)"
# A small limit, so the drill sees it hold while Redis is gone (see the drill).
export CONTACT_RATE_LIMIT=4
echo "PostgreSQL database $DBNAME ($PG)"
"$PY" manage.py migrate --noinput --verbosity 0
"$PY" manage.py load_initial_content >/dev/null 2>&1
"$PY" manage.py collectstatic --noinput --verbosity 0

"$ROOT/.venv/bin/gunicorn" --config gunicorn.conf.py --bind "127.0.0.1:$WEBPORT" --workers 2 \
  --threads 2 --timeout 20 --max-requests 0 --access-logfile /dev/null > "$WORK/gunicorn.log" 2>&1 &
GPID=$!

if ! "$PY" "$ROOT/.ci/redis_outage_drill.py" "http://127.0.0.1:$WEBPORT" "$WORK/gunicorn.log"; then
  echo "--- gunicorn log (tail) ---"; tail -n 40 "$WORK/gunicorn.log"; exit 1
fi
