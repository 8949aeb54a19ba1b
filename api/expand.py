"""``?expand=``: related records in full, where a representation otherwise has summaries.

- On meetings, ``participants``, ``gifts`` and ``agreements`` replace their summaries with
  the records as their own endpoints give them (a gift with its giver, recipient, review
  state and evidence). Evidence always comes in full, so it has nothing to expand.
- On leaders, ``meetings``, ``gifts`` (given or received) and ``agreements`` (as a party)
  add keys a leader otherwise does not have.

Rejected facts are left out, as in lists; newest first. Names go comma-separated
(``expand=gifts,agreements``) or repeated; an unknown name is 400. Each expansion loads
its records for a whole page in a fixed number of queries (the ``api.loaders`` way), so a
page costs the same whatever its size. The schema shows an expandable field as either
form (``anyOf``), and an added key as optional (``api.schema``).

Bounded, so that one request cannot ask for the whole database in full (a page of 200
leaders with everything they took part in was 16 MB): with ``expand`` a page holds at most
``MAX_PAGE_SIZE`` rows (a larger ``page_size`` is cut to it, as DRF cuts any page size to
its maximum), and each expansion gives at most ``MAX_PER_ROW`` records per row in
full (chosen in the database, never loaded and dropped). On a meeting the records past
that stay summaries, so nothing is lost; on a leader the added keys hold the newest, and
the records' own lists, filtered by the leader, give the rest.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from rest_framework.exceptions import ValidationError
from rest_framework.serializers import BaseSerializer

from api import loaders
from api.serializers.facts import AgreementSerializer, GiftSerializer, MeetingSerializer
from api.serializers.leaders import LeaderSerializer, attach_offices
from kb.changes import AGREEMENTS, GIFTS, MEETINGS, cached
from kb.models import Agreement, Gift, Meeting, ReviewState

PARAMETER = "expand"
#: Rows on a page when expanding; a larger ``page_size`` gives this many (without
#: ``expand``: ``api.pagination.MAX_PAGE_SIZE``).
MAX_PAGE_SIZE = 50
#: Records each expansion gives in full per row.
MAX_PER_ROW = 10

Loaded = dict[int, list[dict]]


@dataclass(frozen=True)
class Expansion:
    #: How each expanded record is represented (its own endpoint's serializer).
    full: type[BaseSerializer]
    #: The owners (a page) -> {owner id: full representations}.
    load: Callable[[list], Loaded]


def _newest_first(queryset):
    return queryset.visible().order_by(F("date").desc(nulls_last=True), "-id")


def _newest(prefix: str = "") -> list:
    return [F(f"{prefix}date").desc(nulls_last=True), F(f"{prefix}id").desc()]


def _first_per_row(queryset, *, row: str, order: list):
    """The first ``MAX_PER_ROW`` of ``queryset`` for each value of ``row``, in ``order``:
    one query (a window function), whatever each row has."""
    rank = Window(RowNumber(), partition_by=F(row), order_by=order)
    return queryset.annotate(rank_in_row=rank).filter(rank_in_row__lte=MAX_PER_ROW)


def _represented(objects, loader, serializer_class) -> dict[int, dict]:
    """{id: full representation} for fact records, their nested data loaded in bulk."""
    objects = list(objects)
    loader(objects)
    represent = serializer_class().to_representation
    return {obj.pk: represent(obj) for obj in objects}


def _grouped(pairs, records: dict[int, dict]) -> Loaded:
    """{owner: [record, ...]} from (owner, record id) pairs, in the records' order."""
    owners = defaultdict(set)
    for owner, record in pairs:
        owners[record].add(owner)
    out: Loaded = defaultdict(list)
    for record_id, record in records.items():
        for owner in sorted(owners[record_id]):
            out[owner].append(record)
    return out


# ---- meetings ------------------------------------------------------------------------------


def _meeting_participants(meetings) -> Loaded:
    by_name = [F("leader__name").asc(), F("leader_id").asc()]
    rows = _first_per_row(
        Meeting.participants.through.objects.filter(meeting_id__in=[m.pk for m in meetings]),
        row="meeting_id",
        order=by_name,
    )
    rows = rows.select_related("leader__country").order_by(*by_name)
    represent = LeaderSerializer().to_representation
    rows = list(rows)
    attach_offices([row.leader for row in rows])
    out: Loaded = defaultdict(list)
    for row in rows:
        out[row.meeting_id].append(represent(row.leader))
    return out


def _of_meetings(queryset, loader, serializer_class):
    """A loader of the visible facts held at meetings, the newest ``MAX_PER_ROW`` of each."""

    def load(meetings) -> Loaded:
        mine = queryset().filter(meeting_id__in=[m.pk for m in meetings])
        found = list(_newest_first(_first_per_row(mine, row="meeting_id", order=_newest())))
        records = _represented(found, loader, serializer_class)
        return _grouped(((fact.meeting_id, fact.pk) for fact in found), records)

    return load


_meeting_gifts = _of_meetings(loaders.gifts, loaders.load_gifts, GiftSerializer)
_meeting_agreements = _of_meetings(loaders.agreements, loaders.load_agreements, AgreementSerializer)


# ---- leaders -------------------------------------------------------------------------------


