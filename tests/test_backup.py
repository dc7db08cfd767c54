"""Restoring never overwrites a live site (the full round trip is .ci/backup_roundtrip.py)."""

import pytest
from django.core.management import CommandError, call_command


def test_restore_refuses_a_database_with_content(site_tree, tmp_path):
    archive = tmp_path / "sicherung.tar.gz"
    archive.write_bytes(b"")
    with pytest.raises(CommandError, match="Die Zieldatenbank ist nicht leer"):
        call_command("restore", str(archive))


def test_restore_names_a_missing_archive(db, tmp_path):
    with pytest.raises(CommandError, match="Archiv nicht gefunden"):
        call_command("restore", str(tmp_path / "gibt-es-nicht.tar.gz"))
