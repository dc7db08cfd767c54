#!/usr/bin/env bash
# Production smoke test: production settings, gunicorn on a loopback port, home page and a
# hashed, compressed static file through WhiteNoise, security headers.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
WORK=$(mktemp -d /tmp/sp-smoke.XXXXXX)
PORT=${SMOKE_PORT:-18765}
GPID=""
cleanup() { [ -n "$GPID" ] && kill "$GPID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=partnerships.settings.production
export SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(64))')"
export ALLOWED_HOSTS=127.0.0.1,localhost
export DATABASE_URL="sqlite:///$WORK/smoke.sqlite3"
export STATIC_ROOT="$WORK/static"
export MEDIA_ROOT="$WORK/media"

"$PY" manage.py migrate --noinput --verbosity 0
"$PY" manage.py load_initial_content >/dev/null
"$PY" manage.py collectstatic --noinput --verbosity 0

.venv/bin/gunicorn --config gunicorn.conf.py --bind "127.0.0.1:$PORT" --workers 2 \
  --access-logfile /dev/null > "$WORK/gunicorn.log" 2>&1 &
GPID=$!

"$PY" - "$PORT" "$STATIC_ROOT" <<'PYEOF'
import gzip, json, sys, time, urllib.request
port, static_root = sys.argv[1], sys.argv[2]
base = f"http://127.0.0.1:{port}"
hdrs = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}

def get(path, extra=None):
    req = urllib.request.Request(base + path, headers={**hdrs, **(extra or {})})
    return urllib.request.urlopen(req, timeout=10)

for _ in range(60):
    try:
        get("/").read(); break
    except Exception:
        time.sleep(0.5)
else:
    sys.exit("gunicorn did not answer in 30 s")

home = get("/")
body = home.read().decode()
assert home.status == 200, home.status
assert '<html lang="de"' in body, "home page is not German"
assert "Regionalförderung wird zunehmend" in body, "home page lacks the seed text"
print("home page: 200,", len(body), "bytes")
for name in ("Content-Security-Policy", "Strict-Transport-Security", "X-Content-Type-Options",
             "Referrer-Policy", "Cross-Origin-Opener-Policy", "Permissions-Policy"):
    assert home.headers.get(name), f"home page lacks {name}"
assert "unsafe" not in home.headers["Content-Security-Policy"]
print("security headers:", home.headers["Content-Security-Policy"])

manifest = json.load(open(f"{static_root}/staticfiles.json"))["paths"]
hashed = manifest["css/site.css"]
assert hashed != "css/site.css", "static file name is not hashed"
resp = get("/static/" + hashed, {"Accept-Encoding": "gzip"})
raw = resp.read()
assert resp.headers.get("Content-Encoding") == "gzip", resp.headers
assert "max-age=315360000" in resp.headers.get("Cache-Control", ""), resp.headers.get("Cache-Control")
css = gzip.decompress(raw).decode()
assert len(css) > 100
print(f"static: /static/{hashed} gzip {len(raw)} bytes (of {len(css)}), {resp.headers['Cache-Control']}")
try:
    get("/gibt-es-nicht/")
    sys.exit("unknown URL did not give 404")
except urllib.error.HTTPError as err:
    assert err.code == 404, err.code
    assert "nicht gefunden" in err.read().decode().lower()
    print("unknown URL: 404, German page")
PYEOF
echo "smoke test passed"
