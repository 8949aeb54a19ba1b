"""Trigram indexes for the lists' word search (PostgreSQL only; issue 14).

The lists of gifts, agreements and articles search by substring, case aside:
Django's ``icontains``, written ``UPPER("col"::text) LIKE UPPER('%word%')`` on
PostgreSQL, which no B-tree answers. A GIN index of ``pg_trgm`` trigrams on exactly that
expression does (for words of three letters or more). With ``kb.selectors.listing``
looking a word up as the union of what each field finds (the row's own columns, then
the rows whose key is among the matching leaders or meetings), every part reads an
index instead of joining every meeting and leader before filtering.

``pg_trgm`` is a trusted extension (any database owner may create it). The countries
(250 rows) are not indexed. SQLite has neither GIN nor trigrams: there this migration
does nothing. Reversing it drops the indexes, then the extension if nothing else uses it.
"""

from django.db import DatabaseError, migrations, transaction

#: index name: (table, column), each indexed as UPPER(column::text) gin_trgm_ops.
INDEXES = {
    "kb_gift_item_trgm": ("kb_gift", "item"),
    "kb_leader_name_trgm": ("kb_leader", "name"),
    "kb_meeting_place_trgm": ("kb_meeting", "place"),
    "kb_agreement_summary_trgm": ("kb_agreement", "summary"),
    "kb_article_title_trgm": ("kb_article", "title"),
    "kb_article_source_trgm": ("kb_article", "source"),
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')
    # Kept (the drop refused, and undone to its savepoint) when another object, such as
    # an index outside this migration, needs it.
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("DROP EXTENSION IF EXISTS pg_trgm")
    except DatabaseError:
        pass


class Migration(migrations.Migration):
    dependencies = [("kb", "0022_meeting_visible_cover")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
