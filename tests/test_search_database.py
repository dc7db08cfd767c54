"""Search on the database: PostgreSQL sessions without JIT, a time limit for every search."""

import runpy

import pytest
from django.db import connection

from partnerships.settings import base

BASE_SETTINGS = base.__file__


def session_options(monkeypatch, **env):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@db.invalid:5432/sp")
    monkeypatch.delenv("PG_SESSION_OPTIONS", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = runpy.run_path(BASE_SETTINGS)
    return settings["DATABASES"]["default"]["OPTIONS"].get("options")


def test_postgresql_sessions_plan_without_jit_by_default(monkeypatch):
    # JIT compiled the misestimated search query for 4.5 s (the query itself: under 0.1 s).
    assert session_options(monkeypatch) == "-c random_page_cost=1.1 -c jit=off"


def test_session_options_can_be_replaced_or_left_to_the_server(monkeypatch):
    assert session_options(monkeypatch, PG_SESSION_OPTIONS="-c jit=on") == "-c jit=on"
    assert session_options(monkeypatch, PG_SESSION_OPTIONS="") is None


def test_the_running_postgresql_session_has_jit_off(db):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


# --- Time limit -------------------------------------------------------------------------------

URL = "/suche/"
# About 1.5 s on SQLite and PostgreSQL alike.
SLOW_SQL = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) "
    "SELECT count(*) FROM c"
)


@pytest.fixture
def slow_database(monkeypatch, settings):
    """Searches limited to 0.3 s, and each one makes the database work for 1.5 s."""
    from partnerships.search import results as search_results

    settings.SEARCH_TIMEOUT = 0.3
    original = search_results.with_listing_fields

    def slow(pages):
        with connection.cursor() as cursor:
            cursor.execute(SLOW_SQL)
        return original(pages)

    monkeypatch.setattr(search_results, "with_listing_fields", slow)
    return monkeypatch


def test_a_search_that_takes_too_long_is_stopped_with_a_notice(client, site_tree, slow_database):
    from tests.helpers import main, main_text

    response = client.get(URL, {"q": "Maschinenbau"})
    assert response.status_code == 200
    text = main_text(response)
    assert "Die Suche nach „Maschinenbau“ hat zu lange gedauert und wurde abgebrochen." in text
    assert "Keine Ergebnisse" not in text
    assert main(response).find("input", attrs={"name": "q"})["value"] == "Maschinenbau"
    assert response["Cache-Control"] == "no-store"  # not kept by Varnish or a browser

    # The next search gets the whole time again, on the same database connection.
    slow_database.undo()
    response = client.get(URL, {"q": "Maschinenbau"})
    assert "2 Ergebnisse für „Maschinenbau“" in main_text(response)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "0"


# --- PostgreSQL: the search index, one query per first-time search ---------------------------

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL search path"
)


@postgresql_only
@pytest.mark.parametrize(
    "query",
    ["Maschinenbau", "Partnerschaft", "Foerderung", "Logistik Leipzig", '"Strategische Partner"'],
)
def test_first_search_finds_and_ranks_as_the_search_back_end(site_tree, query):
    from django.db import transaction
    from wagtail.models import Page

    from partnerships.models.base import search_filters
    from partnerships.search import query as search_terms
    from partnerships.search import results as search_results

    promoted = list(Page.objects.live().filter(depth=3).values_list("id", flat=True)[:1])
    for promoted_ids in ([], promoted):
        live_pages = search_results.searchable(promoted_ids)
        search_query = search_terms.build_query(query)
        with transaction.atomic():
            per_type, ids = search_results.first_search(live_pages, search_query, "", 1)
            assert ids == [p.pk for p in live_pages().search(search_query)[:10]]
            counts = {"": live_pages().search(search_query).count()}
            for kind, (_label, model) in search_filters().items():
                found = live_pages(model).search(search_query)
                counts[kind] = found.count()
                _, ids = search_results.first_search(live_pages, search_query, kind, 1)
                assert ids == [p.pk for p in found[:10]], (query, kind)
                _, ids = search_results.first_search(live_pages, search_query, kind, 2)
                assert ids == [p.pk for p in found[10:20]], (query, kind)
        assert search_results.type_counts_from(per_type) == counts, query


@postgresql_only
def test_the_match_of_the_search_back_end_can_use_the_title_body_index(site_tree):
    # modelsearch matches ``title || body @@ tsquery``; migration 0011 indexes that expression.
    from django.apps import apps
    from django.db import transaction
    from wagtail.models import Page

    from partnerships.search.query import build_query

    found = Page.objects.live().search(build_query("Maschinenbau")).get_queryset()
    sql, params = found.query.sql_with_params()
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    with transaction.atomic(), connection.cursor() as cursor:
        # Leave the planner only the choice between our index and a (forbidden) scan of the whole
        # table: with other indexes present it may walk one of those in full on a small table,
        # which says nothing about the expression. Rolled back with the transaction.
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(
            "SELECT conname FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype IN ('p', 'u')",
            [table],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}" CASCADE')
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname <> %s",
            [table, "sp_search_indexentry_title_body_gin"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        transaction.set_rollback(True)
    assert "sp_search_indexentry_title_body_gin" in plan
