"""One search document per meeting (PostgreSQL only), so that ``?search=`` and ``?q=``
read one GIN index instead of five tables (issue 14).

``kb_meeting.search_document`` is a ``tsvector`` of exactly what the search looked in
before: the meeting's place and topics, its participants' names and other names, its
visible gifts' items and agreements' summaries, and the titles and texts of the articles
its evidence cites. Each of those stays its own string (``to_tsvector`` of a JSON array),
so a "quoted phrase" never runs from one field into the next, as it could not before.

The database keeps the document current itself, whatever writes: the record step, an
editor's edit, a merge, a review, a bulk ``.update()`` (triggers below). Statement-level
triggers refresh each meeting a statement touches once, and updates refresh only when a
searched column changed. The column is not a model field: SQLite has no ``tsvector`` (it
keeps searching with ``icontains``), and rows the ORM loads need not carry a document.
It lives in the meeting's row (not a table beside it) so that a search is one bitmap
scan of the GIN index and of kb_meeting, then the page's sort: joined to a table beside
it, the planner sorted all meetings by date to probe the documents in that order.

With it, an index in the API's order (date newest first, NULLs last, then id): for a
common word the planner reads meetings in that order, checking each one's document,
until the page is full, instead of sorting every match.

The backfill runs in batches, each committed on its own (the migration is not atomic),
after the triggers exist, so that rows written meanwhile are current too; every step can
run again if the migration is interrupted.
"""

from django.db import migrations

BATCH = 5000

# The API's order (api.ordering): not declared on the model, as SQLite's indexes take no
# NULLS LAST.
NEWEST = (
    "CREATE INDEX IF NOT EXISTS kb_meeting_newest "
    "ON kb_meeting (date DESC NULLS LAST, id DESC NULLS LAST)"
)

DOCUMENT = """
CREATE OR REPLACE FUNCTION kb_meeting_search_document(
    m_id bigint, m_place text, m_topics jsonb
) RETURNS tsvector LANGUAGE sql STABLE AS $$
    SELECT to_tsvector('english'::regconfig, COALESCE(jsonb_agg(part), '[]'::jsonb))
    FROM (
        SELECT COALESCE(m_place, '') || ' ' || COALESCE(m_topics::text, '') AS part
        UNION ALL
        SELECT COALESCE(l.name, '') || ' ' || COALESCE(l.other_names::text, '')
        FROM kb_meeting_participants p JOIN kb_leader l ON l.id = p.leader_id
        WHERE p.meeting_id = m_id
        UNION ALL
        SELECT COALESCE(g.item, '') FROM kb_gift g
        WHERE g.meeting_id = m_id AND g.review_state <> 'rejected'
        UNION ALL
        SELECT COALESCE(a.summary, '') FROM kb_agreement a
        WHERE a.meeting_id = m_id AND a.review_state <> 'rejected'
        UNION ALL
        SELECT COALESCE(r.title, '') || ' ' || COALESCE(r.text, '') FROM kb_article r
        WHERE r.id IN (SELECT e.article_id FROM kb_evidence e WHERE e.meeting_id = m_id)
    ) parts
$$;

CREATE OR REPLACE FUNCTION kb_meeting_search_refresh(ids bigint[]) RETURNS void
LANGUAGE sql AS $$
    UPDATE kb_meeting m
    SET search_document = kb_meeting_search_document(m.id, m.place, m.topics)
    WHERE m.id = ANY(ids)
$$;

-- A meeting's own place and topics: set before the row is written (no second write).
CREATE OR REPLACE FUNCTION kb_meeting_search_own() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_document := kb_meeting_search_document(NEW.id, NEW.place, NEW.topics);
    RETURN NEW;
END $$;
"""

# table: (meeting column, columns whose change alters a meeting's document)
RELATED = {
    "kb_meeting_participants": ("meeting_id", ("meeting_id", "leader_id")),
    "kb_gift": ("meeting_id", ("meeting_id", "item", "review_state")),
    "kb_agreement": ("meeting_id", ("meeting_id", "summary", "review_state")),
    "kb_evidence": ("meeting_id", ("meeting_id", "article_id")),
}


def _related_function(table: str, column: str, watched: tuple[str, ...]) -> str:
    old = ", ".join(f"o.{c}" for c in watched)
    new = ", ".join(f"n.{c}" for c in watched)
    changed = f"({old}) IS DISTINCT FROM ({new})"
    return f"""
CREATE OR REPLACE FUNCTION {table}_search_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM kb_meeting_search_refresh(ARRAY(
            SELECT DISTINCT {column} FROM new_rows WHERE {column} IS NOT NULL));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM kb_meeting_search_refresh(ARRAY(
            SELECT DISTINCT {column} FROM old_rows WHERE {column} IS NOT NULL));
    ELSE
        PERFORM kb_meeting_search_refresh(ARRAY(
            SELECT o.{column} FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE {changed} AND o.{column} IS NOT NULL
            UNION
            SELECT n.{column} FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE {changed} AND n.{column} IS NOT NULL));
    END IF;
    RETURN NULL;
END $$;
"""


