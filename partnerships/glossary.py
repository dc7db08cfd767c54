"""The Glossar's rules: German alphabetical order, the letter groups of the glossary page, and
the marking of glossary terms in rendered text (template tag ``glossary_tags``).

**Order.** As in a German dictionary (DIN 5007, variant 1): Ä sorts with A, Ö with O, Ü with
U, ß as ss, other accents lose their marks, case is ignored; ties keep the spelling's order.
The key is computed in Python, independent of the server's locale and the database's
collation (SQLite and PostgreSQL alike).

**Marking.** In the rendered HTML of a concept page or case study, the first occurrence of
each term (or one of its word forms) becomes a link to its entry: whole words only, case
counts (German nouns), never inside a link, heading, code or another marked term, at most once
per term and page. The HTML is walked with the standard library's parser; everything but the
text between tags is written back as it came.
"""

import html
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

LETTERS = [chr(code) for code in range(ord("A"), ord("Z") + 1)]
LETTER_ANCHOR_PREFIX = "buchstabe-"
OTHER_GROUP = "0–9"  # terms that begin with a digit or sign

# Accessible name of a marked term: „Cluster (Glossar)“ – the visible word first (WCAG 2.5.3).
HINT = " (Glossar)"


def split_forms(term, word_forms=""):
    """The term and the comma-separated further forms, whitespace collapsed, each once."""
    forms = []
    for form in [term, *(word_forms or "").split(",")]:
        form = " ".join(form.split())
        if form and form not in forms:
            forms.append(form)
    return forms


def _base(text):
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss").replace("ẞ", "SS"))
    return "".join(char for char in text if not unicodedata.combining(char))


def sort_key(text):
    """German dictionary order of ``text``, independent of the locale."""
    return (_base(text).casefold(), text.casefold(), text)


def initial(text):
    """The letter ``text`` is listed under: A–Z (Ä under A …), else ``OTHER_GROUP``."""
    base = _base(text.strip())[:1].upper()
    return base if base in LETTERS else OTHER_GROUP


def sorted_terms(terms):
    return sorted(terms, key=lambda term: sort_key(term.term))


@dataclass
class LetterGroup:
    letter: str
    anchor: str
    terms: list


def letter_groups(terms):
    """One group per letter A–Z (empty ones too, for the letter bar), and one for terms
    beginning with a digit first if there are any; ``terms`` are in order already."""
    by_letter = {}
    for term in terms:
        by_letter.setdefault(initial(term.term), []).append(term)
    groups = [
        LetterGroup(letter, f"{LETTER_ANCHOR_PREFIX}{letter.lower()}", by_letter.get(letter, []))
        for letter in LETTERS
    ]
    if OTHER_GROUP in by_letter:
        others = LetterGroup(OTHER_GROUP, f"{LETTER_ANCHOR_PREFIX}0-9", by_letter[OTHER_GROUP])
        groups.insert(0, others)
    return groups


# --- marking terms in text --------------------------------------------------------------------

# Text inside these elements is never marked.
SKIPPED = frozenset(
    {
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "code",
        "pre",
        "kbd",
        "samp",
        "var",
        "dfn",
        "abbr",
        "button",
        "label",
        "select",
        "option",
        "textarea",
        "title",
        "script",
        "style",
        "template",
        "svg",
        "math",
    }
)
RAW_TEXT = frozenset({"script", "style"})  # their text is not HTML-escaped


@dataclass(frozen=True)
class Entry:
    slug: str
    term: str
    definition: str
    href: str


class Matcher:
    """The compiled pattern of every word form and what each form links to."""

    def __init__(self, entries_with_forms):
        self.by_form = {}
        for entry, forms in entries_with_forms:
            for form in forms:
                self.by_form.setdefault(form, entry)
        forms = sorted(self.by_form, key=len, reverse=True)  # longest first: "Cluster…"
        if forms:
            alternatives = "|".join(
                r"\s+".join(re.escape(word) for word in form.split()) for form in forms
            )
            self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
        else:
            self.pattern = None

    def entry(self, matched):
        return self.by_form.get(" ".join(matched.split()))


def load_matcher(request):
    """The matcher for the site of ``request``: all terms, linked to the live, public
    glossary page of that site; None without one. Memoized per content version
    (``CONTENT_MEMOS``): two queries when the content changed, none otherwise."""
    from partnerships.models.glossary import GlossaryPage, GlossaryTerm
    from partnerships.routing import public_q

    page = GlossaryPage.objects.live().filter(public_q()).order_by("path").first()
    if page is None:
        return None
    url = page.get_url(request)
    if not url:
        return None
    terms = GlossaryTerm.objects.only("term", "slug", "definition", "word_forms")
    return Matcher(
        (Entry(term.slug, term.term, term.definition, f"{url}#{term.slug}"), term.forms)
        for term in terms
    )


def link(entry, text):
    return (
        f'<a class="glossary-term" href="{html.escape(entry.href)}" '
        f'title="{html.escape(entry.definition)}">{html.escape(text, quote=False)}'
        f'<span class="visually-hidden">{HINT}</span></a>'
    )


class _Marker(HTMLParser):
    def __init__(self, matcher):
        super().__init__(convert_charrefs=True)
        self.matcher = matcher
        self.out = []
        self.open = dict.fromkeys(SKIPPED, 0)  # how many of each skipped element are open
        self.used = set()

    def skipping(self):
        return any(self.open.values())

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in self.open:
            self.open[tag] += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if self.open.get(tag):
            self.open[tag] -= 1

    def handle_data(self, data):
        if any(self.open[tag] for tag in RAW_TEXT):
            self.out.append(data)
        elif self.skipping() or self.matcher.pattern is None:
            self.out.append(html.escape(data, quote=False))
        else:
            self.out.append(self.mark(data))

    def mark(self, text):
        parts, position = [], 0
        for match in self.matcher.pattern.finditer(text):
            entry = self.matcher.entry(match.group())
            if entry is None or entry.slug in self.used:
                continue
            self.used.add(entry.slug)
            parts.append(html.escape(text[position : match.start()], quote=False))
            parts.append(link(entry, match.group()))
            position = match.end()
        parts.append(html.escape(text[position:], quote=False))
        return "".join(parts)

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def unknown_decl(self, data):
        self.out.append(f"<![{data}]>")

    def handle_pi(self, data):
        self.out.append(f"<?{data}>")


def mark_terms(markup, matcher):
    """``markup`` (HTML) with the first occurrence of each term linked (see above)."""
    if matcher is None or matcher.pattern is None or not markup:
        return markup
    parser = _Marker(matcher)
    parser.feed(str(markup))
    parser.close()
    return "".join(parser.out)
