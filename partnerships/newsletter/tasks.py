"""The background job that sends the mails, on Django's tasks framework.

``django-tasks`` (the backport of Django 6's ``django.tasks``) with its database backend
(``django-tasks-db``): the queue is a table in the site's own database, so enqueueing is part
of the same transaction as the deliveries, nothing more has to run than ``manage.py
db_worker``, and it works the same on SQLite and PostgreSQL. The job itself carries no data:
it sends whatever is pending (``sending.run``), so a lost or doubled job costs nothing.
"""

import logging

from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)


@task(backend="mail")
def deliver():
    from partnerships.newsletter import sending

    return sending.run().as_dict()


def _enqueue():
    try:
        deliver.enqueue()
    except Exception:  # the queue's table unreachable: the scheduler enqueues again
        logger.exception("Newsletter: Versand-Auftrag nicht eingereiht.")


def kick():
    """Have the worker send what is pending, once the current transaction has committed."""
    transaction.on_commit(_enqueue)


def ensure_queued():
    """Enqueue a job if mails are pending and none is waiting (the scheduler, each minute):
    picks up what a lost job or a mail server outage left."""
    from django_tasks_db.models import DBTaskResult

    from partnerships.newsletter import sending

    if not sending.pending_count():
        return False
    waiting = DBTaskResult.objects.filter(status="READY", task_path=deliver.module_path).exists()
    if not waiting:
        _enqueue()
    return not waiting
