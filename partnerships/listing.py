from django.core.paginator import Paginator


def requested_page(request):
    """The page number ``?page=`` asks for: not a number or below 1 gives 1."""
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    return max(number, 1)


def shown_page(number, count, per_page):
    """The page actually shown for the requested ``number``: beyond the end the last page."""
    return min(number, Paginator(range(count), per_page).num_pages)


def paginate(request, object_list, per_page, count=None):
    """A page of ``object_list`` for ``?page=``; bad values fall back instead of failing.

    Not a number or below 1 gives the first page, beyond the end the last page. ``count``:
    the number of items if already known (saves the paginator's COUNT query).
    """
    paginator = Paginator(object_list, per_page)
    if count is not None:
        paginator.count = count
    return paginator.page(min(requested_page(request), paginator.num_pages))


def clean_param(raw, max_length):
    """A query-string value made safe to look up: printable characters only (NUL breaks
    PostgreSQL), whitespace folded, length capped."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:max_length]
