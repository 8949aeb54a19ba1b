"""Full-text search indexes for the meetings search (PostgreSQL only).

GIN indexes on exactly the expressions `kb.selectors.search._postgres_search` searches, so the
planner answers `to_tsvector(...) @@ websearch_to_tsquery(...)` from the index instead
of computing every article's vector per query. They are not declared in the models
(SQLite has no GIN), so on other databases this migration does nothing.
"""

from django.db import migrations

INDEXES = {
    # model name: (index name, fields searched together)
    "article": ("kb_article_search_gin", ("title", "text")),
    "meeting": ("kb_meeting_search_gin", ("place", "topics")),
    "gift": ("kb_gift_search_gin", ("item",)),
    "agreement": ("kb_agreement_search_gin", ("summary",)),
}


def _indexes(apps):
    from django.contrib.postgres.indexes import GinIndex
    from django.contrib.postgres.search import SearchVector
    from django.db.models import TextField
    from django.db.models.functions import Cast

    from kb.selectors.search import SEARCH_CONFIG

    for model_name, (name, fields) in INDEXES.items():
        model = apps.get_model("kb", model_name)
        expressions = [
            Cast(f, output_field=TextField()) if f == "topics" else f for f in fields
        ]
        yield model, GinIndex(SearchVector(*expressions, config=SEARCH_CONFIG), name=name)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.add_index(model, index)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model, index in _indexes(apps):
        schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("kb", "0003_curation_merges")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
