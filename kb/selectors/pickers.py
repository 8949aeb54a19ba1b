"""What the edit forms' pickers suggest as an editor types (at most ``LIMIT`` rows, whatever
the size of the tables), and the look-ups that turn what an editor typed without the
script (a name, a code or a number such as ``#12``) back into records.

Leaders are searched on their normalised name and other names (indexed prefix matches
first, then words inside the name); countries on code, name and other names; meetings by
number, place or a participant's name, optionally among the meetings of given leaders.
"""

from __future__ import annotations

import re

from django.db.models import Q

from kb.models import Country, Leader, LeaderAlias, Meeting
from kb.names import normalise_name

Participation = Meeting.participants.through

#: The most suggestions an answer gives.
LIMIT = 20
#: How many records a typed name may match before the picker asks for a number instead.
AMBIGUOUS_SHOWN = 5

_ID = re.compile(r"#\s*(\d{1,12})\b")
_ONLY_DIGITS = re.compile(r"#?\s*(\d{1,12})")
_TRAILING_PARENS = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def typed_id(text: str) -> int | None:
    """The record number in what was typed: ``12``, ``#12`` or a label with ``#12`` in it."""
    text = (text or "").strip()
    match = _ONLY_DIGITS.fullmatch(text) or _ID.search(text)
    return int(match.group(1)) if match else None


# ---- labels -----------------------------------------------------------------------------


def leader_label(leader: Leader) -> str:
    return f"{leader.name} ({leader.country.name})" if leader.country_id else leader.name


def country_label(country: Country) -> str:
    return f"{country.name} ({country.code})"


def meeting_label(meeting: Meeting, *, names: int = 4) -> str:
    """``#12 Talks, 3 May 2024, Paris — A, B``: needs ``participants`` prefetched."""
    label = f"#{meeting.pk} {meeting.get_kind_display()}"
    if meeting.date:
        label += f", {meeting.date.day} {meeting.date:%b %Y}"
    if meeting.place:
        label += f", {meeting.place}"
    people = [p.name for p in meeting.participants.all()]
    if people:
        shown = ", ".join(people[:names])
        label += f" — {shown}" + (f" +{len(people) - names}" if len(people) > names else "")
    return label


# ---- leaders ----------------------------------------------------------------------------


def _leaders(*, visible: bool = False):
    """Leaders not merged into another record; with ``visible``, not rejected either (what
    readers may be offered)."""
    leaders = Leader.objects.active().select_related("country")
    return leaders.visible() if visible else leaders


def suggest_leaders(q: str, *, limit: int = LIMIT, visible: bool = False) -> list[Leader]:
    """Leaders whose name (or another name) starts with what was typed, then those with a
    word of their name starting with it; a number finds that record. Two queries at most.
    With ``visible``, only leaders readers see (not rejected)."""
    pk = typed_id(q) if _ONLY_DIGITS.fullmatch((q or "").strip()) else None
    if pk is not None:
        return list(_leaders(visible=visible).filter(pk=pk))
    key = normalise_name(q or "")
    if not key:
        return []
    # Prefix matches use the name_key index (a pattern-ops index on PostgreSQL).
    found = list(
        _leaders(visible=visible).filter(name_key__startswith=key).order_by("name", "id")[:limit]
    )
    if len(found) < limit:
        aliases = LeaderAlias.objects.filter(key__startswith=key).values("leader_id")
        more = (
            _leaders(visible=visible)
            .filter(Q(pk__in=aliases) | Q(name_key__contains=" " + key))
            .exclude(pk__in=[leader.pk for leader in found])
            .order_by("name", "id")[: limit - len(found)]
        )
        found += list(more)
    return found


def leaders_by_id(ids) -> dict[int, Leader]:
    return {leader.pk: leader for leader in _leaders().filter(pk__in=list(ids))}


