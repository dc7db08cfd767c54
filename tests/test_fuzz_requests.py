"""Hostile requests with Hypothesis: generated paths, query strings and contact form posts never
give a server error and are each answered within 2 s (DEBUG off, as in production).

Each of the five tests sends at least ``MIN_REQUESTS`` requests and checks that itself, so any
one of them can run alone or in any order. The number of examples comes from the Hypothesis
profile (``tests/conftest.py``): the full profile (``.ci/run``; locally
``HYPOTHESIS_PROFILE=full make test``) makes at least 1,000 requests per test, 5,000 in all;
the quick default of ``make test`` fewer.
"""

import time
from collections import Counter
from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

MAX_SECONDS = 2.0
# Examples per test of the loaded profile; Hypothesis may stop a little short of it (an
# example it has seen already is not run again), so ask for 10/13 of it: 1,000 of 1,300.
EXAMPLES = settings().max_examples
MIN_REQUESTS = EXAMPLES * 10 // 13
PARAMETERS = ["q", "page", "branche", "bundesland", "phase", "tag", "year", "jahr"]
PREFIXES = [
    "/",
    "/konzept/",
    "/konzept/grundidee/",
    "/praxisbeispiele/",
    "/praxisbeispiele/ernaehrungscluster-oldenburger-land/",
    "/aktuelles/",
    "/suche/",
    "/impressum/",
    "/kontakt/",
    "/dokumente/",
    "/sitemap.xml",
    "/favicon.ico",
]
HOSTILE = [
    "%00",
    "..",
    "%2e%2e",
    "..%2f..%2fetc%2fpasswd",
    "%C3%28",
    "%FF%FE",
    "%E2%80%AE",
    "%0d%0aSet-Cookie:%20x=1",
    "<script>alert(1)</script>",
    "'\"><img src=x onerror=alert(1)>",
    "%",
    "%%",
    "~",
    ";",
    "//",
    "\\",
]

FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,  # the bound is asserted per request below, not per example
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
)

unicode_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=40
)
segment = st.one_of(
    unicode_text.map(lambda s: quote(s, safe="")),
    st.sampled_from(HOSTILE),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz-0123456789", min_size=200, max_size=1200),
)
paths = st.builds(
    lambda prefix, segments, slash: prefix + "/".join(segments) + ("/" if slash else ""),
    st.sampled_from(PREFIXES),
    st.lists(segment, min_size=0, max_size=4),
    st.booleans(),
)
values = st.one_of(
    unicode_text,
    st.sampled_from(
        [
            "\x00",
            "-1",
            "0",
            "999999999999999999999999",
            "1" * 5000,
            "1e9",
            "NaN",
            "niedersachsen",
            "maschinenbau",
            "umsetzung",
            "\"unbalanced 'quote",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
        ]
    ),
    st.integers().map(str),
)
query_pairs = st.lists(st.tuples(st.sampled_from(PARAMETERS), values), min_size=1, max_size=8)
year_paths = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12).map(str),
    unicode_text.map(lambda s: quote(s, safe="")),
    st.sampled_from(["0", "0000", "2024", "9999", "10000", "%00", "２０２４", "١٢٣٤"]),
).map(lambda year: f"/aktuelles/{year}/")


class Visitor:
    """A test client that counts the status codes of its answers."""

    def __init__(self):
        self.client = Client(raise_request_exception=False)
        self.status_counts = Counter()

    def assert_enough_requests(self):
        total = sum(self.status_counts.values())
        counts = dict(sorted(self.status_counts.items()))
        print(f"\nfuzzed requests: {total}, status counts: {counts}")
        assert total >= MIN_REQUESTS, f"{total} requests, at least {MIN_REQUESTS} expected"
        assert not any(status >= 500 for status in self.status_counts)


@pytest.fixture
def anon(site_tree):
    return Visitor()


