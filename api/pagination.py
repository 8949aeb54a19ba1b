"""Page-number pagination: ``?page=`` and ``?page_size=`` (1 to 200; anything else is 400).

Every list is ordered with ``id`` as the last key (see ``api.ordering.StableOrdering``),
so pages never skip or repeat a row while the data stands still.

A search (``?search=``) counts its matches up to ``SEARCH_COUNT_CAP``, as search engines
do: past it, ``count`` is the cap and ``count_exact`` is false ("1,000 or more"), and
``next`` still leads through every match (it is found by reading one row past the page,
not from the count). Counting every match of a common word read a sixth of 100,000
meetings on each request after a write. Other lists are counted exactly.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from kb import roles
from kb.changes import AREAS, area_of, cached
from kb.selectors.search import SEARCH_AREAS

MAX_PAGE_SIZE = 200
#: A search's matches are counted up to this many (see the module's docstring).
SEARCH_COUNT_CAP = 1000


def _counted_models() -> tuple:
    """The records whose every write moves kb.changes' version on."""
    from kb.models import Agreement, Article, Country, Gift, Leader, Meeting

    return (Meeting, Gift, Agreement, Leader, Country, Article)


def filter_areas(model, names) -> tuple[str, ...]:
    """The ``kb.changes`` areas that the filters ``names`` (query parameters, paging
    left out) of a list of ``model`` read besides its own rows: none without a filter;
    a meeting search alone, what searches read (names, gifts, agreements and sources'
    words, not an article's status: ``SEARCH_AREAS``); any other filter may read any
    kind."""
    names = set(names)
    if not names:
        return ()
    if names == {"search"} and model._meta.label == "kb.Meeting":
        return SEARCH_AREAS
    return AREAS


def _counted(count: int) -> type[Paginator]:
    class CountedPaginator(Paginator):
        @property
        def count(self) -> int:
            return count

    return CountedPaginator


class Pagination(PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    #: Rows a page holds at most, whatever ``page_size`` asks (lower for ``?expand=``).
    max_rows = MAX_PAGE_SIZE

    def validate(self, request) -> None:
        """400 for a malformed ``page`` or ``page_size`` (exports too, which ignore them).
        A well-formed page past the end is 404, as DRF answers."""
        errors = {}
        for name, top in (
            (self.page_query_param, None),
            (self.page_size_query_param, MAX_PAGE_SIZE),
        ):
            values = request.query_params.getlist(name)
            if not values:
                continue
            if len(values) > 1 or not _in_range(values[0], top):
                errors[name] = [
                    f"Give one whole number from 1 to {top}." if top else "Give one page number."
                ]
        if errors:
            raise ValidationError(errors)

    def paginate_queryset(self, queryset, request, view=None):
        """As DRF's, with the number of matches counted once per write (kb.changes) for
        the knowledge base's own records: a count reads every match (a search for a
        common word matches a sixth of 100k meetings), the page only its rows."""
        if getattr(queryset, "model", None) in _counted_models():
            params = sorted(
                (k, v)
                for k, v in request.query_params.lists()
                if k not in (self.page_query_param, self.page_size_query_param)
            )
            key = {
                "path": request.path,
                "params": params,
                "editor": roles.can_edit(request.user),
            }
            # Unfiltered, the count is of the model's own rows; a filter or a search may
            # read any other kind; a meeting search alone, what searches read (names,
            # gifts, agreements and sources' words: not an article's status).
            areas = filter_areas(queryset.model, [k for k, _ in params]) or area_of(queryset.model)
            if request.query_params.get("search"):
                count = cached(
                    "api-count",
                    key,
                    lambda: _count_up_to(queryset, SEARCH_COUNT_CAP),
                    areas=areas,
                )
                if count > SEARCH_COUNT_CAP:
                    return self._past_the_cap(queryset, request)
            else:
                count = cached("api-count", key, queryset.count, areas=areas)
            self.django_paginator_class = _counted(count)
        self.count_exact = True
        return super().paginate_queryset(queryset, request, view)

    def _past_the_cap(self, queryset, request) -> list:
        """The requested page when the matches are more than the cap: its rows and one
        more (whether there is a next page); the count the paginator is given only says
        that much."""
        self.request = request
        size = self.get_page_size(request)
        number = int(request.query_params.get(self.page_query_param) or 1)
        start = (number - 1) * size
        rows = list(queryset[start : start + size + 1])
        if not rows and number > 1:
            raise NotFound("Invalid page.")
        known = max(start + len(rows), SEARCH_COUNT_CAP + 1)
        self.page = self.django_paginator_class(range(known), size).page(number)
        self.page.object_list = rows[:size]
        if len(rows) <= size:  # the last page: no next link
            self.page.paginator = _counted(start + len(rows))(range(0), size)
        self.count_exact = False
        return rows[:size]

    def get_paginated_response(self, data):
        count = self.page.paginator.count if self.count_exact else SEARCH_COUNT_CAP
        return Response(
            {
                "count": count,
                "count_exact": self.count_exact,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        out = super().get_paginated_response_schema(schema)
        out["properties"]["count_exact"] = {
            "type": "boolean",
            "description": (
                f"False when a search matched more than {SEARCH_COUNT_CAP}: count is then"
                " that many (a lower bound); next still leads through every match."
            ),
        }
        out["required"] = [*out.get("required", ["count", "results"]), "count_exact"]
        return out

    def get_page_size(self, request):
        self.validate(request)
        raw = request.query_params.get(self.page_size_query_param)
        return min(self.page_size if raw is None else int(raw), self.max_rows)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
            elif parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=MAX_PAGE_SIZE)
                parameter["description"] = (
                    f"Results per page (default 50, at most {MAX_PAGE_SIZE})."
                    + (_expand_note() if getattr(view, "expandable", None) else "")
                )
        return parameters


def _expand_note() -> str:
    from api.expand import MAX_PAGE_SIZE as EXPANDED

    return f" With `expand`, pages hold at most {EXPANDED}: a larger size gives {EXPANDED}."


def _count_up_to(queryset, cap: int) -> int:
    """The number of rows, or ``cap + 1`` when there are more than ``cap``.

    The newest rows first, through the primary key: unordered, PostgreSQL counted a
    common word's first matches by reading the table from its start, where the older
    versions of rows rewritten since (a meeting's search document is rewritten as its
    participants and sources arrive) leave pages with nothing to count: at 100,000
    synthetic meetings, 9,274 pages and 101 ms to find 1,001 matches for "trade", and
    714 pages and 14 ms through the key (EXPLAIN ANALYZE). A rare word is still found
    through the search index."""
    return queryset.order_by("-pk")[: cap + 1].count()


def _in_range(text: str, top: int | None) -> bool:
    if not text.isascii() or not text.isdigit():
        return False
    if top is None:  # any page number; one past the end is 404
        return int(text) >= 1
    return len(text) <= 4 and 1 <= int(text) <= top
