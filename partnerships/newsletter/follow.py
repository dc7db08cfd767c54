"""Which lists a reader can follow, and the pages new to a subscriber since the last digest.

A list can be followed when its page type names ``follow_label`` (``IndexPage``); its
``follow_pages`` runs the list's own query, so an alert finds exactly what the list with the
same filter shows. Digests group the new pages by alert, each page once.
"""

import datetime
from urllib.parse import urlencode

from django.utils import timezone
from wagtail.models import Page

from partnerships.models.base import IndexPage, page_types
from partnerships.routing import public_q

# A digest looks back at most this far (a weekly digest's week, and a day's grace).
LOOKBACK = datetime.timedelta(days=8)


def followable_types():
    return [m for m in page_types() if issubclass(m, IndexPage) and m.follow_label]


def followable_lists():
    """The live, public lists that can be followed, in the order of the page tree."""
    types = followable_types()
    if not types:
        return []
    pages = (
        Page.objects.live().filter(public_q()).type(*types).order_by("path").specific(defer=True)
    )
    return list(pages)


def filter_key(filters):
    """The normalised, comparable form of a valid filter: its query string."""
    return urlencode(sorted(filters.items()))


class NewPages:
    """The pages each alert finds that were first published in a window, computed once per
    distinct (list, filter) for a whole digest run."""

    def __init__(self, until):
        self.until = until
        self.earliest = until - LOOKBACK
        self._lists = {}
        self._found = {}

    def _index(self, page_id):
        if page_id not in self._lists:
            page = Page.objects.filter(pk=page_id).live().filter(public_q()).first()
            self._lists[page_id] = page.specific if page is not None else None
        return self._lists[page_id]

    def _published(self, alert):
        key = (alert.index_page_id, alert.filter_key)
        if key not in self._found:
            index = self._index(alert.index_page_id)
            if index is None or not getattr(index, "follow_label", None):
                self._found[key] = (None, [])
            else:
                pages = index.follow_pages(alert.filters).filter(
                    first_published_at__gt=self.earliest, first_published_at__lte=self.until
                )
                rows = list(
                    pages.order_by("first_published_at", "pk").values_list(
                        "pk", "first_published_at"
                    )
                )
                self._found[key] = (index.follow_describe(alert.filters), rows)
        return self._found[key]

    def groups(self, alerts, since):
        """[[label, [page ids]]] of the pages new since ``since``, each page once."""
        since = max(since, self.earliest)
        seen, groups = set(), []
        for alert in alerts:
            label, rows = self._published(alert)
            ids = [pk for pk, published in rows if published > since and pk not in seen]
            if label and ids:
                seen.update(ids)
                groups.append([label, ids])
        return groups


def period(frequency, moment):
    """The digest period ``moment`` falls in: a local day or an ISO week."""
    local = timezone.localtime(moment)
    if frequency == "taeglich":
        return f"T{local:%Y-%m-%d}"
    year, week, _ = local.isocalendar()
    return f"W{year}-{week:02d}"
