"""Fewer database queries per request, with the same results as Wagtail's own helpers.

- ``public_q``: Wagtail's ``PageQuerySet.public()`` first loads every view restriction (one
  query per call, several calls per page); this asks the same question inside the page query.
- ``route``: Wagtail routes one level at a time (two queries per level); this finds every page
  along the URL in one query and hands over to Wagtail where a page routes by itself.
- ``ancestors``: the pages above a page from the home page down, shared by the breadcrumbs and
  the JSON-LD of one request (and taken from the routing where it already found them).
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction


def public_q():
    """Pages outside every private section: no view restriction on the page or an ancestor.

    The restricted sections are read first (``restricted_paths``, once per content version):
    usually none, so the listing query needs no condition at all; otherwise one path prefix
    per restriction.
    """
    condition = Q()
    for path in restricted_paths():
        condition &= ~Q(path__startswith=path)
    return condition


def restricted_paths():
    """Tree paths of all pages with a view restriction."""
    return tuple(
        PageViewRestriction.objects.order_by("page__path").values_list("page__path", flat=True)
    )


def view_restrictions(page):
    """``Page.get_view_restrictions`` in at most one query: the restrictions on ``page`` and
    its ancestors, where an alias counts with the restrictions of its source page.

    After ``route`` the pages along the path are known with a flag whether a restriction
    sits on them; if none does and none is an alias, there is nothing to ask the database.
    """
    known = getattr(page, "_route_restricted", None)
    if known is not None and not any(known.values()):
        return PageViewRestriction.objects.none()
    paths = restricted_paths()
    if page.alias_of_id is None and not any(page.path.startswith(path) for path in paths):
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

    ``find_route`` is memoized per content version (``partnerships.caching``): a request then
    only reads the page it shows."""
    found = find_route(root, tuple(path_components))
    if found is None:
        return Page.route(root, request, path_components)
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


def find_route(root, path_components):
    """(page id, type, ancestors, remaining components, restriction flags) of the page that
    answers ``path_components`` below ``root``; None where Wagtail's own routing must answer.

    The ancestor objects come from ``shared_page``: one object per page for all routes below it
    where memoized (a few hundred bytes per route)."""
    along = _pages_along(root, list(path_components))
    if along is None:
        return None
    page, trail, remaining, known = along
    trail = tuple(shared_page(p) for p in trail[:-1])
    return (page.pk, page.specific_class, trail, tuple(remaining), known)


def shared_page(page):
    """``page`` itself: memoized by id, so equal ancestors of many routes are one object."""
    return page


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
