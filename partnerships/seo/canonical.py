"""Canonical addresses for answers that are not HTML pages (feeds, the sitemap)."""

import functools


def with_canonical(response, url):
    """``response`` declaring ``url`` as its own address (``Link: <url>; rel="canonical"``), as
    pages do in their ``<link rel="canonical">``: feeds and other non-HTML answers."""
    response.headers["Link"] = f'<{url}>; rel="canonical"'
    return response


def canonical_view(view):
    """A view whose address is its path alone (the sitemap): query strings are other answers."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if not request.GET:
            with_canonical(response, request.build_absolute_uri(request.path))
        return response

    return wrapped
