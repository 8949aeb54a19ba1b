"""Drop migration 0004's four full-text GIN indexes (PostgreSQL only).

Since migration 0013 the search reads one document per meeting
(``kb_meeting.search_document``, kept by triggers, with its own GIN index); nothing
queries ``to_tsvector`` over articles, meeting places and topics, gifts or agreements
any more, so these indexes were only written: every article saved paid for a
tsvector of its whole text. Reversing the migration builds them again.
"""

from importlib import import_module

from django.db import migrations

_0004 = import_module("kb.migrations.0004_search_indexes")


class Migration(migrations.Migration):
    dependencies = [("kb", "0015_country_pairs_totals")]

    operations = [migrations.RunPython(_0004.drop, _0004.create, elidable=False)]
