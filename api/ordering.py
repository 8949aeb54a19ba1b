"""The list backends besides the filters: ``?search=`` (full-text on meetings, substring
elsewhere) and ``?ordering=`` (stable: ``id`` breaks ties, NULLs last)."""

from __future__ import annotations

from django.db.models import F
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend, OrderingFilter, SearchFilter

from kb.selectors.search import search_meetings


class MeetingSearch(BaseFilterBackend):
    """``?search=`` as on the meetings page: words, "quoted phrases" and -exclusions over
    places, topics, participants, gifts, agreements and source articles (PostgreSQL
    full-text search; substring matching on SQLite)."""

    def filter_queryset(self, request, queryset, view):
        return search_meetings(queryset, request.query_params.get("search", ""))

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "search",
                "in": "query",
                "required": False,
                "description": 'Full-text search: words, "quoted phrases", -excluded words.',
                "schema": {"type": "string"},
            }
        ]


class Search(SearchFilter):
    search_description = "Case-insensitive substring search."


class StableOrdering(OrderingFilter):
    """``?ordering=`` with comma-separated fields, ``-`` for descending. Unknown fields are
    400. ``id`` always breaks ties and NULLs sort last, so pagination is stable."""

    def get_ordering(self, request, queryset, view):
        params = request.query_params.get(self.ordering_param)
        if params is None:
            return list(self.get_default_ordering(view) or ["id"])
        terms = [term.strip() for term in params.split(",")]
        valid = self._valid(view)
        bad = [term for term in terms if term.lstrip("-") not in valid]
        if bad:
            raise ValidationError(
                {self.ordering_param: [f"Cannot order by {bad[0]!r}; use {', '.join(valid)}."]}
            )
        return terms

    @staticmethod
    def _valid(view) -> list[str]:
        return list(getattr(view, "ordering_fields", None) or ["id"])

    def filter_queryset(self, request, queryset, view):
        terms = self.get_ordering(request, queryset, view)
        if not any(term.lstrip("-") == "id" for term in terms):
            terms = [*terms, "-id" if terms and terms[0].startswith("-") else "id"]
        expressions = [
            F(term[1:]).desc(nulls_last=True)
            if term.startswith("-")
            else F(term).asc(nulls_last=True)
            for term in terms
        ]
        return queryset.order_by(*expressions)

    def get_schema_operation_parameters(self, view):
        names = "|".join(self._valid(view))
        return [
            {
                "name": self.ordering_param,
                "in": "query",
                "required": False,
                "description": (
                    "Comma-separated fields to sort by, `-` for descending: "
                    + ", ".join(f"`{name}`" for name in self._valid(view))
                    + ". Ties are broken by `id`."
                ),
                "schema": {"type": "string", "pattern": f"^-?({names})(,-?({names}))*$"},
            }
        ]