def _triggers() -> list[str]:
    statements = [
        DOCUMENT,
        "DROP TRIGGER IF EXISTS kb_meeting_search_insert ON kb_meeting",
        "CREATE TRIGGER kb_meeting_search_insert BEFORE INSERT ON kb_meeting "
        "FOR EACH ROW EXECUTE FUNCTION kb_meeting_search_own()",
        # Only when place or topics change (the refresh below writes search_document only).
        "DROP TRIGGER IF EXISTS kb_meeting_search_update ON kb_meeting",
        "CREATE TRIGGER kb_meeting_search_update BEFORE UPDATE OF place, topics ON kb_meeting "
        "FOR EACH ROW WHEN (OLD.place IS DISTINCT FROM NEW.place "
        "OR OLD.topics IS DISTINCT FROM NEW.topics) EXECUTE FUNCTION kb_meeting_search_own()",
        # A leader renamed (or given other names): every meeting they took part in.
        """
CREATE OR REPLACE FUNCTION kb_leader_search_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kb_meeting_search_refresh(ARRAY(
        SELECT meeting_id FROM kb_meeting_participants WHERE leader_id = NEW.id));
    RETURN NULL;
END $$;
""",
        "DROP TRIGGER IF EXISTS kb_leader_search ON kb_leader",
        "CREATE TRIGGER kb_leader_search AFTER UPDATE OF name, other_names ON kb_leader "
        "FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name "
        "OR OLD.other_names IS DISTINCT FROM NEW.other_names) "
        "EXECUTE FUNCTION kb_leader_search_changed()",
        # An article's title or text edited: every meeting its evidence cites it for.
        """
CREATE OR REPLACE FUNCTION kb_article_search_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM kb_meeting_search_refresh(ARRAY(
        SELECT DISTINCT meeting_id FROM kb_evidence
        WHERE article_id = NEW.id AND meeting_id IS NOT NULL));
    RETURN NULL;
END $$;
""",
        "DROP TRIGGER IF EXISTS kb_article_search ON kb_article",
        "CREATE TRIGGER kb_article_search AFTER UPDATE OF title, text ON kb_article "
        "FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title "
        "OR OLD.text IS DISTINCT FROM NEW.text) EXECUTE FUNCTION kb_article_search_changed()",
    ]
    for table, (column, watched) in RELATED.items():
        statements.append(_related_function(table, column, watched))
        for event, tables in (
            ("INSERT", "NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
        ):
            name = f"{table}_search_{event.lower()}"
            statements += [
                f"DROP TRIGGER IF EXISTS {name} ON {table}",
                f"CREATE TRIGGER {name} AFTER {event} ON {table} REFERENCING {tables} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_search_changed()",
            ]
    return statements


def _drops() -> list[str]:
    statements = [
        "DROP TRIGGER IF EXISTS kb_meeting_search_insert ON kb_meeting",
        "DROP TRIGGER IF EXISTS kb_meeting_search_update ON kb_meeting",
        "DROP TRIGGER IF EXISTS kb_leader_search ON kb_leader",
        "DROP TRIGGER IF EXISTS kb_article_search ON kb_article",
    ]
    for table in RELATED:
        statements += [
            f"DROP TRIGGER IF EXISTS {table}_search_{event} ON {table}"
            for event in ("insert", "delete", "update")
        ]
        statements.append(f"DROP FUNCTION IF EXISTS {table}_search_changed()")
    statements += [
        "DROP FUNCTION IF EXISTS kb_leader_search_changed()",
        "DROP FUNCTION IF EXISTS kb_article_search_changed()",
        "DROP FUNCTION IF EXISTS kb_meeting_search_own()",
        "DROP FUNCTION IF EXISTS kb_meeting_search_refresh(bigint[])",
        "DROP INDEX IF EXISTS kb_meeting_search_document_gin",
        "DROP INDEX IF EXISTS kb_meeting_newest",
        "ALTER TABLE kb_meeting DROP COLUMN IF EXISTS search_document",
        "DROP FUNCTION IF EXISTS kb_meeting_search_document(bigint, text, jsonb)",
    ]
    return statements


def _run(schema_editor, statements) -> None:
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE kb_meeting ADD COLUMN IF NOT EXISTS search_document tsvector")
    _run(schema_editor, _triggers())
    backfill(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS kb_meeting_search_document_gin "
            "ON kb_meeting USING gin (search_document)"
        )
        cursor.execute(NEWEST)
        cursor.execute("ANALYZE kb_meeting")


def backfill(connection, batch: int = BATCH) -> int:
    """Write the document of every meeting without one, ``batch`` ids per statement (each
    its own transaction when the connection autocommits, as this migration's does).
    Returns the number of batches."""
    last, batches = 0, 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT max(id) FROM (SELECT id FROM kb_meeting WHERE id > %s "
                "ORDER BY id LIMIT %s) batch",
                [last, batch],
            )
            top = cursor.fetchone()[0]
            if top is None:
                break
            cursor.execute(
                "UPDATE kb_meeting SET search_document = "
                "kb_meeting_search_document(id, place, topics) "
                "WHERE id > %s AND id <= %s AND search_document IS NULL",
                [last, top],
            )
        last, batches = top, batches + 1
    return batches


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _run(schema_editor, _drops())


class Migration(migrations.Migration):
    # Each backfill batch commits on its own: a long table is not locked for the whole run.
    atomic = False

    dependencies = [("kb", "0012_page_order_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
