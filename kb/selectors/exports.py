"""The meetings spreadsheet: one shape for the meetings page's CSV and JSON downloads and
the API's ``/api/meetings/?format=csv``, so a reader gets the same columns whichever door
they use, with absolute links to the meetings' pages. Cells never start a formula."""

from __future__ import annotations

from collections.abc import Callable

from kb.csvsafe import csv_safe

#: The columns of a meetings CSV, in order.
MEETING_COLUMNS = [
    "id",
    "date",
    "kind",
    "place",
    "host_country",
    "host_country_code",
    "participants",
    "participant_countries",
    "topics",
    "gift_count",
    "agreement_count",
    "source_count",
    "url",
]
# The one CSV-injection guard (kb.csvsafe), under the name the exports use.
spreadsheet_safe = csv_safe


def meeting_row(meeting, *, participants: list[dict], counts: dict, url: str) -> dict:
    """A meeting as the downloads give it. ``meeting`` has its host country loaded;
    ``participants`` are ``{"id", "name", "country"}``; ``counts`` has ``gift_count``,
    ``agreement_count`` and ``source_count``; ``url`` is the meeting page's address."""
    host = meeting.host_country
    return {
        "id": meeting.pk,
        "date": meeting.date.isoformat() if meeting.date else None,
        "kind": meeting.kind,
        "place": meeting.place,
        "host_country": host.name if host else None,
        "host_country_code": host.code if host else None,
        "participants": participants,
        "topics": list(meeting.topics or []),
        **counts,
        "url": url,
    }


def meeting_rows(meetings, *, absolute: Callable[[str], str]):
    """``meeting_row`` for each of ``meetings`` (with ``kb.selectors.meetings``'s row
    relations and counts), read in chunks; ``absolute`` makes a path a full URL."""
    for meeting in meetings.iterator(chunk_size=1000):
        participants = [
            {"id": p.pk, "name": p.name, "country": p.country.code if p.country else None}
            for p in meeting.participant_list
        ]
        counts = {
            "gift_count": meeting.gift_count,
            "agreement_count": meeting.agreement_count,
            "source_count": meeting.source_count,
        }
        url = absolute(meeting.get_absolute_url())
        yield meeting_row(meeting, participants=participants, counts=counts, url=url)


def meeting_cells(row: dict) -> list[str]:
    """A ``meeting_row`` as CSV cells in ``MEETING_COLUMNS`` order: lists joined with
    "; ", formulas defused."""
    people = row["participants"]
    flat = {
        **row,
        "participants": "; ".join(p["name"] for p in people),
        "participant_countries": "; ".join(sorted({p["country"] for p in people if p["country"]})),
        "topics": "; ".join(str(topic) for topic in row["topics"]),
    }
    return [
        spreadsheet_safe("" if flat[name] is None else str(flat[name])) for name in MEETING_COLUMNS
    ]
