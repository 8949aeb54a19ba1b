"""The maintained counts (``kb.models.tallies``), kept equal to what counting the tables
would say: each country's and leader's tallies, each pair of countries' shared meetings,
the home page's totals,
the meetings of each year, month and kind (the timeline), and those each country hosted
(the charts).

Every write that can move a count (a meeting saved, deleted or given other participants;
a leader, gift, agreement or article saved or deleted) adds its change to the rows it
concerns, in the same transaction (``writing``: constant time, whatever the size of the
knowledge base); the signal handlers in ``signals`` say when. Writers that touch many
rows wrap their work in :func:`deferred` and apply every change once at the end; bulk
loaders that bypass signals (``bulk_create``) run inside :func:`suspended` and call
:func:`recount_all` after. ``manage.py recount`` rebuilds everything from the tables and
``manage.py recount --check`` lists what differs.
"""

from kb.counters.counting import (
    COUNTRY_FIELDS,
    LEADER_FIELDS,
    TOTALS,
    count_countries,
    count_host_years,
    count_leaders,
    count_pairs,
    count_totals,
    count_years,
    differences,
    stored,
    stored_host_years,
    stored_totals,
    stored_years,
)
from kb.counters.signals import connect, deferred, suspended
from kb.counters.writing import recount, recount_all

__all__ = [
    "COUNTRY_FIELDS",
    "LEADER_FIELDS",
    "TOTALS",
    "connect",
    "count_countries",
    "count_host_years",
    "count_leaders",
    "count_pairs",
    "count_totals",
    "count_years",
    "deferred",
    "differences",
    "recount",
    "recount_all",
    "stored",
    "stored_host_years",
    "stored_totals",
    "stored_years",
    "suspended",
]
