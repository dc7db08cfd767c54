"""Small helpers for reading rendered HTML the way a visitor sees it."""

from bs4 import BeautifulSoup


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def normalise(text):
    """Collapse whitespace (including no-break spaces)."""
    return " ".join(text.replace("\u00a0", " ").split())


def text_of(node):
    """Visible text of a node with collapsed whitespace."""
    return normalise(node.get_text(" "))


def main(response):
    doc = soup(response)
    node = doc.find("main")
    assert node is not None, "the page has no <main> element"
    return node


def main_text(response):
    return text_of(main(response))


def hrefs(node):
    return [a.get("href", "") for a in node.find_all("a")]


def links_to(node, urls):
    """The hrefs in ``node`` that are among ``urls``, in document order (duplicates removed)."""
    wanted, seen, result = set(urls), set(), []
    for href in hrefs(node):
        if href in wanted and href not in seen:
            seen.add(href)
            result.append(href)
    return result


def find_nav(response, label):
    """The <nav> with the given accessible name (aria-label)."""
    doc = soup(response)
    nav = doc.find("nav", attrs={"aria-label": label})
    assert nav is not None, f"no <nav aria-label={label!r}>"
    return nav


def html_lang(response):
    html = soup(response).find("html")
    return html.get("lang") if html else None


def strip_tags(html):
    return normalise(BeautifulSoup(html, "html.parser").get_text(" "))


# --- The admin, as an editor's browser talks to it -------------------------------------------


def news_form_data(title="Neue Clusterkonferenz", slug=None, **extra):
    """POST data of the admin's news page form (add or edit)."""
    from django.utils.text import slugify
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = {
        "title": title,
        "slug": slug or slugify(title),
        "date": "2026-11-20",
        "teaser": "Kommunen und Unternehmen treffen sich zur Clusterkonferenz.",
        "body": streamfield([("paragraph", rich_text("<p>Bericht von der Konferenz.</p>"))]),
        "tags": "",
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments": inline_formset([]),
    }
    data.update(extra)
    return nested_form_data(data)


DENIED_MESSAGE = "Sie haben leider keinen Zugang zu diesem Bereich."


def assert_denied(client, response):
    """Wagtail refuses either with 403 or by sending the user to the dashboard with a message."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, response.status_code
    assert response["Location"] == "/admin/", response["Location"]
    messages = client.get("/admin/").content.decode()
    assert DENIED_MESSAGE in messages


def assert_login_required(response):
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
