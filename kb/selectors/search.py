"""Full-text search over meetings: words, "quoted phrases" and -exclusions.

PostgreSQL's text search (websearch syntax) when the database is PostgreSQL, and
case-insensitive substring matching elsewhere (SQLite in development and in most tests).
Both search the same fields: the meeting's place and topics, its participants' names, its
gifts' items, its agreements' summaries, and the titles and texts of its source articles.
On PostgreSQL they are read from one document per meeting that the database keeps
current (``kb_meeting.search_document``, GIN-indexed; migration 0013), so a search reads
one index however many meetings, articles and gifts there are.
The pages' ``?q=`` and the API's ``?search=`` both come here.
"""

from __future__ import annotations

import functools
import re

from django.db import connection
from django.db.models import Expression, Q
from django.db.models.expressions import Col

from kb.changes import AGREEMENTS, EVIDENCE, GIFTS, MEETINGS
from kb.models import Agreement, Evidence, Gift, Meeting

Participation = Meeting.participants.through


#: The ``kb.changes`` areas whose data a search reads: the meetings (place, topics,
#: participants; a participant's names are labels whose edits move ``meetings``), the
#: gifts' items, the agreements' summaries, and the titles and texts of the articles the
#: evidence cites (an edit of those moves ``evidence``). Not ``articles``: an upload's
#: status (queued, processing, done) changes no word searched, and leaves searches cached.
SEARCH_AREAS = (MEETINGS, GIFTS, AGREEMENTS, EVIDENCE)

SEARCH_CONFIG = "english"
MAX_QUERY_LENGTH = 200
MAX_SEARCH_TERMS = 8

_TERM_RE = re.compile(r'(-?)"([^"]+)"|(-?)(\S+)')


def search_terms(q: str) -> list[tuple[bool, str]]:
    """Split a websearch-style query into (negated, term) pairs for the fallback.

    "quoted phrases" stay whole, a leading minus excludes, OR is ignored (every term
    must match somewhere, as with PostgreSQL's default AND).
    """
    terms = []
    for match in _TERM_RE.finditer(q):
        neg1, phrase, neg2, word = match.groups()
        negated = bool(neg1 or neg2)
        text = (phrase or word or "").strip()
        if not text or text.upper() == "OR" or text == "-":
            continue
        terms.append((negated, text))
    return terms[:MAX_SEARCH_TERMS]


def _fallback_term(term: str) -> Q:
    """Meetings where any searched field contains the term (case-insensitive)."""
    sources = [
        Meeting.objects.filter(Q(place__icontains=term) | Q(topics__icontains=term)),
        Meeting.objects.filter(
            pk__in=Participation.objects.filter(
                Q(leader__name__icontains=term) | Q(leader__other_names__icontains=term)
            ).values("meeting_id")
        ),
    ]
    ids = [
        Gift.objects.visible().filter(item__icontains=term).values("meeting_id"),
        Agreement.objects.visible().filter(summary__icontains=term).values("meeting_id"),
        Evidence.objects.filter(meeting__isnull=False)
        .filter(Q(article__title__icontains=term) | Q(article__text__icontains=term))
        .values("meeting_id"),
    ]
    condition = Q(pk__in=sources[0].values("pk")) | Q(pk__in=sources[1].values("pk"))
    for subquery in ids:
        condition |= Q(pk__in=subquery)
    return condition


def _fallback_search(meetings, q: str):
    for negated, term in search_terms(q):
        condition = _fallback_term(term)
        meetings = meetings.exclude(condition) if negated else meetings.filter(condition)
    return meetings


class _Document(Expression):
    """The meeting's search document: ``kb_meeting.search_document``, a column the
    database keeps (migration 0013) and no model field, named on the query's own
    meetings table so that it is relabelled with it inside a subquery."""

    def resolve_expression(self, query=None, *args, **kwargs):
        from django.contrib.postgres.search import SearchVectorField

        target = SearchVectorField()
        target.set_attributes_from_name("search_document")
        target.model = Meeting
        return Col(query.get_initial_alias(), target, output_field=SearchVectorField())


def _postgres_term(term: str) -> Q:
    """Meetings whose search document matches the term (websearch syntax, English)."""
    from django.contrib.postgres.search import SearchQuery

    text = f'"{term}"' if " " in term else term
    return Q(_document=SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG))


def _searchable_terms(terms: list[tuple[bool, str]]) -> list[tuple[bool, str]]:
    """Drop terms that are only stop words ("the", "of"): PostgreSQL would match nothing
    for them, where a reader expects them to be ignored. One query for all terms."""
    if not terms:
        return terms
    sizes = _query_sizes(tuple(f'"{term}"' if " " in term else term for _, term in terms))
    return [term for term, size in zip(terms, sizes, strict=True) if size]


@functools.lru_cache(maxsize=4096)
def _query_sizes(texts: tuple[str, ...]) -> tuple:
    """How many nodes each text's query has once stop words are dropped: fixed by the
    text search configuration, so asked once per process (a repeated search, whose page
    is kept until a write, then costs no query at all)."""
    selects = ", ".join(["numnode(websearch_to_tsquery(%s::regconfig, %s))"] * len(texts))
    params = [value for text in texts for value in (SEARCH_CONFIG, text)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}", params)  # noqa: S608 - placeholders only
        return tuple(cursor.fetchone())


def _postgres_search(meetings, q: str):
    """PostgreSQL full-text search, term by term with the fallback's semantics: every
    term (word or "quoted phrase") must match some field, -term excludes. Matching is
    English-stemmed ("cooperating" finds "cooperation")."""
    terms = _searchable_terms(search_terms(q))
    if terms:
        meetings = meetings.alias(_document=_Document())
    for negated, term in terms:
        condition = _postgres_term(term)
        meetings = meetings.exclude(condition) if negated else meetings.filter(condition)
    return meetings


def uses_postgres_search() -> bool:
    return connection.vendor == "postgresql"


def search_meetings(meetings, q: str):
    q = (q or "").strip()[:MAX_QUERY_LENGTH]
    if not q:
        return meetings
    if uses_postgres_search():
        return _postgres_search(meetings, q)
    return _fallback_search(meetings, q)