def leaders_named(text: str, *, visible: bool = False) -> list[Leader]:
    """Leaders with exactly this name or other name; "Name (Country)", as a label reads,
    narrows to that country. At most ``AMBIGUOUS_SHOWN + 1`` rows. With ``visible``, only
    leaders readers see (not rejected)."""
    text = (text or "").strip()
    leaders = _leaders(visible=visible)
    found = list(leaders.named(text).order_by("name", "id")[: AMBIGUOUS_SHOWN + 1])
    match = _TRAILING_PARENS.match(text)
    if not found and match:
        name, country = match.groups()
        found = list(
            leaders.named(name)
            .filter(Q(country__name__iexact=country.strip()) | Q(country__code__iexact=country))
            .order_by("name", "id")[: AMBIGUOUS_SHOWN + 1]
        )
    return found


# ---- countries --------------------------------------------------------------------------


def suggest_countries(q: str, *, limit: int = LIMIT) -> list[Country]:
    """Countries by code, then by name starting with what was typed, then by any name
    containing it (the table is a few hundred rows of reference data)."""
    text = (q or "").strip()
    if not text:
        return []
    if text.isdigit():
        return list(Country.objects.filter(pk=int(text)))
    rows = list(
        Country.objects.filter(
            Q(code__iexact=text)
            | Q(name__icontains=text)
            | Q(official_name__icontains=text)
            | Q(other_names__icontains=text)
        ).order_by("name")[:300]
    )
    folded = text.casefold()

    def rank(country):
        if country.code.casefold() == folded:
            return 0
        if country.name.casefold().startswith(folded):
            return 1
        return 2

    return sorted(rows, key=lambda c: (rank(c), c.name))[:limit]


def countries_by_id(ids) -> dict[int, Country]:
    return {country.pk: country for country in Country.objects.filter(pk__in=list(ids))}


def countries_named(text: str) -> list[Country]:
    """The country with this code ("FR"), this name, official name or other name, or a
    label such as "France (FR)"."""
    text = (text or "").strip()
    if not text:
        return []
    match = _TRAILING_PARENS.match(text)
    if match and len(match.group(2).strip()) == 2:
        text = match.group(2).strip()
    if len(text) == 2 and text.isalpha():
        return list(Country.objects.filter(code=text.upper()))
    exact = Q(name__iexact=text) | Q(official_name__iexact=text)
    found = list(Country.objects.filter(exact)[: AMBIGUOUS_SHOWN + 1])
    if not found:
        folded = text.casefold()
        found = [
            c
            for c in Country.objects.filter(other_names__icontains=text)[:50]
            if folded in (n.casefold() for n in c.other_names)
        ][: AMBIGUOUS_SHOWN + 1]
    return found


# ---- meetings ---------------------------------------------------------------------------


def _meetings():
    return (
        Meeting.objects.visible().filter(merged_into__isnull=True).prefetch_related("participants")
    )


def suggest_meetings(q: str, *, leaders=(), limit: int = LIMIT) -> list[Meeting]:
    """Meetings by number, or by place or a participant's name (words of it), newest
    first; with ``leaders``, only meetings one of them attended (an empty query then lists
    their latest meetings). Three queries at most."""
    text = (q or "").strip()
    meetings = _meetings()
    pk = typed_id(text) if text else None
    if pk is not None:
        return list(meetings.filter(pk=pk))
    leaders = [int(pk) for pk in leaders][:10]
    if leaders:
        meetings = meetings.filter(
            pk__in=Participation.objects.filter(leader_id__in=leaders).values("meeting_id")
        )
    elif not text:
        return []
    if text:
        key = normalise_name(text)
        people = list(
            Leader.objects.filter(
                Q(name_key__startswith=key) | Q(name_key__contains=" " + key)
            ).values_list("pk", flat=True)[:50]
            if key
            else []
        )
        meetings = meetings.filter(
            Q(place__icontains=text)
            | Q(pk__in=Participation.objects.filter(leader_id__in=people).values("meeting_id"))
        )
    return list(meetings.order_by("-date", "-id")[:limit])


def meetings_by_id(ids) -> dict[int, Meeting]:
    return {meeting.pk: meeting for meeting in _meetings().filter(pk__in=list(ids))}
