"""What the lists other than meetings share (leaders, countries, gifts, agreements,
articles; issue 15): a query string parsed into typed filter values, a word search, and
sorting with clickable column headers.

A list's filters are a `ListFilters` subclass (``kb.selectors.lists``): the parameters it
takes (`Param`s), its sort orders, and ``filter()``, which applies each value through a
selector condition (the same functions ``api.filters`` calls where the API has the filter).
Parsing never raises: a bad value is dropped and reported in ``errors``, as the meetings
list does (``kb.selectors.meetings.MeetingFilters``).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from urllib.parse import urlencode

from django.db.models import Q

from kb.models import Article, Country, Leader, ReviewState
from kb.selectors.pickers import AMBIGUOUS_SHOWN, leader_label, leaders_named, typed_id
from kb.selectors.search import MAX_QUERY_LENGTH, MAX_SEARCH_TERMS, search_terms

# ---- parameters -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """One query-string parameter: its name, its label on the form, and how its raw text
    becomes a value (``parse(raw, errors)``; None when absent or invalid)."""

    name: str
    label: str
    kind: str  # the form control: "search", "text", "select", "date", "number", "check",
    # or "leader" (the leader picker)
    parse: Callable[[str, list[str]], object]
    out: Callable[[object], str] = str
    describe: Callable[[object], str] = str
    help: str = ""
    options: str = ""  # the key of the select's options in the list's choices


def text_value(label: str):
    def parse(raw: str, errors: list[str]) -> str | None:
        return " ".join(raw.split())[:MAX_QUERY_LENGTH] or None

    return parse


def _choice(choices, label: str):
    def parse(raw: str, errors: list[str]):
        raw = raw.strip()
        if not raw:
            return None
        if raw in choices.values:
            return raw
        errors.append(f"Ignored the {label} “{raw[:40]}”: not one of the choices.")
        return None

    return parse


def _date(label: str):
    def parse(raw: str, errors: list[str]) -> dt.date | None:
        raw = raw.strip()
        if not raw:
            return None
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            errors.append(f"Ignored the {label} date “{raw[:40]}”: use the form YYYY-MM-DD.")
            return None

    return parse


def _id(raw: str, label: str, errors: list[str]) -> int | None:
    raw = raw.strip()
    if not raw:
        return None
    if raw.isdigit() and len(raw) < 19:
        return int(raw)
    errors.append(f"Ignored the {label} “{raw[:40]}”: expected a number.")
    return None


def _country(raw: str, errors: list[str]) -> Country | None:
    raw = raw.strip()
    if not raw:
        return None
    country = None
    if len(raw) == 2 and raw.isalpha():
        country = Country.objects.only("id", "code", "name").filter(code=raw.upper()).first()
    if country is None:
        errors.append(f"Ignored the country “{raw[:40]}”: unknown country code.")
    return country


#: The longest leader text the filters read (a name is at most 200 characters).
MAX_LEADER_TEXT = 200


def parse_leader(raw: str, errors: list[str]) -> Leader | None:
    """The leader a filter names: a number (``12``, ``#12``, or a label with ``#12`` in it,
    as the leader picker writes), or, as typed in the box without the script, a name, an
    other name or a label "Name (Country)" among the leaders readers see. A merged record
    stands for the one it went into (its facts moved there). Unknown and ambiguous names
    are reported in ``errors`` (the ambiguous with up to five candidates and their
    numbers). Two queries at most."""
    raw = " ".join((raw or "").split())
    if not raw:
        return None
    pk = typed_id(raw)
    if pk is None and raw.lstrip("#").strip().isdigit():
        errors.append(f"Ignored the leader filter: no leader has id {raw[:40]}.")
        return None
    if pk is not None:
        leader = (
            Leader.objects.select_related("country", "merged_into__country").filter(pk=pk).first()
        )
        if leader is None:
            errors.append(f"Ignored the leader filter: no leader has id {pk}.")
            return None
        return leader.merged_into if leader.merged_into_id else leader
    found = leaders_named(raw, visible=True) if len(raw) <= MAX_LEADER_TEXT else []
    if not found:
        errors.append(
            f"Ignored the leader filter: no leader named “{raw[:40]}”. Type part of the name "
            "and choose from the suggestions, or give the leader's number, such as #12."
        )
        return None
    if len(found) > 1:
        shown = "; ".join(f"{leader_label(x)} #{x.pk}" for x in found[:AMBIGUOUS_SHOWN])
        more = " and others" if len(found) > AMBIGUOUS_SHOWN else ""
        errors.append(
            f"Ignored the leader filter: “{raw[:40]}” could be any of {shown}{more}. "
            "Give the number of the one you mean, such as #12."
        )
        return None
    return found[0]


def _article(raw: str, errors: list[str]) -> Article | None:
    pk = _id(raw, "source article", errors)
    if pk is None:
        return None
    article = Article.objects.only("id", "title", "source").filter(pk=pk).first()
    if article is None:
        errors.append(f"Ignored the source article filter: no article has number {pk}.")
    return article


def _flag(label: str):
    def parse(raw: str, errors: list[str]) -> bool | None:
        raw = raw.strip().lower()
        if not raw or raw in {"0", "off", "false", "no"}:
            return None
        if raw in {"1", "on", "true", "yes"}:
            return True
        errors.append(f"Ignored “{raw[:40]}” for {label}: use 1 or leave it out.")
        return None

    return parse


def choice_param(name: str, label: str, choices, *, describe: str = "{}", help: str = "") -> Param:
    return Param(
        name,
        label,
        "select",
        _choice(choices, label.lower()),
        describe=lambda value: describe.format(str(choices(value).label).lower()),
        help=help,
        options=name,
    )


def date_params(label: str, *, help: str = "", said: str = "") -> tuple[Param, Param]:
    """``from`` and ``to``, inclusive (swapped if given the wrong way round); ``said``
    leads their description ("published" from…)."""
    lead = f"{said} " if said else ""
    return (
        Param("from", f"{label} from", "date", _date("from"), out=dt.date.isoformat,
              describe=lambda d: f"{lead}from {d:%d %b %Y}", help=help),
        Param("to", f"{label} to", "date", _date("to"), out=dt.date.isoformat,
              describe=lambda d: f"{lead}to {d:%d %b %Y}"),
    )  # fmt: skip


def country_param(help: str, *, describe: str = "involving {}") -> Param:
    return Param(
        "country",
        "Country",
        "select",
        _country,
        out=lambda c: c.code,
        describe=lambda c: describe.format(c.name),
        help=help,
        options="countries",
    )


def leader_param(help: str, *, describe: str = "with {}") -> Param:
    """A leader, chosen with the leader picker (a text box, never a list of every leader:
    ``parse_leader``); the query keeps its number."""
    return Param(
        "leader",
        "Leader",
        "leader",
        parse_leader,
        out=lambda leader: str(leader.pk),
        describe=lambda leader: describe.format(leader.name),
        help=help,
    )


ARTICLE_PARAM = Param(
    "article",
    "Source article (number)",
    "number",
    _article,
    out=lambda a: str(a.pk),
    describe=lambda a: f"from the article “{str(a)[:80]}”",
    help="The number in the article's address (/articles/N/): only what its evidence supports.",
)

REVIEW_PARAM = Param(
    "review",
    "Review state",
    "select",
    _choice(ReviewState, "review state"),
    describe=lambda state: (
        f"{ReviewState(state).label.lower()} by review"
        if state != ReviewState.EXTRACTED
        else "not reviewed yet"
    ),
    help="Rejected rows are shown only when asked for here.",
    options="review",
)


def flag_param(name: str, label: str, describe: str) -> Param:
    return Param(
        name, label, "check", _flag(f"“{label}”"), out=lambda _: "1", describe=lambda _: describe
    )


# ---- conditions -----------------------------------------------------------------------------


def reviewed(queryset, state: str | None):
    """Rows in that review state; without one, what lists show (not rejected)."""
    return queryset.filter(review_state=state) if state else queryset.visible()


#: A run of three letters or digits: what a trigram index can look up. A shorter word
#: ("an", "EU") has no trigram, and its index would return every row to recheck.
_TRIGRAM = re.compile(r"[^\W_]{3}")


def _contains(model, path: str, term: str) -> tuple[Q, bool]:
    """Rows of ``model`` whose ``path`` contains ``term`` (case aside), tested on the
    model's own columns, and whether the path crossed a foreign key: a field across a
    key (``giver__name``) becomes "the key is one of the related rows that match"
    (``giver_id`` among the leaders whose name contains it) instead of a join of every
    related row before filtering (issue 14)."""
    name, _, rest = path.partition("__")
    field = model._meta.get_field(name)
    if not rest or not (field.many_to_one or field.one_to_one) or not field.concrete:
        return Q(**{f"{path}__icontains": term}), False
    related = field.related_model
    inner, _ = _contains(related, rest, term)
    matching = related._base_manager.filter(inner).order_by().values(field.target_field.attname)
    found = Q(**{f"{field.attname}__in": matching})
    # A row without the related one never matches: false, not unknown, so that
    # excluding the word keeps it (as the join did).
    return (found & Q(**{f"{field.attname}__isnull": False}) if field.null else found), True


def _word(model, fields: tuple[str, ...], term: str, *, indexed: bool) -> Q:
    """Rows with ``term`` in one of ``fields``. ``indexed``: as the union of what each
    field's index finds (the row's own columns together, then one part per foreign key:
    the rows whose key is among the matching related rows), which PostgreSQL joins to
    the list by key; each part reads a trigram index (migration 0023) and the key's
    index. Otherwise one condition per row, its key tests hashed subqueries (what an
    excluded word, and a word too short for trigrams, cost: one pass over the table)."""
    own, keyed = [], []
    for name in fields:
        condition, across = _contains(model, name, term)
        (keyed if across else own).append(condition)
    if not (indexed and keyed):
        return reduce(operator.or_, own + keyed)
    rows = model._base_manager.order_by()
    parts = [rows.filter(reduce(operator.or_, own))] if own else []
    parts += [rows.filter(condition) for condition in keyed]
    parts = [part.values("pk") for part in parts]
    return Q(pk__in=parts[0].union(*parts[1:], all=True))


def words_in(queryset, q: str | None, fields: tuple[str, ...]):
    """Rows with every word or "quoted phrase" of ``q`` in one of ``fields`` (case
    aside), and none of its -excluded ones; see ``_word`` for how a word is looked up
    (through indexes on PostgreSQL for a word of three letters or more)."""
    model = queryset.model
    for negated, term in search_terms(q or "")[:MAX_SEARCH_TERMS]:
        indexed = not negated and bool(_TRIGRAM.search(term))
        found = _word(model, fields, term, indexed=indexed)
        queryset = queryset.exclude(found) if negated else queryset.filter(found)
    return queryset


# ---- the filters ------------------------------------------------------------------------------


class ListFilters:
    """A list's filters as parsed from a query string: ``values`` by parameter name
    (only the valid ones), the sort order, and the messages for what was ignored."""

    params_spec: tuple[Param, ...] = ()
    #: key -> (label, order_by); a key with "-" is the descending twin of its column.
    sorts: dict[str, tuple[str, tuple]] = {}
    default_sort = ""
    noun, singular = "rows", "row"

    def __init__(self, values: dict, sort: str, errors: list[str]):
        self.values, self.sort, self.errors = values, sort, errors

    @classmethod
    def from_query(cls, query) -> ListFilters:
        errors: list[str] = []
        values = {}
        for param in cls.params_spec:
            raw = query.get(param.name, "")
            value = param.parse(raw if isinstance(raw, str) else "", errors)
            if value is not None:
                values[param.name] = value
        start, end = values.get("from"), values.get("to")
        if start and end and start > end:
            errors.append("The from date was after the to date: the two were swapped.")
            values["from"], values["to"] = end, start
        sort = query.get("sort", "")
        sort = sort.strip() if isinstance(sort, str) else ""
        if sort and sort not in cls.sorts:
            errors.append(f"Ignored the sort order “{sort[:40]}”.")
            sort = ""
        return cls(values, sort or cls.default_sort, errors)

    def get(self, name: str):
        return self.values.get(name)

    def areas(self) -> tuple[str, ...]:
        """The ``kb.changes`` areas the list's rows depend on (what it lists, counts,
        filters and searches; the labels of related records are kept by their writes)."""
        raise NotImplementedError

    @property
    def q(self) -> str:
        return self.values.get("q", "")

    @property
    def active(self) -> bool:
        return bool(self.values)

    # -- applying: subclasses say how -------------------------------------------------

    def base(self):
        """The rows before filtering."""
        raise NotImplementedError

    def filter(self, queryset):
        """Apply every filter (not the sort)."""
        raise NotImplementedError

    def annotate_for_sort(self, queryset):
        """What the sort order needs besides the row's own fields."""
        return queryset

    def ordered(self, base=None):
        """The matching rows, sorted (ties broken by id): cheap to count and page."""
        rows = self.filter(self.base() if base is None else base)
        return self.annotate_for_sort(rows).order_by(*self.sorts[self.sort][1])

    # -- describing ---------------------------------------------------------------------

    def params(self, *, sort: bool = True) -> dict[str, str]:
        """The normalised query (valid, non-default values only), in the form's order."""
        out = {
            p.name: p.out(self.values[p.name]) for p in self.params_spec if p.name in self.values
        }
        if sort and self.sort != self.default_sort:
            out["sort"] = self.sort
        return out

    def querystring(self, **extra) -> str:
        params = self.params()
        params.update({k: v for k, v in extra.items() if v is not None})
        return urlencode(params)

    def describe(self) -> list[str]:
        return [p.describe(self.values[p.name]) for p in self.params_spec if p.name in self.values]

    def sort_headers(self) -> dict[str, dict]:
        """Per sortable column: its aria-sort value (or None), and the address that sorts by
        it (the other way round when it is the current sort), filters kept, page 1."""
        headers: dict[str, dict] = {}
        for key in self.sorts:
            column = key.lstrip("-")
            if column in headers:
                continue
            current = self.sort.lstrip("-") == column
            if current:
                descending = self.sort.startswith("-")
                target = column if descending else f"-{column}"
                aria = "descending" if descending else "ascending"
            else:
                target, aria = key, None  # the first defined direction is the column's own
            if target not in self.sorts:
                target = key
            sort = None if target == self.default_sort else target
            params = self.params(sort=False)
            if sort:
                params["sort"] = sort
            headers[column] = {
                "href": "?" + urlencode(params),
                "aria": aria,
                "label": self.sorts[target][0],
            }
        return headers

    def form_fields(self, choices: dict) -> list[dict]:
        """The filter form's controls, in order, with their current values."""
        fields = []
        for p in self.params_spec:
            value = self.values.get(p.name)
            fields.append(
                {
                    "param": p,
                    "id": f"f-{p.name}",
                    "value": "" if value is None else p.out(value),
                    "chosen": value,
                    "options": choices.get(p.options, ()),
                }
            )
        return fields
