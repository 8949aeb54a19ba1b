"""The meetings list as CSV and JSON downloads, with the list's filters."""

from __future__ import annotations

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, StreamingHttpResponse
from django.views import View

from kb.selectors.meetings import MeetingFilters, with_row_relations
from web.views.base import MeetingFilterMixin, ReadRequiredMixin

EXPORT_FIELDS = [
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
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value):
    """A spreadsheet cell that cannot run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_rows(filters: MeetingFilters):
    """The filtered meetings as plain dicts (streamed in chunks, bounded queries each)."""
    meetings = with_row_relations(filters.meetings())
    for meeting in meetings.iterator(chunk_size=1000):
        participants = meeting.participant_list
        host = meeting.host_country
        yield {
            "id": meeting.pk,
            "date": meeting.date.isoformat() if meeting.date else None,
            "kind": meeting.kind,
            "place": meeting.place,
            "host_country": host.name if host else None,
            "host_country_code": host.code if host else None,
            "participants": [
                {
                    "id": p.pk,
                    "name": p.name,
                    "country": p.country.code if p.country else None,
                }
                for p in participants
            ],
            "topics": list(meeting.topics or []),
            "gift_count": meeting.gift_count,
            "agreement_count": meeting.agreement_count,
            "source_count": meeting.source_count,
            "url": meeting.get_absolute_url(),
        }


def _filter_errors_response(filters: MeetingFilters):
    return HttpResponse(
        "Bad filter values:\n" + "\n".join(filters.errors) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


class _Echo:
    def write(self, value):
        return value


def export_csv(filters: MeetingFilters):
    if filters.errors:
        return _filter_errors_response(filters)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # BOM: spreadsheet programs then read the file as UTF-8
        yield writer.writerow(EXPORT_FIELDS)
        for row in export_rows(filters):
            flat = dict(row)
            flat["participants"] = "; ".join(p["name"] for p in row["participants"])
            flat["participant_countries"] = "; ".join(
                sorted({p["country"] for p in row["participants"] if p["country"]})
            )
            flat["topics"] = "; ".join(str(t) for t in row["topics"])
            yield writer.writerow(
                [csv_safe("" if flat[k] is None else flat[k]) for k in EXPORT_FIELDS]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meetings.csv"'
    return response


def export_json(filters: MeetingFilters):
    if filters.errors:
        return _filter_errors_response(filters)
    payload = {
        "filters": filters.params(),
        "description": filters.describe(),
        "meetings": list(export_rows(filters)),
    }
    payload["count"] = len(payload["meetings"])
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="meetings.json"'
    return response


EXPORTERS = {"csv": export_csv, "json": export_json}


class MeetingExportView(MeetingFilterMixin, ReadRequiredMixin, View):
    """/meetings/export.csv and /meetings/export.json with the list's filters."""

    format = "csv"

    def get(self, request, *args, **kwargs):
        return EXPORTERS[self.format](self.filters)
