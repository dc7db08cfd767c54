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
