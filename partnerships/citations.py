"""„Zitiervorschlag“: how to cite a page, as German text, BibTeX and RIS.

A page type becomes citable by inheriting ``CitablePageMixin`` (``citable = True``): its
context gets ``citation`` (shown by ``templates/includes/citation.html``), it answers
``zitat/bibtex/`` and ``zitat/ris/`` with the downloads, and its JSON-LD names author,
publisher and licence (``partnerships.seo.jsonld``). The core names no page type.

The access date („abgerufen am“) is today in the site's time zone (Europe/Berlin). Pages and
downloads are cached whole, so ``next_change`` (in ``CONTENT_CLOCK``) names the next local
midnight: the content version is renewed then, and no cache keeps a citation past its day.
Details: docs/architecture.md.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from partnerships.models.base import page_types
from partnerships.models.settings import SiteSettings
from partnerships.seo.canonical import with_canonical

BIBTEX_CONTENT_TYPE = "application/x-bibtex; charset=utf-8"
RIS_CONTENT_TYPE = "application/x-research-info-systems; charset=utf-8"


def local_now(now=None):
    """``now`` (default: the current time) in the site's time zone."""
    return timezone.localtime(now or timezone.now(), timezone.get_default_timezone())


def next_change(now):
    """The next local midnight after ``now`` if any page type is citable, else None: the
    access date of every citation changes then (a function of ``CONTENT_CLOCK``)."""
    if not any(getattr(model, "citable", False) for model in page_types()):
        return None
    tomorrow = local_now(now).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(), timezone.get_default_timezone())


def _one_line(value):
    return " ".join(str(value).split())


@dataclass(frozen=True)
class Citation:
    author: str
    year: int
    title: str
    container: str  # the website: „Strategische Partnerschaften“
    publisher: str
    url: str
    accessed: datetime.date
    slug: str
    licence_name: str = ""
    licence_url: str = ""

    @classmethod
    def for_page(cls, page, request):
        """The citation of ``page`` as read now.

        The year is the year ``page`` was first published (in the site's time zone): a page
        keeps its year when it is corrected later, so citations made in different years name
        the same work; URL and access date say which state the citing author read. A page
        never published (a preview) takes the current year.
        """
        site_settings = SiteSettings.for_request(request)
        today = local_now().date()
        first = page.first_published_at
        return cls(
            author=_one_line(site_settings.citation_author),
            year=local_now(first).year if first else today.year,
            title=_one_line(page.title),
            container=settings.WAGTAIL_SITE_NAME,
            publisher=_one_line(site_settings.organisation),
            url=iri_to_uri(page.get_full_url(request)),
            accessed=today,
            slug=page.slug,
            licence_name=_one_line(site_settings.content_licence_name),
            licence_url=site_settings.content_licence_url,
        )

    @property
    def accessed_de(self):
        return f"{self.accessed:%d.%m.%Y}"

    @property
    def text(self):
        """„Rambøll Management (2025): Titel. In: Strategische Partnerschaften. URL, abgerufen
        am 03.02.2026.“"""
        return (
            f"{self.author} ({self.year}): {self.title}. In: {self.container}. {self.url}, "
            f"abgerufen am {self.accessed_de}."
        )

    @property
    def filename_stem(self):
        return re.sub(r"[^A-Za-z0-9_-]", "", self.slug) or "zitat"

    @property
    def key(self):
        """A BibTeX key of ASCII letters, digits and hyphens: ``ramboll-2025-grundidee``."""
        first_word = (self.author.split() or [""])[0].lower().translate(_KEY_LETTERS)
        author = re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", first_word))
        return "-".join(part for part in (author or "quelle", str(self.year), self.slug) if part)

    def bibtex(self):
        """A biblatex/BibTeX ``@misc`` entry, UTF-8: the author in double braces (an
        organisation, not „Management, Rambøll“), ``howpublished`` names the website for plain
        BibTeX, ``url``/``urldate`` for biblatex and reference managers."""
        key = re.sub(r"[^A-Za-z0-9-]", "", self.key)
        fields = [
            ("author", "{" + bibtex_escape(self.author) + "}"),
            ("title", bibtex_escape(self.title)),
            ("year", str(self.year)),
            ("howpublished", bibtex_escape(self.container)),
            ("publisher", bibtex_escape(self.publisher)),
            ("url", bibtex_url(self.url)),
            ("urldate", self.accessed.isoformat()),
            ("language", "german"),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        return f"@misc{{{key},\n{body}\n}}\n"

    def ris(self):
        """An RIS record (``TY  - ELEC`` … ``ER  - ``), lines ending in CR LF as the format
        asks; ``Y2`` is the access date (YYYY/MM/DD)."""
        lines = [
            ("TY", "ELEC"),
            ("AU", self.author),
            ("TI", self.title),
            ("T2", self.container),
            ("PY", str(self.year)),
            ("PB", self.publisher),
            ("UR", self.url),
            ("Y2", f"{self.accessed:%Y/%m/%d}"),
            ("LA", "de"),
            ("ER", ""),
        ]
        return "".join(f"{tag}  - {_one_line(value)}\r\n" for tag, value in lines)


_KEY_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue"})

_BIBTEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}


def bibtex_escape(value):
    """``value`` for a braced BibTeX field: TeX's special characters escaped, letters such as
    umlauts kept as UTF-8. BibTeX counts braces even after a backslash, so a brace of the text
    becomes ``\textbraceleft{}``/``\textbraceright{}``: the field's braces stay balanced."""
    return "".join(_BIBTEX_SPECIALS.get(char, char) for char in _one_line(value))


def bibtex_url(url):
    """A URL for the verbatim ``url`` field: only braces, backslashes and spaces would break
    the entry; they are percent-encoded."""
    return re.sub(r"[{}\\\s]", _percent, url)


def _percent(match):
    return "".join(f"%{byte:02X}" for byte in match.group().encode())


class CitablePageMixin(RoutablePageMixin):
    """A page with „Zitiervorschlag“ and its downloads (``zitat/bibtex/``, ``zitat/ris/``).

    Put it before ``BasePage`` in the bases; the template includes
    ``includes/citation.html``."""

    citable = True

    def citation(self, request):
        return Citation.for_page(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        citation = self.citation(request)
        url = self.get_url(request) or ""
        context["citation"] = citation
        context["citation_bibtex_url"] = url + self.reverse_subpage("citation_bibtex")
        context["citation_ris_url"] = url + self.reverse_subpage("citation_ris")
        return context

    def _citation_download(self, request, route, content, content_type, extension):
        citation = self.citation(request)
        reply = HttpResponse(content(citation).encode(), content_type=content_type)
        reply["Content-Disposition"] = (
            f'attachment; filename="{citation.filename_stem}.{extension}"'
        )
        return with_canonical(reply, self.get_full_url(request) + self.reverse_subpage(route))

    @path("zitat/bibtex/", name="citation_bibtex")
    def citation_bibtex(self, request):
        """The citation as a BibTeX file ``<slug>.bib``."""
        return self._citation_download(
            request, "citation_bibtex", Citation.bibtex, BIBTEX_CONTENT_TYPE, "bib"
        )

    @path("zitat/ris/", name="citation_ris")
    def citation_ris(self, request):
        """The citation as an RIS file ``<slug>.ris`` (Citavi, Zotero, EndNote)."""
        return self._citation_download(
            request, "citation_ris", Citation.ris, RIS_CONTENT_TYPE, "ris"
        )
