"""Fewer database queries per request, with the same results as Wagtail's own helpers.

- ``public_q``: Wagtail's ``PageQuerySet.public()`` first loads every view restriction (one
  query per call, several calls per page); this asks the same question inside the page query.
- ``route``: Wagtail routes one level at a time (two queries per level); this finds every page
  along the URL in one query and hands over to Wagtail where a page routes by itself.
- ``ancestors``: the pages above a page from the home page down, shared by the breadcrumbs and
  the JSON-LD of one request (and taken from the routing where it already found them).
"""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from . import snapshot


def public_q():
    """Pages outside every private section: no view restriction on the page or an ancestor.

    With the content snapshot (``partnerships.snapshot``) the restricted sections are known:
    usually none, so the listing query needs no condition at all; otherwise one path prefix
    per restriction. Without it, the restricted page's path is read with a scalar subquery per
    restriction: PostgreSQL cannot turn it into a join over all pages, so a listing scans only
    the (few) restrictions per row instead of the page table (10 s -> ms for 10,000 news
    items).
    """
    paths = snapshot.restricted_paths()
    if paths is not None:
        condition = Q()
        for path in paths:
            condition &= ~Q(path__startswith=path)
        return condition
    restricted_path = Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1])
    restricted = PageViewRestriction.objects.annotate(restricted_path=restricted_path).filter(
        restricted_path=Substr(OuterRef("path"), 1, Length("restricted_path"))
    )
    return ~Q(Exists(restricted))


def view_restrictions(page):
    """``Page.get_view_restrictions`` in at most one query: the restrictions on ``page`` and
    its ancestors, where an alias counts with the restrictions of its source page.

    After ``route`` the pages along the path are known with a flag whether a restriction
    sits on them; if none does and none is an alias, there is nothing to ask the database.
    """
    known = getattr(page, "_route_restricted", None)
    if known is not None and not any(known.values()):
        return PageViewRestriction.objects.none()
    paths = snapshot.restricted_paths()
    if (
        paths is not None
        and page.alias_of_id is None
        and not any(page.path.startswith(path) for path in paths)
    ):
        return PageViewRestriction.objects.none()
    steplen = page.steplen
    paths = [page.path[:i] for i in range(steplen, len(page.path) + 1, steplen)]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
    ).distinct()


def _answers_itself(page_class, path_components):
    """True if ``page_class`` must route ``path_components`` itself instead of handing them
    to the child page named by the first component (as Wagtail's own ``Page.route`` does)."""
    if page_class is None or page_class.route is Page.route:
        return False
    if page_class.route is RoutablePageMixin.route:
        try:
            page_class.get_resolver().resolve("/" + "/".join(path_components) + "/")
        except (Resolver404, Http404):
            return False
    return True


def route(root, request, path_components):
    """Route ``path_components`` below ``root`` like Wagtail's ``Page.route``, with one query
    for the pages along the path (and above ``root``, for the view restrictions) and one for
    the specific page that answers.

    With the content snapshot (``partnerships.snapshot``) the pages along a path are found
    once per content version and process; a request then only reads the page it shows.
    Remembered are the page's id and type and its ancestors, each ancestor object shared by
    all routes below it (a few hundred bytes per route)."""
    shared = snapshot.current()
    routes = shared.get("routes", dict) if shared is not None else None
    key = (root.pk, tuple(path_components))
    found = routes.get(key) if routes is not None else None
    if found is None:
        along = _pages_along(root, path_components)
        if along is None:
            return Page.route(root, request, path_components)
        page, trail, remaining, known = along
        if routes is not None:
            by_pk = shared.get("route-ancestors", dict)
            trail = [by_pk.setdefault(p.pk, p) for p in trail[:-1]]
        else:
            trail = trail[:-1]
        found = (page.pk, page.specific_class, tuple(trail), tuple(remaining), known)
        if routes is not None and len(routes) < MAX_REMEMBERED_ROUTES:
            routes[key] = found
    pk, model, trail, remaining, known = found
    if model is None:
        raise Http404
    specific = model._default_manager.select_related(
        *getattr(model, "route_select_related", ())
    ).get(pk=pk)
    specific._cached_parent_obj = trail[-1]
    specific._route_trail = list(trail)
    if known is not None:
        specific._route_restricted = known
    return specific.route(request, list(remaining))


# Routes remembered per content version and process.
MAX_REMEMBERED_ROUTES = 20_000


def _pages_along(root, path_components):
    """(page, trail, remaining components, restriction flags) for the deepest page along the
    path that routes on, or None where Wagtail's own routing must answer; Http404 if no page."""
    steplen = root.steplen
    url_paths = [
        root.url_path + "/".join(path_components[:i]) + "/"
        for i in range(1, len(path_components) + 1)
    ]
    above = [root.path[:i] for i in range(steplen, len(root.path) + 1, steplen)]
    pages = list(
        Page.objects.filter(
            # The slug condition lets the database use the slug index (url_path has none).
            Q(
                slug__in=set(path_components),
                url_path__in=url_paths,
                path__startswith=root.path,
                depth__gt=root.depth,
            )
            | Q(path__in=above)
        )
        .annotate(
            restricted=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk"))),
        )
        .order_by("depth")
    )
    # Restriction flags along the path; an alias anywhere means: let Wagtail ask.
    flags = {p.path: p.restricted or p.alias_of_id is not None for p in pages}
    chain = [p for p in pages if p.depth > root.depth]
    parent, remaining, trail = root, list(path_components), [root]
    for page in chain:
        if page.depth != parent.depth + 1 or page.slug != remaining[0]:
            break
        if parent is not root and parent.live and _answers_itself(parent.specific_class, remaining):
            break
        page._cached_parent_obj = parent
        trail.append(page)
        parent, remaining = page, remaining[1:]
    if parent is root:
        if not chain:  # no child of ``root`` has the first slug: Wagtail would ask again
            raise Http404
        return None
    known = {path: flag for path, flag in flags.items() if parent.path.startswith(path)}
    if len(known) != parent.depth:  # not every page from the tree root down to this one
        known = None
    return parent, trail, remaining, known


def ancestors(page):
    """The ancestors of ``page`` from depth 2 (the home page) down, oldest first."""
    trail = getattr(page, "_route_trail", None)
    if trail is not None and trail and trail[0].depth == 2:
        return [p for p in trail if p.depth >= 2]
    if not hasattr(page, "_ancestors_from_home"):
        page._ancestors_from_home = list(
            page.get_ancestors().filter(depth__gte=2).only("title", "url_path")
        )
    return page._ancestors_from_home
