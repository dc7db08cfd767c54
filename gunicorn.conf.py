"""gunicorn settings for production (values from the environment)."""

import multiprocessing
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from partnerships.ops.logfiles import DailyFileHandler  # noqa: E402

wsgi_app = "partnerships.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# The access log (visitors' IP addresses) as the Datenschutz text states it: one file per day
# in LOG_DIR, deleted after LOG_RETENTION_DAYS (the same variables Django reads for the text,
# partnerships/settings/base.py). Errors go to stderr; they carry no visitor addresses.
LOG_DIR = os.environ.get("LOG_DIR", str(Path(__file__).resolve().parent / "logs"))
LOG_RETENTION_DAYS = int(os.environ.get("LOG_RETENTION_DAYS", "14"))
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "access": {"format": "%(message)s"},
        "error": {"format": "%(asctime)s [%(process)d] [%(levelname)s] %(message)s"},
    },
    "handlers": {
        "access_file": {
            "()": DailyFileHandler,
            "directory": LOG_DIR,
            "prefix": "access",
            "retention_days": LOG_RETENTION_DAYS,
            "formatter": "access",
        },
        "error_console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "error",
        },
    },
    "root": {"level": "INFO", "handlers": ["error_console"]},
    "loggers": {
        "gunicorn.access": {"handlers": ["access_file"], "level": "INFO", "propagate": False},
        "gunicorn.error": {"handlers": ["error_console"], "level": "INFO", "propagate": False},
    },
}
# The proxy in front sets X-Forwarded-Proto; trust it only from these addresses.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
