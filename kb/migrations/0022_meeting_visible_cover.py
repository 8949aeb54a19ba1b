"""A covering index of the meetings not rejected, by id, with their date and host
(PostgreSQL only; issue 14): a leader's page counts its meetings per year and by host
country from its participations, and reads those from this index (index-only) instead of
from kb_meeting's rows, which are large (about six a page, with the search document).
For the busiest leader at 100,000 meetings (17,000 of them) that read 16,000 pages of
the table, 70-90 ms per figure; with the index, about 500 pages.

Not declared on the model: SQLite has no included columns.
"""

from django.db import migrations

INDEX = (
    "CREATE INDEX IF NOT EXISTS kb_meeting_visible_cover ON kb_meeting (id) "
    "INCLUDE (date, host_country_id) WHERE NOT (review_state = 'rejected')"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(INDEX)
        cursor.execute("ANALYZE kb_meeting")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS kb_meeting_visible_cover")


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0021_meeting_months_and_host_years"),
    ]

    operations = [migrations.RunPython(create, drop)]
