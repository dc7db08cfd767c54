#!/usr/bin/env bash
# Database outage drill: a throw-away PostgreSQL cluster on a spare loopback port, the site in
# gunicorn with the production settings, a bounded load loop. PostgreSQL is stopped while the
# loop runs (every answer must be 200 or the German 503 page within 3 s, never a 500 or a hang)
# and started again (the same gunicorn workers must answer 200 again, no restart).
# Usage: bash .ci/outage.sh   (make outage-test). Root runs the cluster as user postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
PORT_FIRST=${OUTAGE_PORT_FIRST:-18600}
PORT_LAST=${OUTAGE_PORT_LAST:-18699}
DBNAME=${OUTAGE_DB:-sp_outage}

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "FEHLER: initdb/pg_ctl nicht gefunden (/usr/lib/postgresql/*/bin)." >&2
  exit 1
fi

free_port() { "$PY" "$ROOT/bench/ports.py" "$1" "$2" 1; }

WORK=$(mktemp -d /tmp/sp-outage.XXXXXX)
chmod 755 "$WORK"
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
GPID=""
cleanup() {
  if [ "${OUTAGE_PAGE_CACHE:-0}" = 1 ]; then
    "$PY" - "$REDIS_URL" "$CACHE_KEY_PREFIX" <<'PYEOF' || true
import redis, sys
client = redis.Redis.from_url(sys.argv[1])
keys = list(client.scan_iter(match=sys.argv[2] + ":*"))
if keys:
    client.delete(*keys)
PYEOF
  fi
  [ -n "$GPID" ] && kill "$GPID" 2>/dev/null && wait "$GPID" 2>/dev/null || true
  as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$WORK/pg" "$WORK/sock"
[ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" "$WORK/sock"
PGPORT=$(free_port "$PORT_FIRST" "$PORT_LAST")
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
PG_OPTS="-c listen_addresses=127.0.0.1 -p $PGPORT -k $WORK/sock -c fsync=off"
pg_start() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -o "$PG_OPTS" -l "$WORK/sock/pg.log" -w start >/dev/null; }
pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null; }
pg_start
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres "$DBNAME"
echo "PostgreSQL $(basename "$(dirname "$PGBIN")") on 127.0.0.1:$PGPORT ($WORK/pg)"

export DJANGO_SETTINGS_MODULE=partnerships.settings.production
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/$DBNAME"
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export SECURE_SSL_REDIRECT=0 DB_CONNECT_TIMEOUT=2
# The page cache needs Redis (OUTAGE_REDIS_URL, default DB 2 on the local server). The keys
# get a prefix of their own and are removed afterwards.
OUTAGE_REDIS_URL=${OUTAGE_REDIS_URL:-redis://127.0.0.1:6379/2}
if "$PY" -c "import redis, sys; redis.Redis.from_url(sys.argv[1], socket_connect_timeout=1).ping()" \
    "$OUTAGE_REDIS_URL" 2>/dev/null; then
  export REDIS_URL="$OUTAGE_REDIS_URL" CACHE_KEY_PREFIX="sp-outage-$$" OUTAGE_PAGE_CACHE=1
  echo "Redis: $REDIS_URL (page cache on, key prefix $CACHE_KEY_PREFIX)"
else
  export OUTAGE_PAGE_CACHE=0
  echo "Redis not reachable at $OUTAGE_REDIS_URL: page cache off, its checks skipped"
fi
"$PY" manage.py migrate --noinput --verbosity 0
"$PY" manage.py load_initial_content >/dev/null 2>&1
"$PY" manage.py collectstatic --noinput --verbosity 0

WEBPORT=$(free_port $((PGPORT + 1)) "$PORT_LAST")
# --max-requests 0: gunicorn.conf.py recycles workers after ~2,000 requests, which would
# look like a restart to the "same workers" check below.
"$ROOT/.venv/bin/gunicorn" --config gunicorn.conf.py --bind "127.0.0.1:$WEBPORT" --workers 2 \
  --threads 2 --timeout 20 --max-requests 0 --access-logfile /dev/null > "$WORK/gunicorn.log" 2>&1 &
GPID=$!

PGCTL=("$PGBIN/pg_ctl" -D "$WORK/pg")
[ "$(id -u)" = 0 ] && PGCTL=(runuser -u postgres -- "${PGCTL[@]}")
export OUTAGE_PG_STOP="${PGCTL[*]} -m fast -w stop"
export OUTAGE_PG_START="${PGCTL[*]} -o '$PG_OPTS' -l $WORK/sock/pg.log -w start"
if ! "$PY" "$ROOT/.ci/outage_drill.py" "http://127.0.0.1:$WEBPORT" "$GPID"; then
  echo "--- gunicorn log (tail) ---"; tail -n 40 "$WORK/gunicorn.log"; exit 1
fi
