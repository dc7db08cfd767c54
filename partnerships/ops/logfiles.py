"""The access log as the privacy text describes it: one file per day in ``LOG_DIR``, files
older than ``LOG_RETENTION_DAYS`` deleted. Safe with many gunicorn workers: every process
appends to the same day's file (O_APPEND), and deleting old files is idempotent, so there is
no rotation race between processes (``TimedRotatingFileHandler`` would rename under the
others' feet)."""

import contextlib
import datetime
import logging
import os
import re
from pathlib import Path

_DAY_FILE = re.compile(r"^(?P<prefix>.+)-(?P<day>\d{4}-\d{2}-\d{2})\.log$")


class DailyFileHandler(logging.Handler):
    def __init__(self, directory, prefix="access", retention_days=14, today=None):
        super().__init__()
        self.directory = Path(directory)
        self.prefix = prefix
        self.retention_days = int(retention_days)
        self._today = today or datetime.date.today
        self._day = None
        self._stream = None

    def _open(self, day):
        if self._stream is not None:
            self._stream.close()
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{self.prefix}-{day.isoformat()}.log"
        self._stream = open(path, "a", encoding="utf-8")  # noqa: SIM115 (kept open)
        self._day = day
        delete_expired(self.directory, self.prefix, self.retention_days, day)

    def emit(self, record):
        try:
            day = self._today()
            if day != self._day:
                self._open(day)
            self._stream.write(self.format(record) + "\n")
            self._stream.flush()
        except Exception:  # noqa: BLE001 (logging must never take the request down)
            self.handleError(record)

    def close(self):
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        super().close()


def delete_expired(directory, prefix, retention_days, today):
    """Delete the day files of ``prefix`` older than ``retention_days`` before ``today``."""
    oldest_kept = today - datetime.timedelta(days=retention_days - 1)
    for entry in os.scandir(directory):
        match = _DAY_FILE.match(entry.name)
        if not match or match["prefix"] != prefix:
            continue
        try:
            day = datetime.date.fromisoformat(match["day"])
        except ValueError:
            continue
        if day < oldest_kept:
            with contextlib.suppress(FileNotFoundError):  # another worker was quicker
                os.remove(entry.path)
