"""The newsletter and e-mail alerts with double opt-in (issue 15).

- ``subscriptions``: request, confirm, change, leave; the proof of consent; clean-up.
- ``follow``: which lists can be followed and the pages new to a subscriber (digests).
- ``mail``: the mails themselves (plain text and HTML, one-click unsubscribe headers).
- ``sending``: the worker's loop: batches, rate limit, bounces, resuming after a crash.
- ``tasks``: the job (Django's tasks framework, ``django-tasks`` with its database backend).
- ``views`` and ``admin_views``: the pages for readers and for editors.
"""
