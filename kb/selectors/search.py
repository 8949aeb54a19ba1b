"""Full-text search over meetings: words, "quoted phrases" and -exclusions.

PostgreSQL's text search (websearch syntax) when the database is PostgreSQL, and
case-insensitive substring matching elsewhere (SQLite in development and in most tests).
Both search the same fields: the meeting's place and topics, its participants' names, its
gifts' items, its agreements' summaries, and the titles and texts of its source articles.
The pages' ``?q=`` and the API's ``?search=`` both come here.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from kb.models import Agreement, Article, Evidence, Gift, Leader, Meeting

Participation = Meeting.participants.through


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


def _postgres_term(term: str) -> Q:
    """Meetings where any searched field matches the term (PostgreSQL text search).

    Each table is searched on its own, on the expressions the GIN indexes of migration
    0004 cover, then mapped to meeting ids.
    """
    from django.contrib.postgres.search import SearchQuery, SearchVector

    text = f'"{term}"' if " " in term else term
    query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)

    def matching(queryset, *fields):
        vector = SearchVector(*fields, config=SEARCH_CONFIG)
        return queryset.annotate(_search=vector).filter(_search=query)

    own = matching(Meeting.objects.all(), "place", Cast("topics", output_field=TextField())).values(
        "pk"
    )
    leaders = matching(
        Leader.objects.all(), "name", Cast("other_names", output_field=TextField())
    ).values("pk")
    people = Participation.objects.filter(leader_id__in=leaders).values("meeting_id")
    gifts = matching(Gift.objects.visible(), "item").values("meeting_id")
    agreements = matching(Agreement.objects.visible(), "summary").values("meeting_id")
    articles = matching(Article.objects.all(), "title", "text").values("pk")
    sources = Evidence.objects.filter(meeting__isnull=False, article_id__in=articles).values(
        "meeting_id"
    )
    return (
        Q(pk__in=own)
        | Q(pk__in=people)
        | Q(pk__in=gifts)
        | Q(pk__in=agreements)
        | Q(pk__in=sources)
    )


def _searchable_terms(terms: list[tuple[bool, str]]) -> list[tuple[bool, str]]:
    """Drop terms that are only stop words ("the", "of"): PostgreSQL would match nothing
    for them, where a reader expects them to be ignored. One query for all terms."""
    if not terms:
        return terms
    selects = ", ".join(["numnode(websearch_to_tsquery(%s::regconfig, %s))"] * len(terms))
    params = []
    for _, term in terms:
        params += [SEARCH_CONFIG, f'"{term}"' if " " in term else term]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {selects}", params)  # noqa: S608 - placeholders only
        sizes = cursor.fetchone()
    return [term for term, size in zip(terms, sizes, strict=True) if size]


def _postgres_search(meetings, q: str):
    """PostgreSQL full-text search, term by term with the fallback's semantics: every
    term (word or "quoted phrase") must match some field, -term excludes. Matching is
    English-stemmed ("cooperating" finds "cooperation")."""
    for negated, term in _searchable_terms(search_terms(q)):
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
