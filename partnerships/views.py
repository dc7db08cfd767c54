from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from wagtail.models import Page

from .utils import paginate

SEARCH_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    # Control characters (NUL breaks PostgreSQL) go; whitespace is folded; length is capped.
    raw = "".join(ch if ch.isprintable() else " " for ch in request.GET.get("q", ""))
    query = " ".join(raw.split())[:MAX_QUERY_LENGTH]
    results_page = None
    if query:
        results = Page.objects.live().public().exclude(depth__lte=1).specific().search(query)
        results_page = paginate(request, results, SEARCH_PER_PAGE)
    return render(request, "partnerships/search.html", {"query": query, "results": results_page})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database access: the database may be the reason we are here.
    return HttpResponseServerError(loader.get_template("500.html").render())


def favicon(request):
    """Browsers ask for /favicon.ico regardless of the <link>; send them to the hashed SVG."""
    return redirect(static("img/favicon.svg"), permanent=True)
