"""CSV and JSON Lines exports of any filtered list (``?format=csv`` / ``?format=jsonl``).

The whole filtered set is streamed (no pagination), read in chunks with
``QuerySet.iterator(chunk_size=...)`` so memory stays flat however large it is. Rows are the
list's JSON representation: as is in JSON Lines; flattened in CSV (a nested record
becomes its name, item or summary, a list is joined with "; ", evidence becomes its article
ids). CSV cells that a spreadsheet would run as a formula (starting with = + - @ or a
tab or carriage return) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
from itertools import islice

from django.http import StreamingHttpResponse
from django.utils import timezone
from rest_framework.renderers import BaseRenderer
from rest_framework.utils.encoders import JSONEncoder

from kb.selectors.exports import spreadsheet_safe

CHUNK = 500


class CSVRenderer(BaseRenderer):
    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return "".join(stream_csv([data] if isinstance(data, dict) else data or [], None))


class JSONLinesRenderer(BaseRenderer):
    media_type = "application/x-ndjson"
    format = "jsonl"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return "".join(stream_jsonl([data] if isinstance(data, dict) else data or []))


EXPORT_RENDERERS = (CSVRenderer, JSONLinesRenderer)
EXPORT_FORMATS = {r.format: r for r in EXPORT_RENDERERS}


def safe_cell(value) -> str:
    """A CSV cell: text a spreadsheet will not evaluate."""
    return spreadsheet_safe(_flat(value))


def _label(record: dict, key: str = "") -> str:
    if key == "evidence":
        return str(record.get("article", ""))
    for name in ("name", "item", "summary", "sentence", "code", "id"):
        if record.get(name) not in (None, ""):
            return str(record[name])
    return ""


def _flat(value, key: str = "") -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return _label(value, key)
    if isinstance(value, list | tuple):
        return "; ".join(_label(v, key) if isinstance(v, dict) else _flat(v) for v in value)
    return str(value)


class _Echo:
    def write(self, value):
        return value


def stream_csv(rows, header: list[str] | None):
    writer = csv.writer(_Echo())
    started = False
    for row in rows:
        if not started:
            header = header or list(row)
            yield writer.writerow(header)
            started = True
        yield writer.writerow([spreadsheet_safe(_flat(row.get(name), name)) for name in header])
    if not started and header:
        yield writer.writerow(header)


def stream_jsonl(rows):
    encoder = JSONEncoder(ensure_ascii=False)
    for row in rows:
        yield encoder.encode(row) + "\n"


def _rows(queryset, represent, load):
    """Serialized rows, reading ``CHUNK`` records at a time (and their nested data)."""
    records = queryset.iterator(chunk_size=CHUNK)
    while chunk := list(islice(records, CHUNK)):
        for obj in load(chunk):
            yield represent(obj)


def export_response(
    queryset,
    serializer,
    fmt: str,
    *,
    basename: str,
    load=lambda objects: objects,
    spreadsheet: tuple | None = None,
) -> StreamingHttpResponse:
    """Stream ``queryset`` as ``fmt`` ("csv" or "jsonl"), one serialized row at a time.
    ``spreadsheet`` (columns, row function) gives a CSV its own shape instead of the
    flattened representation (the meetings CSV is the meetings page's)."""
    renderer = EXPORT_FORMATS[fmt]
    if fmt == "csv" and spreadsheet is not None:
        columns, row = spreadsheet
        body = stream_csv(_rows(queryset, row, load), columns)
    elif fmt == "csv":
        rows = _rows(queryset, serializer.to_representation, load)
        body = stream_csv(rows, list(serializer.fields))
    else:
        body = stream_jsonl(_rows(queryset, serializer.to_representation, load))
    response = StreamingHttpResponse(body, content_type=f"{renderer.media_type}; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    response["Content-Disposition"] = f'attachment; filename="{basename}-{stamp}.{fmt}"'
    return response


# ---- the lists' downloads -------------------------------------------------------------------


def list_shapes() -> dict:
    """Per list (leaders, countries, gifts, agreements, articles): the serializer whose
    fields are the columns of its export, the queryset it reads, and the loader of its
    nested data. The API's lists use these serializers and loaders, and the pages'
    downloads use this, so both doors give the same columns (tests hold them to it)."""
    from api import loaders
    from api.serializers.articles import ArticleSerializer
    from api.serializers.facts import AgreementSerializer, GiftSerializer
    from api.serializers.leaders import CountrySerializer, LeaderSerializer, attach_offices
    from kb.models import Article, Country, Leader

    return {
        "leaders": (
            LeaderSerializer,
            lambda: Leader.objects.select_related("country"),
            attach_offices,
        ),
        "countries": (CountrySerializer, Country.objects.all, None),
        "gifts": (GiftSerializer, loaders.gifts, loaders.load_gifts),
        "agreements": (
            AgreementSerializer,
            loaders.agreements,
            loaders.load_agreements,
        ),
        "articles": (
            ArticleSerializer,
            lambda: Article.objects.defer("text", "error"),
            None,
        ),
    }


def list_export_rows(name: str, queryset_of, request):
    """(columns, rows) of the ``name`` list's export: ``queryset_of(base)`` filters and
    orders the list's base queryset; rows are read ``CHUNK`` at a time, in that order."""
    serializer_class, base, load = list_shapes()[name]
    serializer = serializer_class(context={"request": request})

    def loaded(objects):
        if load is not None:
            load(objects)
        return objects

    queryset = queryset_of(base())
    return list(serializer.fields), queryset, _rows(queryset, serializer.to_representation, loaded)
