"""Backup round trip: build content, `manage.py backup`, `manage.py restore` into a fresh
database and media directory, compare.

    .venv/bin/python .ci/backup_roundtrip.py                 # SQLite
    ROUNDTRIP_PG=postgres://postgres@127.0.0.1:5432 ROUNDTRIP_DB_PREFIX=sp_x \\
        .venv/bin/python .ci/backup_roundtrip.py             # PostgreSQL (two scratch databases)

Compared: rows per model, every live page (status 200 and identical HTML), every image,
rendition and document file (present, same SHA-256), and Page/Collection.find_problems().
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
CSRF_TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def build():
    """Extra content on top of load_initial_content: revisions, renditions, a document, a
    snippet, a redirect, a user in a group and a new group."""
    setup_django()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.files.base import ContentFile
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from casestudies.models import Branche
    from concepts.models import ConceptPage

    page = ConceptPage.objects.live().order_by("path").first()
    for n in range(2):
        page.teaser = f"{page.teaser} (Überarbeitung {n + 1})"
        page.save_revision().publish()
    page.title = page.title + " – Entwurf"
    page.save_revision()  # an unpublished draft on top
    for image in get_image_model().objects.all():
        image.get_rendition("fill-120x80")
    # Every live page once, so that its renditions exist before the backup.
    from django.test import Client

    client = Client()
    for live in Page.objects.live().filter(depth__gt=1):
        client.get(live.url)
    get_document_model().objects.create(
        title="Projektbericht", file=ContentFile(b"%PDF-1.4\n% Bericht\n", name="bericht.pdf")
    )
    Branche.objects.get_or_create(name="Gesundheitswirtschaft", slug="gesundheitswirtschaft")
    Redirect.objects.create(old_path="/alt/konzept", redirect_page=page.get_parent())
    Group.objects.get_or_create(name="Prüfer")
    user = get_user_model().objects.create_user("redakteurin", "r@example.org", "geheim-123456")
    user.groups.add(Group.objects.get(name="Redakteure"))
    assert Page.objects.live().count() > 10


def sha256(storage_file):
    with storage_file.open("rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def snapshot(out):
    setup_django()
    from django.apps import apps
    from django.test import Client
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Page

    # Counted before rendering: a lost rendition must not be silently re-created.
    counts = {m._meta.label: m._default_manager.count() for m in apps.get_models()}
    client = Client()
    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        response = client.get(page.url)
        # The contact form's CSRF token is masked afresh on every response.
        content = CSRF_TOKEN.sub(rb'name="csrfmiddlewaretoken" value=""', response.content)
        pages[page.url] = [response.status_code, hashlib.sha256(content).hexdigest()]
    files = {}
    Rendition = get_image_model().get_rendition_model()
    for label, objects in (
        ("image", get_image_model().objects.all()),
        ("rendition", Rendition.objects.all()),
        ("document", get_document_model().objects.all()),
    ):
        for obj in objects:
            exists = obj.file.storage.exists(obj.file.name)
            files[f"{label}:{obj.file.name}"] = sha256(obj.file) if exists else None
    problems = {
        "Page": [list(map(str, p)) for p in Page.find_problems()],
        "Collection": [list(map(str, p)) for p in Collection.find_problems()],
    }
    Path(out).write_text(
        json.dumps(
            {"counts": counts, "pages": pages, "files": files, "problems": problems},
            indent=1,
            sort_keys=True,
        )
    )


def run(args, env):
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def main():
    pg = os.environ.get("ROUNDTRIP_PG", "").rstrip("/")
    prefix = os.environ.get("ROUNDTRIP_DB_PREFIX", "sp_roundtrip")
    with tempfile.TemporaryDirectory(prefix="sp-roundtrip-") as work:
        work = Path(work)
        if pg:
            import psycopg2

            conn = psycopg2.connect(pg + "/postgres")
            conn.autocommit = True
            for suffix in ("src", "dst"):
                conn.cursor().execute(f'DROP DATABASE IF EXISTS "{prefix}_{suffix}" WITH (FORCE)')
                conn.cursor().execute(f'CREATE DATABASE "{prefix}_{suffix}"')
            urls = {s: f"{pg}/{prefix}_{s}" for s in ("src", "dst")}
        else:
            urls = {s: f"sqlite:///{work}/{s}.sqlite3" for s in ("src", "dst")}
        base_env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}

        def env(side):
            return {
                **base_env,
                "DJANGO_SETTINGS_MODULE": "partnerships.settings.dev",
                "DATABASE_URL": urls[side],
                "MEDIA_ROOT": str(work / f"media-{side}"),
                "BACKUP_DIR": str(work / "archives"),
            }

        try:
            src, dst = env("src"), env("dst")
            run([PY, "manage.py", "migrate", "--noinput", "-v0"], src)
            run([PY, "manage.py", "load_initial_content"], src)
            run([PY, __file__, "build"], src)
            run([PY, __file__, "snapshot", work / "before.json"], src)
            print(run([PY, "manage.py", "backup"], src).strip())
            archive = next((work / "archives").glob("*.tar.gz"))
            print(run([PY, "manage.py", "restore", archive], dst).strip())
            run([PY, __file__, "snapshot", work / "after.json"], dst)
            before = json.loads((work / "before.json").read_text())
            after = json.loads((work / "after.json").read_text())
        finally:
            if pg:
                for suffix in ("src", "dst"):
                    conn.cursor().execute(
                        f'DROP DATABASE IF EXISTS "{prefix}_{suffix}" WITH (FORCE)'
                    )

    failures = []
    diff = {
        k: (v, after["counts"].get(k))
        for k, v in before["counts"].items()
        if after["counts"].get(k) != v
    }
    if diff:
        failures.append(f"row counts differ: {diff}")
    not_ok = [u for u, (status, _) in after["pages"].items() if status != 200]
    if not_ok:
        failures.append(f"pages not 200 after restore: {not_ok}")
    changed = [u for u in before["pages"] if before["pages"][u] != after["pages"].get(u)]
    if changed:
        failures.append(f"page HTML differs: {changed}")
    missing = [f for f, digest in after["files"].items() if digest is None]
    if missing or before["files"] != after["files"]:
        failures.append(f"files missing or different: {missing or 'checksums differ'}")
    for side, snap in (("before", before), ("after", after)):
        if any(any(group) for group in snap["problems"].values()):
            failures.append(f"find_problems() {side}: {snap['problems']}")

    rows = sum(before["counts"].values())
    print(
        f"compared: {len(before['counts'])} models / {rows} rows equal: {not diff}; "
        f"{len(after['pages'])} live pages 200 with identical HTML: {not changed and not not_ok}; "
        f"{len(after['files'])} image/rendition/document files present and identical: "
        f"{not missing and before['files'] == after['files']}; find_problems() empty"
    )
    if failures:
        sys.exit("BACKUP ROUND TRIP FAILED:\n  " + "\n  ".join(failures))
    print("backup round trip passed")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "build":
        build()
    elif len(sys.argv) > 2 and sys.argv[1] == "snapshot":
        snapshot(sys.argv[2])
    else:
        main()
