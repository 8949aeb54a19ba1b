"""Page-number pagination: ``?page=`` and ``?page_size=`` (1 to 200; anything else is 400).

Every list is ordered with ``id`` as the last key (see ``api.ordering.StableOrdering``),
so pages never skip or repeat a row while the data stands still.
"""

from __future__ import annotations

from django.core.paginator import Paginator
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from kb import roles
from kb.changes import AREAS, area_of, cached

MAX_PAGE_SIZE = 200


def _counted_models() -> tuple:
    """The records whose every write moves kb.changes' version on."""
    from kb.models import Agreement, Article, Country, Gift, Leader, Meeting

    return (Meeting, Gift, Agreement, Leader, Country, Article)


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
            # read any other kind (a meeting search reads names, gifts and sources).
            areas = AREAS if params else area_of(queryset.model)
            count = cached("api-count", key, queryset.count, areas=areas)
            self.django_paginator_class = _counted(count)
        return super().paginate_queryset(queryset, request, view)

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


def _in_range(text: str, top: int | None) -> bool:
    if not text.isascii() or not text.isdigit():
        return False
    if top is None:  # any page number; one past the end is 404
        return int(text) >= 1
    return len(text) <= 4 and 1 <= int(text) <= top
