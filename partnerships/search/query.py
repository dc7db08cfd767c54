"""What is searched: the query cleaned and shortened, umlaut variants, and the terms
highlighted in excerpts."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.search.query import And, Or, Phrase, PlainText

from partnerships.listing import clean_param

MAX_QUERY_LENGTH = 200


_PHRASE = re.compile(r'"([^"]*)"')


_WORD = re.compile(r"\w+")


MAX_QUERY_TERMS = 8


_SCANNED = 10_000  # more than a URL can carry through gunicorn (4094 bytes per request line)


_TERM = re.compile(r'"[^"]*"|\S+')  # a phrase in quotes or a word


def clean_query(raw):
    """(the query searched and shown in the search box, a German notice if it was shortened).

    Whitespace is folded and repeated words (in any case) are searched once: all words must
    match anyway. At most MAX_QUERY_TERMS words or quoted phrases and MAX_QUERY_LENGTH
    characters are searched; every further term made a long query slower (up to 12 s for a
    query of repeated short words) without finding anything more specific.
    """
    # Only the start is read (about a millisecond's work); a word cut off there is left out.
    scanned = _TERM.findall(clean_param(raw[:_SCANNED], _SCANNED))
    truncated = len(raw) > _SCANNED
    if truncated and len(scanned) > 1 and not raw[_SCANNED].isspace():
        scanned.pop()
    terms, seen = [], set()
    for term in scanned:
        if term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    too_many = len(terms) > MAX_QUERY_TERMS
    query = " ".join(terms[:MAX_QUERY_TERMS])
    too_long = len(query) > MAX_QUERY_LENGTH
    if len(query) > MAX_QUERY_LENGTH:
        # Cut between terms if possible, else inside the one long word.
        cut = query[: MAX_QUERY_LENGTH + 1].rsplit(" ", 1)[0]
        query = cut if len(cut) <= MAX_QUERY_LENGTH else query[:MAX_QUERY_LENGTH]
    if too_many and too_long:
        notice = f"die ersten {MAX_QUERY_TERMS} Begriffe und {MAX_QUERY_LENGTH} Zeichen"
    elif too_many:
        notice = f"die ersten {MAX_QUERY_TERMS} Begriffe"
    elif too_long:
        notice = f"die ersten {MAX_QUERY_LENGTH} Zeichen"
    elif truncated:
        return query, "Ihre Suche war sehr lang und wurde gekürzt."
    else:
        return query, ""
    return query, f"Ihre Suche wurde auf {notice} gekürzt."


_UMLAUTS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"), ("Ae", "Ä"), ("Oe", "Ö"), ("Ue", "Ü"))


def umlaut_variant(word):
    """``word`` with ae/oe/ue written as umlauts, or None if it has none ("Foerderung")."""
    variant = word
    for plain, umlaut in _UMLAUTS:
        variant = variant.replace(plain, umlaut)
    return variant if variant != word else None


def _words_query(words):
    """All ``words`` must match; a word with ae/oe/ue matches either spelling."""
    parts = []
    for word in words:
        variant = umlaut_variant(word)
        if variant:
            parts.append(Or([PlainText(word), PlainText(variant)]))
        else:
            parts.append(PlainText(word))
    return parts


def build_query(query):
    """Quoted parts become phrases, the rest plain words (all must match).

    Quotes are never handed to the back end as syntax, so an unbalanced quote is harmless.
    Words without letters or digits (only punctuation) are dropped.
    """
    parts = [Phrase(p.strip()) for p in _PHRASE.findall(query) if _WORD.search(p)]
    rest = _PHRASE.sub(" ", query).replace('"', " ").split()
    parts += _words_query([word for word in rest if _WORD.search(word)])
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


_SUFFIXES = ("ern", "en", "er", "es", "em", "e", "n", "s")


def _fold(word):
    word = word.lower()
    for plain, umlaut in _UMLAUTS[:3]:
        word = word.replace(plain, umlaut)
    return word.translate(_FOLD)


def _stem(word):
    """A rough German stem for highlighting: folded, common endings removed."""
    word = _fold(word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def highlight_terms(query):
    """The stems of the words of ``query`` (at least two characters)."""
    return {_stem(w) for w in _WORD.findall(query) if len(w) >= 2}


def highlight(text, terms):
    """``text`` escaped, with words starting with one of the stems ``terms`` in <mark>."""
    if not text:
        return ""
    out, last = [], 0
    for match in _WORD.finditer(text):
        word = match.group()
        folded = _fold(word)
        if any(folded.startswith(term) for term in terms):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(word)}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece is escaped above
