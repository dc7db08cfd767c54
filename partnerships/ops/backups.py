"""Backup archives: one tar.gz with the database (``pg_dump -Fc`` or a consistent copy of the
SQLite file), every media file and a manifest. Used by ``manage.py backup`` / ``restore``."""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

FORMAT_VERSION = 1
PG_DUMP_NAME = "database.pgdump"
SQLITE_NAME = "database.sqlite3"


def _pg_env(db):
    env = os.environ.copy()
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def _pg_args(db):
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return args


def _run(cmd, env=None):
    try:
        result = subprocess.run(cmd, env=env, capture_output=True, text=True)
    except FileNotFoundError as exc:
        raise CommandError(f"Programm nicht gefunden: {cmd[0]}") from exc
    if result.returncode != 0:
        raise CommandError(f"{cmd[0]} ist fehlgeschlagen:\n{result.stderr.strip()}")


def create_backup(output_dir):
    """Write the archive into ``output_dir``; return its path."""
    db = settings.DATABASES["default"]
    media_root = Path(settings.MEDIA_ROOT)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    archive = output_dir / f"strategische-partnerschaften-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="sp-backup-") as tmp:
        tmp = Path(tmp)
        if connection.vendor == "postgresql":
            db_file = tmp / PG_DUMP_NAME
            _run(
                ["pg_dump", "-Fc", "--no-owner", "--no-privileges", *_pg_args(db)]
                + ["--file", str(db_file), db["NAME"]],
                env=_pg_env(db),
            )
        elif connection.vendor == "sqlite":
            db_file = tmp / SQLITE_NAME
            # The online backup API gives a consistent copy even while the site writes.
            source = sqlite3.connect(str(db["NAME"]))
            target = sqlite3.connect(str(db_file))
            with target:
                source.backup(target)
            source.close()
            target.close()
        else:
            raise CommandError(f"Datenbank {connection.vendor} wird nicht unterstützt.")
        media_files = (
            sorted(str(p.relative_to(media_root)) for p in media_root.rglob("*") if p.is_file())
            if media_root.exists()
            else []
        )
        manifest = {
            "format": FORMAT_VERSION,
            "created": stamp,
            "database": connection.vendor,
            "database_file": db_file.name,
            "media_files": media_files,
        }
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(tmp / "manifest.json", arcname="manifest.json")
            tar.add(db_file, arcname=db_file.name)
            for name in media_files:
                tar.add(media_root / name, arcname=f"media/{name}")
        partial.rename(archive)  # never leave a half-written archive under the final name
    return archive, manifest


def _database_is_empty():
    return not connection.introspection.table_names()


def restore_backup(archive):
    """Restore ``archive`` into the configured, empty database and media directory."""
    archive = Path(archive)
    if not archive.is_file():
        raise CommandError(f"Archiv nicht gefunden: {archive}")
    db = settings.DATABASES["default"]
    media_root = Path(settings.MEDIA_ROOT)
    if not _database_is_empty():
        raise CommandError(
            "Die Zieldatenbank ist nicht leer. Wiederherstellen nur in eine leere Datenbank "
            "(neu anlegen oder DATABASE_URL auf eine leere Datenbank setzen)."
        )
    if media_root.exists() and any(media_root.iterdir()):
        raise CommandError(f"Das Medienverzeichnis {media_root} ist nicht leer.")
    with tempfile.TemporaryDirectory(prefix="sp-restore-") as tmp:
        tmp = Path(tmp)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(tmp, filter="data")  # no absolute paths, no '..', no devices
        manifest = json.loads((tmp / "manifest.json").read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise CommandError("Unbekanntes Archivformat.")
        if manifest["database"] != connection.vendor:
            raise CommandError(
                f"Das Archiv enthält eine {manifest['database']}-Datenbank, konfiguriert ist "
                f"{connection.vendor}."
            )
        db_file = tmp / manifest["database_file"]
        if connection.vendor == "postgresql":
            connection.close()
            _run(
                ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
                + ["--single-transaction", *_pg_args(db), "--dbname", db["NAME"], str(db_file)],
                env=_pg_env(db),
            )
        else:
            connection.close()
            source = sqlite3.connect(str(db_file))
            target = sqlite3.connect(str(db["NAME"]))
            with target:
                source.backup(target)
            source.close()
            target.close()
        media_root.mkdir(parents=True, exist_ok=True)
        extracted = tmp / "media"
        if extracted.exists():
            shutil.copytree(extracted, media_root, dirs_exist_ok=True)
        missing = [n for n in manifest["media_files"] if not (media_root / n).is_file()]
        if missing:
            raise CommandError(f"{len(missing)} Mediendateien fehlen nach dem Entpacken.")
    return manifest