def _taking_part(through, fact: str, queryset, loader, serializer_class):
    """A loader of the visible facts leaders take part in through a many-to-many table."""

    def load(leaders) -> Loaded:
        # Visible (not rejected) through the join the order needs anyway: an ``IN
        # (visible ...)`` subquery read the facts' table a second time (EXPLAIN at 100k
        # meetings: two scans of 100,000 meetings, now one).
        taking_part = through.objects.filter(leader_id__in=[x.pk for x in leaders]).exclude(
            **{f"{fact}__review_state": ReviewState.REJECTED}
        )
        newest = _first_per_row(taking_part, row="leader_id", order=_newest(f"{fact}__"))
        # Which records are each leader's newest ranks all they took part in (every
        # meeting of a busy head of government), so the choice, a few hundred id pairs,
        # is kept until the next write (kb.changes); the records are loaded fresh.
        pairs = cached(
            f"expand-{fact}",
            {"leaders": sorted(x.pk for x in leaders)},
            lambda: list(newest.values_list("leader_id", f"{fact}_id")),
            areas=(MEETINGS if fact == "meeting" else AGREEMENTS,),
        )
        found = _newest_first(queryset().filter(pk__in={pk for _, pk in pairs}))
        return _grouped(pairs, _represented(found, loader, serializer_class))

    return load


_leader_meetings = _taking_part(
    Meeting.participants.through, "meeting", loaders.meetings, loaders.load_meetings,
    MeetingSerializer,
)  # fmt: skip
_leader_agreements = _taking_part(
    Agreement.leader_parties.through, "agreement", loaders.agreements, loaders.load_agreements,
    AgreementSerializer,
)  # fmt: skip


def _leader_gifts(leaders) -> Loaded:
    """Gifts given or received: the newest of each side, then the newest of both."""
    ids = [x.pk for x in leaders]
    visible = Gift.objects.visible()
    given, received = (
        _first_per_row(visible.filter(**{f"{side}__in": ids}), row=side, order=_newest())
        .order_by()
        .values_list(side, "pk")
        for side in ("giver_id", "recipient_id")
    )
    pairs = cached(
        "expand-gifts",
        {"leaders": sorted(ids)},
        lambda: list(given.union(received, all=True)),
        areas=(GIFTS,),
    )
    found = list(_newest_first(loaders.gifts().filter(pk__in={pk for _, pk in pairs})))
    records = _represented(found, loaders.load_gifts, GiftSerializer)
    return {owner: given[:MAX_PER_ROW] for owner, given in _grouped(pairs, records).items()}


MEETING = {
    "participants": Expansion(LeaderSerializer, _meeting_participants),
    "gifts": Expansion(GiftSerializer, _meeting_gifts),
    "agreements": Expansion(AgreementSerializer, _meeting_agreements),
}
LEADER = {
    "meetings": Expansion(MeetingSerializer, _leader_meetings),
    "gifts": Expansion(GiftSerializer, _leader_gifts),
    "agreements": Expansion(AgreementSerializer, _leader_agreements),
}

#: The serializer each set of expansions belongs to (for the schema). A name that is one
#: of its declared fields replaces that field's summaries; any other is an added key.
BY_SERIALIZER = {MeetingSerializer: MEETING, LeaderSerializer: LEADER}


# ---- the query parameter -------------------------------------------------------------------


def requested(query_params, expandable: dict[str, Expansion]) -> tuple[str, ...]:
    """The expansions asked for, in the order given; 400 for a name not offered."""
    names = []
    for value in query_params.getlist(PARAMETER):
        names.extend(name.strip() for name in value.split(",") if name.strip())
    unknown = [name for name in names if name not in expandable]
    if unknown:
        offered = ", ".join(expandable) or "nothing"
        raise ValidationError({PARAMETER: [f"Cannot expand {unknown[0]!r}; use {offered}."]})
    return tuple(dict.fromkeys(names))


def apply(objects, expandable: dict[str, Expansion], names: tuple[str, ...]) -> None:
    """Hang each expansion's full representations on the objects (``api_<name>``), where
    the serializers read them instead of the summaries. Where the objects already carry
    summaries of that name (``api.loaders``), those the expansion did not give in full
    stay, in their order."""
    objects = list(objects)
    if not objects:
        return
    for name in names:
        found = expandable[name].load(objects)
        for obj in objects:
            full = found.get(obj.pk, [])
            summaries = getattr(obj, f"api_{name}", None)
            if summaries is not None:
                by_id = {record["id"]: record for record in full}
                full = [by_id.get(summary["id"], summary) for summary in summaries]
            setattr(obj, f"api_{name}", full)


def schema_parameter(expandable: dict[str, Expansion]) -> dict:
    """The ``expand`` query parameter, as drf-spectacular's ``OpenApiParameter`` takes it."""
    return {
        "name": PARAMETER,
        "type": {"type": "array", "items": {"type": "string", "enum": list(expandable)}},
        "style": "form",
        "explode": False,
        "description": (
            "Related records in full, comma-separated: "
            + ", ".join(f"`{name}`" for name in expandable)
            + ". Each is given as its own endpoint gives it, rejected ones left out: at "
            f"most {MAX_PER_ROW} per row (newest first; past that a meeting keeps its "
            f"summaries), on pages of at most {MAX_PAGE_SIZE} rows."
        ),
    }
