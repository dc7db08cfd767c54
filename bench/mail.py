"""Benchmark: one newsletter issue to 2,000 confirmed subscribers through a real SMTP server
on loopback (aiosmtpd, in its own process). Prints mails per second and the worker's memory.

    make bench-mail                      # 2,000 subscribers, no rate limit
    BENCH_SUBSCRIBERS=500 NEWSLETTER_RATE=50 .venv/bin/python bench/mail.py

A throw-away SQLite database in a temporary directory; nothing of the site is touched.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERVER = """
import asyncio, sys, time
from aiosmtpd.controller import Controller
class Count:
    n = 0
    async def handle_DATA(self, server, session, envelope):
        Count.n += 1
        return "250 OK"
c = Controller(Count(), hostname="127.0.0.1", port=int(sys.argv[1]))
c.start()
print("ready", flush=True)
sys.stdin.read()
print(Count.n, flush=True)
c.stop()
"""


def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main():
    count = int(os.environ.get("BENCH_SUBSCRIBERS", "2000"))
    workdir = tempfile.mkdtemp(prefix="bench-mail-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerships.settings.dev")
    from tests.smtp_server import free_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(port)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout.readline().strip() == "ready"

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone

    settings.NEWSLETTER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.NEWSLETTER_RATE = float(os.environ.get("NEWSLETTER_RATE", "0"))
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_initial_content", verbosity=0, stdout=quiet)

    from wagtail.models import Page

    from partnerships.models.newsletter import (
        Delivery,
        Dispatch,
        NewsletterIssue,
        Subscriber,
        address_hash,
    )
    from partnerships.newsletter import sending, subscriptions

    now = timezone.now()
    consent = subscriptions.current_consent()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"leser{n}@example.org",
                newsletter=True,
                requested_at=now,
                confirmed_at=now,
                consent=consent,
                request_ip_hash=address_hash("192.0.2.1"),
            )
            for n in range(count)
        ],
        batch_size=500,
    )
    pages = list(Page.objects.live().filter(depth__gt=2).order_by("-first_published_at")[:4])
    issue = NewsletterIssue(subject="Newsletter (Benchmark)", intro="<p>Liebe Leserinnen,</p>")
    issue.items = [("beitrag", page) for page in pages]
    issue.save()
    revision = issue.save_revision()
    dispatch = Dispatch.objects.create(issue=issue, revision=revision, recipients=count)
    Delivery.objects.bulk_create(
        [
            Delivery(kind=Delivery.ISSUE, dispatch=dispatch, subscriber_id=pk)
            for pk in Subscriber.objects.values_list("pk", flat=True)
        ],
        batch_size=500,
    )

    before = rss_mb()
    start = time.perf_counter()
    stats = sending.run()
    seconds = time.perf_counter() - start
    after = rss_mb()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    server.stdin.close()
    received = int(server.stdout.readline())
    server.wait()

    print(f"subscribers          {count}")
    print(f"sent / received      {stats.sent} / {received}")
    print(f"seconds              {seconds:.1f}")
    print(f"mails per second     {stats.sent / seconds:.0f}")
    print(f"NEWSLETTER_RATE      {settings.NEWSLETTER_RATE or 'no limit'}")
    print(f"worker RSS           {before:.0f} MB before, {after:.0f} MB after sending")
    print(f"peak RSS of process  {peak:.0f} MB (includes loading the initial content)")
    if stats.sent != count or received != count:
        sys.exit("not every mail arrived")


if __name__ == "__main__":
    main()
