from django.core.paginator import Paginator


def paginate(request, object_list, per_page, count=None):
    """A page of ``object_list`` for ``?page=``; bad values fall back instead of failing.

    Not a number or below 1 gives the first page, beyond the end the last page. ``count``:
    the number of items if already known (saves the paginator's COUNT query).
    """
    paginator = Paginator(object_list, per_page)
    if count is not None:
        paginator.count = count
    try:
        number = int(request.GET.get("page", 1))
    except (TypeError, ValueError):
        number = 1
    number = min(max(number, 1), paginator.num_pages)
    return paginator.page(number)


def clean_param(raw, max_length):
    """A query-string value made safe to look up: printable characters only (NUL breaks
    PostgreSQL), whitespace folded, length capped."""
    text = "".join(ch if ch.isprintable() else " " for ch in raw)
    return " ".join(text.split())[:max_length]
