"""The lists as CSV and JSON downloads, with their filters: the meetings list, and the
leaders, countries, gifts, agreements and articles lists (issue 15)."""

from __future__ import annotations

import copy
import csv
from itertools import chain

from django.http import HttpResponse, StreamingHttpResponse
from django.views import View
from rest_framework.utils.encoders import JSONEncoder

from api.exports import list_export_rows, stream_csv
from kb.selectors.exports import MEETING_COLUMNS, meeting_cells, meeting_rows
from kb.selectors.listing import ListFilters
from kb.selectors.meetings import MeetingFilters, with_row_relations
from web.views.base import MeetingFilterMixin, ReadRequiredMixin


def export_rows(filters: MeetingFilters, request):
    """The filtered meetings as plain dicts (streamed in chunks, bounded queries each)."""
    meetings = with_row_relations(filters.meetings())
    return meeting_rows(meetings, absolute=request.build_absolute_uri)


def _filter_errors_response(filters: MeetingFilters | ListFilters):
    return HttpResponse(
        "Bad filter values:\n" + "\n".join(filters.errors) + "\n",
        status=400,
        content_type="text/plain; charset=utf-8",
    )


class _Echo:
    def write(self, value):
        return value


def export_csv(filters: MeetingFilters, request):
    if filters.errors:
        return _filter_errors_response(filters)
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # BOM: spreadsheet programs then read the file as UTF-8
        yield writer.writerow(MEETING_COLUMNS)
        for row in export_rows(filters, request):
            yield writer.writerow(meeting_cells(row))

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="meetings.csv"'
    return response


def export_json(filters: MeetingFilters, request):
    if filters.errors:
        return _filter_errors_response(filters)
    head = {
        "filters": filters.params(),
        "description": filters.describe(),
        "count": filters.ordered().count(),
    }
    return json_document(head, "meetings", export_rows(filters, request))


def json_document(head: dict, name: str, rows):
    """A JSON download: ``head``'s keys, then ``name``: the rows, written one at a time
    as they are read (a download of any size costs the memory of a chunk of rows)."""
    encoder = JSONEncoder(ensure_ascii=False)

    def document():
        yield encoder.encode(head)[:-1] + f', "{name}": ['
        for index, row in enumerate(rows):
            yield ("," if index else "") + "\n" + encoder.encode(row)
        yield "\n]}\n"

    response = StreamingHttpResponse(document(), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{name}.json"'
    return response


EXPORTERS = {"csv": export_csv, "json": export_json}


class MeetingExportView(MeetingFilterMixin, ReadRequiredMixin, View):
    """/meetings/export.csv and /meetings/export.json with the list's filters."""

    format = "csv"

    def get(self, request, *args, **kwargs):
        return EXPORTERS[self.format](self.filters, request)


# ---- the other lists (leaders, countries, gifts, agreements, articles) ----------------------


def list_export(filters: ListFilters, name: str, fmt: str, request):
    """The ``name`` list as shown (its filters, its order, every page) as CSV or JSON, with
    the columns of the API's export of that list (``api.exports.list_shapes``), streamed:
    rows are read in chunks, never all at once."""
    if filters.errors:
        return _filter_errors_response(filters)
    if "format" in request.GET:
        # The list page's ?format=csv: links in the rows are the same as from
        # /NAME/export.csv (DRF's reverse would carry the format over into them).
        request = copy.copy(request)
        request.GET = request.GET.copy()
        del request.GET["format"]
    columns, queryset, rows = list_export_rows(name, filters.ordered, request)
    if fmt == "csv":
        body = chain(["\ufeff"], stream_csv(rows, columns))
        response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    head = {
        "filters": filters.params(),
        "description": filters.describe(),
        "count": queryset.count(),
        "columns": columns,
    }
    return json_document(head, name, rows)


class ListExportView(ReadRequiredMixin, View):
    """/leaders/export.csv, /gifts/export.json… with the list's filters."""

    filters_class: type[ListFilters] = ListFilters
    name = ""
    format = "csv"

    def get(self, request, *args, **kwargs):
        filters = self.filters_class.from_query(request.GET)
        return list_export(filters, self.name, self.format, request)
