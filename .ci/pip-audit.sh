#!/usr/bin/env bash
# pip-audit over the locked dependencies (requirements.lock), against PyPI's vulnerability data.
# Skipped with a clear message only when that data cannot be reached: the probe asks PyPI for a
# release with known advisories (Django 3.2) and expects them back.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

if ! "$PY" - <<'PYEOF'
import json, sys, urllib.request
try:
    with urllib.request.urlopen("https://pypi.org/pypi/django/3.2/json", timeout=10) as resp:
        data = json.load(resp)
except Exception as exc:
    print(f"probe failed: {exc}", file=sys.stderr)
    sys.exit(1)
sys.exit(0 if data.get("vulnerabilities") else 1)
PYEOF
then
  echo "pip-audit ÜBERSPRUNGEN: die Schwachstellen-Datenbank von PyPI ist von hier nicht erreichbar"
  echo "(https://pypi.org/pypi/<paket>/<version>/json liefert keine Advisories)."
  exit 0
fi

# --no-deps: the lock file is complete (pip freeze); --disable-pip: nothing is installed.
.venv/bin/pip-audit --strict --no-deps --disable-pip --progress-spinner off -r requirements.lock
echo "pip-audit: no known vulnerabilities in requirements.lock"
