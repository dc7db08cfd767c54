"""Scheduled pages stay editable.

Wagtail locks a page with an approved, scheduled revision for everyone
(``ScheduledForPublishLock``) until someone with publish permission cancels the schedule. Here
the schedule is shown but does not lock: the approved revision keeps its date; who may
publish replaces it by publishing a corrected revision (the form keeps the date); an editor's
correction goes through the Freigabe and, once approved, takes the scheduled revision's place.
"""

from django.utils import timezone
from django.utils.html import format_html
from wagtail.locks import ScheduledForPublishLock


def german_datetime(value):
    """24.04.2027, 10:00 Uhr (local time)."""
    return timezone.localtime(value).strftime("%d.%m.%Y, %H:%M Uhr")


class ScheduledNotLocked(ScheduledForPublishLock):
    """The schedule as information, not as a lock."""

    def for_user(self, user):
        return False

    def get_message(self, user):
        revision = self.object.scheduled_revision
        intro = format_html(
            "Diese Seite ist zur Veröffentlichung am {} geplant (Fassung „{}“).",
            german_datetime(revision.approved_go_live_at),
            revision.object_str,
        )
        if self.object.permissions_for_user(user).can_publish():
            advice = (
                "Sie können sie weiter bearbeiten: Mit „Veröffentlichen“ ersetzt Ihre Fassung "
                "die geplante, der Termin bleibt."
            )
        else:
            advice = (
                "Die freigegebene Fassung geht zu diesem Termin online. Reichen Sie Ihre "
                "Änderungen zur Freigabe ein: Nach der Freigabe ersetzen sie die geplante "
                "Fassung, der Termin bleibt."
            )
        return format_html("{} {}", intro, advice)

    def get_locked_by(self, user):
        return "Geplant"

    def get_description(self, user):
        return "Zur Veröffentlichung geplant; die Seite bleibt bearbeitbar."


class EditableWhenScheduledMixin:
    """For page models: a scheduled revision does not lock the page."""

    def get_lock(self):
        lock = super().get_lock()
        if isinstance(lock, ScheduledForPublishLock):
            return ScheduledNotLocked(self)
        return lock
