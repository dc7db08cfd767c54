"""A GIN index on ``title || body`` of Wagtail's search index (PostgreSQL only).

The PostgreSQL search back end (modelsearch) matches ``(title || body) @@ tsquery``; its own GIN
indexes are on ``title`` and ``body`` separately, which that expression cannot use, so every
search read and concatenated all 11,000 index entries (about 60 ms per query on the large data
set; 5 ms with this index). SQLite has another back end and gets nothing.
"""

from django.db import migrations

INDEX = "sp_search_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
        )
        # Statistics for the new expression right away, not after the next autovacuum: without
        # them the planner guesses 55 matches for every word.
        schema_editor.execute(f"ANALYZE {table}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0010_contactratehit"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
