"""Small helpers that keep the content modules readable.

Rich text is stored as HTML; StreamField content as ``(block_type, value)`` tuples. Images
are referred to by their key in ``images.IMAGES`` and resolved by the loader.
"""


def rich(*parts):
    """Rich text HTML: plain strings become paragraphs, strings starting with "<" stay as
    they are (lists, for example)."""
    return "".join(part if part.startswith("<") else f"<p>{part}</p>" for part in parts)


def ul(*items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items):
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def h2(text):
    return ("heading", {"text": text, "level": "h2"})


def h3(text):
    return ("heading", {"text": text, "level": "h3"})


def paragraph(*parts):
    return ("paragraph", rich(*parts))


def info_box(title, *parts):
    return ("info_box", {"title": title, "text": rich(*parts)})


def merksatz(*parts):
    """A key sentence of the concept, as an info box headed „Merksatz“. Our own content has
    no quote blocks: a quotation needs a real, named source, and we have none."""
    return info_box("Merksatz", *parts)


def table(caption, rows, first_col_is_header=False):
    """A table whose first row is the header row."""
    return (
        "table",
        {
            "data": [list(row) for row in rows],
            "first_row_is_table_header": True,
            "first_col_is_header": first_col_is_header,
            "table_caption": caption,
        },
    )


def image(key, caption=""):
    return ("image", {"image": key, "caption": caption})


def legal(section):
    """A section generated from the site settings and the configuration
    (``partnerships.blocks.LegalSectionBlock``)."""
    return ("legal_section", {"section": section})