def fetch(visitor, url, method="get", **extra):
    send = getattr(visitor.client, method)
    start = time.perf_counter()
    response = send(url, **extra)
    elapsed = time.perf_counter() - start
    visitor.status_counts[response.status_code] += 1
    assert response.status_code < 500, f"{response.status_code} for {url!r}"
    if elapsed >= MAX_SECONDS:
        # One slow answer can be the machine (other jobs on the CI host); the same request
        # slow a second time is the site's fault.
        start = time.perf_counter()
        send(url, **extra)
        elapsed = time.perf_counter() - start
    assert elapsed < MAX_SECONDS, f"{elapsed:.2f} s for {url!r} (twice)"
    return response


def test_generated_paths(anon):
    @FUZZ_SETTINGS
    @given(path=paths)
    def request_path(path):
        fetch(anon, path)

    request_path()
    anon.assert_enough_requests()


def test_generated_query_strings(anon):
    @FUZZ_SETTINGS
    @given(
        prefix=st.sampled_from(["/suche/", "/praxisbeispiele/", "/aktuelles/"]), pairs=query_pairs
    )
    def request_query_string(prefix, pairs):
        fetch(anon, prefix + "?" + urlencode(pairs))

    request_query_string()
    anon.assert_enough_requests()


def test_generated_year_archive(anon):
    @FUZZ_SETTINGS
    @given(path=year_paths, pairs=st.lists(st.tuples(st.just("page"), values), max_size=3))
    def request_year_archive(path, pairs):
        fetch(anon, path + ("?" + urlencode(pairs) if pairs else ""))

    request_year_archive()
    anon.assert_enough_requests()


def test_raw_malformed_query_strings(anon):
    """Query strings that are not valid form encoding at all (stray %, &&, ==, ;)."""

    @FUZZ_SETTINGS
    @given(
        prefix=st.sampled_from(PREFIXES),
        raw_query=st.lists(
            st.sampled_from(
                [*"&=%;+?qpage0123456789abcdefXYZ", "%00", "%ZZ", "%C3", "q=", "page="]
            ),
            max_size=80,
        ).map("".join),
    )
    def request_raw_query(prefix, raw_query):
        fetch(anon, prefix, QUERY_STRING=raw_query)

    request_raw_query()
    anon.assert_enough_requests()


# The contact form's fields (tests.factories.CONTACT_FIELDS), its honeypot and the CSRF field.
CONTACT_FIELDS = [
    "name",
    "e_mail_adresse",
    "organisation_oder_kommune",
    "anliegen",
    "nachricht",
    "kontakt_homepage",
    "csrfmiddlewaretoken",
    "unbekannt",
]
contact_pairs = st.lists(
    st.tuples(st.sampled_from(CONTACT_FIELDS), st.one_of(values, st.sampled_from(HOSTILE))),
    max_size=12,
)


@pytest.fixture
def anon_without_limit(anon, settings):
    """The rate limit lifted (once, not per example), so every post goes through validation;
    the limit itself is tested in tests/test_contact.py."""
    settings.CONTACT_RATE_LIMIT = 10**9
    return anon


def test_generated_contact_form_posts(anon_without_limit):
    """Form posts with any mix of the contact form's fields (repeated, missing, hostile): a
    form with errors or a thank-you page, never a 500."""
    anon = anon_without_limit

    @FUZZ_SETTINGS
    @given(pairs=contact_pairs, content_type=st.sampled_from(["form", "multipart", "raw"]))
    def post_contact_form(pairs, content_type):
        if content_type == "form":
            fetch(
                anon,
                "/kontakt/",
                method="post",
                data=urlencode(pairs),
                content_type="application/x-www-form-urlencoded",
            )
        elif content_type == "multipart":
            data = {}
            for name, value in pairs:
                data.setdefault(name, []).append(value)
            fetch(anon, "/kontakt/", method="post", data=data)
        else:  # not valid form encoding at all
            raw = "&".join(f"{name}={value}" for name, value in pairs)
            fetch(
                anon,
                "/kontakt/",
                method="post",
                data=raw.encode(),
                content_type="application/x-www-form-urlencoded",
            )

    post_contact_form()
    anon.assert_enough_requests()
