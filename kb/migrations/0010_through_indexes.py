"""Index-only lookups of a leader's (or country's) meetings and agreements.

Matching a new meeting or agreement starts from one participant's rows in the m2m
tables (``kb.services.meeting_find``, ``agreement_find``). Django indexes those tables
on each column alone; with (person, fact) together the database reads the index only
and can merge two people's lists, instead of fetching every row of a busy leader."""

from django.db import migrations

INDEXES = (
    ("kb_meeting_participants_by_leader", "kb_meeting_participants", "leader_id, meeting_id"),
    (
        "kb_agreement_leader_parties_by_leader",
        "kb_agreement_leader_parties",
        "leader_id, agreement_id",
    ),
    (
        "kb_agreement_country_parties_by_country",
        "kb_agreement_country_parties",
        "country_id, agreement_id",
    ),
)


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0009_save_lookup_keys"),
    ]

    operations = [
        migrations.RunSQL(f"CREATE INDEX {name} ON {table} ({columns})", f"DROP INDEX {name}")
        for name, table, columns in INDEXES
    ]
