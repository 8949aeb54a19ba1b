"""The lists' word search (``kb.selectors.listing.words_in``, issue 14) tests a field
across a foreign key through the key (``giver_id`` among the matching leaders), a word
as the union of what each field finds, so that PostgreSQL answers it from indexes:
these tests pin that it finds exactly what the joins found before, for words, "quoted
phrases" and -exclusions, in every list that uses it, and (on PostgreSQL) that
migration 0023's trigram indexes answer a search."""

import functools
import operator
import os
from urllib.parse import urlencode

import pytest
from django.db import connection
from django.db.models import Q
from django.http import QueryDict

from kb.models import ReviewState
from kb.selectors import lists
from kb.selectors.listing import words_in
from kb.selectors.search import MAX_SEARCH_TERMS, search_terms
from tests.factories import (
    AgreementFactory,
    ArticleFactory,
    CountryFactory,
    GiftFactory,
    LeaderFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


def joined_words_in(queryset, q, fields):
    """The search as it was before issue 14: each field looked up across its joins."""
    for negated, term in search_terms(q or "")[:MAX_SEARCH_TERMS]:
        found = functools.reduce(
            operator.or_, (Q(**{f"{name}__icontains": term}) for name in fields)
        )
        queryset = queryset.exclude(found) if negated else queryset.filter(found)
    return queryset


@pytest.fixture
def data():
    """Words met in items, names and places, in several cases; a gift and an
    agreement without a meeting (which a -word on the place must keep), and a rejected
    gift (which the list leaves out either way)."""
    becker = LeaderFactory(name="Jonas Becker")
    tanaka = LeaderFactory(name="Emi TANAKA")
    steady = LeaderFactory(name="Rosa Morgan")
    oslo = MeetingFactory(place="Oslo City Hall")
    teahouse = MeetingFactory(place="The Old Teahouse, Kyoto")
    gifts = {
        "set": GiftFactory(item="silver tea set", giver=becker, recipient=tanaka, meeting=oslo),
        "bowl": GiftFactory(item="Crystal Bowl", giver=tanaka, recipient=steady, meeting=teahouse),
        "pen": GiftFactory(item="fountain pen", giver=steady, recipient=becker, meeting=None),
        "pencil": GiftFactory(item="pencil case 50% off", giver=becker, recipient=steady),
        "carpet": GiftFactory(item="carpet", giver=tanaka, recipient=becker, meeting=oslo),
        "rejected": GiftFactory(
            item="tea chest", giver=becker, recipient=tanaka, review_state=ReviewState.REJECTED
        ),
    }
    agreements = {
        "trade": AgreementFactory(summary="Trade and tea tariffs", meeting=oslo),
        "space": AgreementFactory(summary="Space cooperation", meeting=teahouse),
        "loose": AgreementFactory(summary="Fisheries (no meeting)", meeting=None),
        "blank": AgreementFactory(summary="", meeting=oslo),
    }
    articles = {
        "oslo": ArticleFactory(title="Leaders meet in Oslo", source="https://news.example/a"),
        "tea": ArticleFactory(title="A Tea ceremony", source="upload.txt"),
        "bowl": ArticleFactory(title="Crystal bowl given", source="https://tea.example/b"),
    }
    countries = {
        "tealand": CountryFactory(name="Tealand", official_name="Republic of Tea Hills"),
        "oslovia": CountryFactory(name="Oslovia", official_name=""),
    }
    return {"gifts": gifts, "agreements": agreements, "articles": articles, "countries": countries}


QUERIES = [
    "tea",
    "TEA",
    "-tea",
    "tea -oslo",
    "oslo",
    "-oslo",  # the gift and agreement without a meeting stay
    "becker",
    "-becker",
    "becker tanaka",
    "becker -tanaka",
    '"crystal bowl"',
    '-"crystal bowl"',
    '"tea set" hall',
    "pen -fountain",
    "50%",
    "_",
    "kyoto teahouse morgan",
    "ia",
    "nothing-like-this",
    "-nothing-like-this",
    "example",
]

LISTS = [
    (lists.GiftFilters, {}),
    (lists.AgreementFilters, {}),
    (lists.ArticleFilters, {}),
    (lists.CountryFilters, {"all": "1"}),
]


def searched(filters_cls, extra, q, monkeypatch):
    """The list's rows for ``q`` now, the rows the joins found for the same fields (the
    list's own, as it passes them to words_in) from the list's other filters, and those
    fields."""
    seen = {}

    def spy(queryset, text, fields):
        seen["fields"] = fields
        return words_in(queryset, text, fields)

    monkeypatch.setattr(lists, "words_in", spy)
    filters = filters_cls.from_query(QueryDict(urlencode({**extra, "q": q})))
    now = set(filters.filter(filters.base()).values_list("pk", flat=True))
    unsearched = filters_cls.from_query(QueryDict(urlencode(extra)))
    before = joined_words_in(unsearched.filter(unsearched.base()), q, seen["fields"])
    return now, set(before.values_list("pk", flat=True)), seen["fields"]


@pytest.mark.parametrize(("filters_cls", "extra"), LISTS, ids=lambda x: getattr(x, "noun", ""))
def test_every_list_finds_what_the_joins_found(filters_cls, extra, data, monkeypatch):
    nonempty = 0
    for q in QUERIES:
        now, before, fields = searched(filters_cls, extra, q, monkeypatch)
        assert now == before, (q, fields)
        nonempty += bool(now)
    assert nonempty >= 5  # the comparison is not between empty lists


def test_the_gifts_search_by_item_name_place_phrase_and_exclusion(data, monkeypatch):
    gifts = data["gifts"]

    def found(q):
        now, _, fields = searched(lists.GiftFilters, {}, q, monkeypatch)
        assert fields == ("item", "giver__name", "recipient__name", "meeting__place")
        return {name for name, gift in gifts.items() if gift.pk in now}

    # The item, and the place of the meeting ("Teahouse"); not the rejected tea chest.
    assert found("tea") == {"set", "bowl"}
    assert found("TANAKA") == {"set", "bowl", "carpet"}  # giver or recipient
    assert found("becker -tanaka") == {"pen", "pencil"}
    assert found('"crystal bowl"') == {"bowl"}
    assert found('"bowl crystal"') == set()
    assert found("-oslo") == {"bowl", "pen", "pencil"}  # without a meeting: kept
    assert found("pen -fountain") == {"pencil"}
    assert found("50%") == {"pencil"}  # % is a character, not a wildcard


def test_the_agreements_search_by_summary_and_place(data, monkeypatch):
    agreements = data["agreements"]

    def found(q):
        now, _, _ = searched(lists.AgreementFilters, {}, q, monkeypatch)
        return {name for name, agreement in agreements.items() if agreement.pk in now}

    assert found("tea") == {"trade", "space"}  # the summary, or the Teahouse
    assert found("hall") == {"trade", "blank"}
    assert found("-hall") == {"space", "loose"}


def test_a_field_across_a_key_is_tested_on_the_listed_table(data):
    """No join: each branch is on kb_gift's own columns (what lets PostgreSQL combine
    index scans), the related rows in subqueries."""
    from kb.models import Gift

    fields = ("item", "giver__name", "recipient__name", "meeting__place")
    sql = str(words_in(Gift.objects.all(), "tea -oslo", fields).query)
    assert "JOIN" not in sql.upper()
    assert '"kb_gift"."giver_id"' in sql and '"kb_gift"."meeting_id"' in sql


# ---- PostgreSQL: the indexes ------------------------------------------------------------------

TRIGRAM_INDEXES = {
    "kb_gift_item_trgm": "kb_gift",
    "kb_leader_name_trgm": "kb_leader",
    "kb_meeting_place_trgm": "kb_meeting",
    "kb_agreement_summary_trgm": "kb_agreement",
    "kb_article_title_trgm": "kb_article",
    "kb_article_source_trgm": "kb_article",
}


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # Only for this test's transaction: tables of a few rows would otherwise be
        # scanned whole, as they should be; the test asks whether an index can answer.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.skipif(not ON_POSTGRES, reason="the trigram indexes are PostgreSQL's (pg_trgm)")
class TestTrigramIndexes:
    def test_they_index_what_icontains_writes(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, tablename, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
                [list(TRIGRAM_INDEXES)],
            )
            rows = {name: (table, definition) for name, table, definition in cursor.fetchall()}
        assert {name: table for name, (table, _) in rows.items()} == TRIGRAM_INDEXES
        for _, definition in rows.values():
            assert "USING gin (upper(" in definition and "gin_trgm_ops" in definition

    @pytest.mark.parametrize(
        ("filters_cls", "indexes"),
        [
            # Not the leaders' index: for a few leaders the planner may as well read
            # them all, which is right, and not what this asks.
            (lists.GiftFilters, {"kb_gift_item_trgm"}),
            (lists.AgreementFilters, {"kb_agreement_summary_trgm"}),
            (lists.ArticleFilters, {"kb_article_title_trgm", "kb_article_source_trgm"}),
        ],
        ids=["gifts", "agreements", "articles"],
    )
    def test_a_search_reads_them_instead_of_scanning(self, filters_cls, indexes, data):
        filters = filters_cls.from_query(QueryDict("q=tea"))
        table = filters_cls.base(filters).model._meta.db_table
        explained = plan(filters.filter(filters.base()).order_by())
        assert f"Seq Scan on {table}" not in explained, explained
        for index in indexes:
            assert f"Bitmap Index Scan on {index}" in explained, explained
