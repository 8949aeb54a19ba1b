"""Filters by a record that may have been merged: a merged leader's or meeting's id stands
for the record it was merged into, as its page redirects there.

A merge moves everything to the survivor (a leader's meetings, gifts, agreements, article
mentions and terms; a meeting's evidence, gifts and agreements), so filtering by the
merged id alone would find nothing. One hop is enough: merging a record re-points the
records that had been merged into it.
"""

from __future__ import annotations

from django.db.models import Q


def by_survivor(field: str, model, pk: int) -> Q:
    """``field`` (an id lookup such as ``"giver_id"``, ``"leader_parties"``) is ``pk`` or,
    when ``pk`` was merged into another ``model`` record, that record's id. No query: the
    survivor is a subquery."""
    survivor = model.objects.filter(pk=pk, merged_into__isnull=False).values("merged_into")
    return Q(**{field: pk}) | Q(**{f"{field}__in": survivor})
