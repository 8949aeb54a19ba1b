"""Visible facts, the facts of an article, agreements by country, and counts."""

import pytest

from kb.models import Agreement, ReviewState
from kb.selectors.counts import record_counts
from kb.selectors.facts import (
    agreement_involving_country,
    article_fact_counts,
    facts_of_article,
)

pytestmark = pytest.mark.django_db


def test_an_articles_facts_are_the_visible_ones_its_evidence_supports(world):
    article = world["article"]
    found = facts_of_article(article.pk)
    assert list(found["meetings"]) == [world["kanazawa"]]
    assert list(found["gifts"]) == [world["pen"]]
    assert list(found["agreements"]) == [world["roadmap"]]

    world["roadmap"].review_state = ReviewState.REJECTED
    world["roadmap"].save()
    assert list(facts_of_article(article.pk)["agreements"]) == []
    assert article_fact_counts(article.pk) == {"meetings": 1, "gifts": 1, "agreements": 0}


def test_agreements_of_a_country_include_those_of_its_leaders(world):
    def of(code):
        return set(Agreement.objects.filter(agreement_involving_country(code)))

    assert of("us") == {world["pledge"]}  # a party through Mark Dalton only
    assert of("FR") == {world["pledge"], world["roadmap"]}
    assert of("JP") == {world["roadmap"]}


def test_record_counts_leave_out_what_readers_cannot_see(world):
    counts = record_counts()
    assert counts["meetings"] == 5  # six, one rejected
    assert counts["leaders"] == 4 and counts["countries"] == 4
    assert (counts["gifts"], counts["agreements"]) == (2, 2)
    assert counts["articles"] == 4
