"""Tests for ingest.evaluation: the scorer on small hand-made gold/predicted dicts."""

from __future__ import annotations

import copy

import pytest

from ingest.evaluation.conflict import ConflictFact
from ingest.evaluation.matching import FACT_TYPES, item_words, items_match, normalise_name
from ingest.evaluation.results import Counts
from ingest.evaluation.scoring import evaluate, parse_thresholds, score_article

DALTON = {"name": "Mark Dalton", "country": "US", "title": "President"}
LI = {"name": "Li Wei", "country": "CN", "title": "President"}
MEHTA = {"name": "Ravi Mehta", "country": "IN", "title": "Prime Minister"}

GOLD = {
    "article": "a.txt",
    "published": "2023-11-16",
    "leaders": [DALTON, LI],
    "countries": ["CN", "US"],
    "meetings": [
        {
            "participants": ["Mark Dalton", "Li Wei"],
            "kind": "talks",
            "host_country": "US",
            "place": "Lakeside estate",
            "date": "2023-11-15",
            "topics": ["fisheries"],
        }
    ],
    "gifts": [
        {"giver": "Mark Dalton", "recipient": "Li Wei", "item": "antique brass telescope"},
        {"giver": "Li Wei", "recipient": "Mark Dalton", "item": "porcelain vase"},
    ],
    "agreements": [
        {
            "parties": ["Mark Dalton", "Li Wei"],
            "kind": "agreement",
            "status": "agreed",
            "summary": "Share flood forecasting data",
        }
    ],
    "not_facts": ["ignored"],
}


def variant(**changes):
    """A deep copy of GOLD with top-level keys replaced."""
    pred = copy.deepcopy(GOLD)
    pred.update(copy.deepcopy(changes))
    return pred


def counts(score, fact_type):
    c = score.counts[fact_type]
    return (c.tp, c.fp, c.fn)


# --- whole-article cases: (predicted, expected {type: (tp, fp, fn)}) ---------------

CASES = {
    "exact match": (
        variant(),
        {"leaders": (2, 0, 0), "countries": (2, 0, 0), "meetings": (1, 0, 0), "gifts": (2, 0, 0)},
    ),
    "missing gift lowers recall": (
        variant(gifts=GOLD["gifts"][:1]),
        {"gifts": (1, 0, 1)},
    ),
    "swapped giver and recipient is fp + fn": (
        variant(
            gifts=[
                {"giver": "Li Wei", "recipient": "Mark Dalton", "item": "antique brass telescope"},
                GOLD["gifts"][1],
            ]
        ),
        {"gifts": (1, 1, 1)},
    ),
    "fuzzy item: subset of content words": (
        variant(
            gifts=[
                {"giver": "Mark Dalton", "recipient": "Li Wei", "item": "a brass telescope"},
                {"giver": "Li Wei", "recipient": "Mark Dalton", "item": "the vase"},
            ]
        ),
        {"gifts": (2, 0, 0)},
    ),
    "unrelated item does not match": (
        variant(
            gifts=[
                {"giver": "Mark Dalton", "recipient": "Li Wei", "item": "a bicycle"},
                GOLD["gifts"][1],
            ]
        ),
        {"gifts": (1, 1, 1)},
    ),
    "accents, case and punctuation in names": (
        variant(
            leaders=[
                {"name": "MARK DALTON", "country": "us", "title": "president"},
                {"name": "Li  Wei.", "country": "CN", "title": "President"},
            ]
        ),
        {"leaders": (2, 0, 0)},
    ),
    "extra leader and country are false positives": (
        variant(leaders=[DALTON, LI, MEHTA], countries=["CN", "IN", "US"]),
        {"leaders": (2, 1, 0), "countries": (2, 1, 0)},
    ),
    "meeting with other participants": (
        variant(meetings=[{**GOLD["meetings"][0], "participants": ["Mark Dalton", "Ravi Mehta"]}]),
        {"meetings": (0, 1, 1)},
    ),
    "meeting participants in another order": (
        variant(meetings=[{**GOLD["meetings"][0], "participants": ["Li Wei", "Mark Dalton"]}]),
        {"meetings": (1, 0, 0)},
    ),
    "agreement parties as ISO codes": (
        variant(agreements=[{**GOLD["agreements"][0], "parties": ["CN", "US"]}]),
        {"agreements": (1, 0, 0)},
    ),
    "agreement with wrong kind": (
        variant(agreements=[{**GOLD["agreements"][0], "kind": "treaty"}]),
        {"agreements": (0, 1, 1)},
    ),
    "agreement with other parties": (
        variant(agreements=[{**GOLD["agreements"][0], "parties": ["Mark Dalton", "Ravi Mehta"]}]),
        {"agreements": (0, 1, 1)},
    ),
    "nothing predicted": (
        {"article": "a.txt"},
        {"leaders": (0, 0, 2), "countries": (0, 0, 2), "meetings": (0, 0, 1)},
    ),
}


@pytest.mark.parametrize("predicted, expected", CASES.values(), ids=CASES.keys())
def test_article_counts(predicted, expected):
    score = score_article(GOLD, predicted)
    for fact_type, triple in expected.items():
        assert counts(score, fact_type) == triple, fact_type


def test_exact_match_scores_one_everywhere():
    result = evaluate([(GOLD, variant())])
    for fact_type in FACT_TYPES:
        c = result.counts[fact_type]
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0), fact_type
    for name, ratio in result.accuracies.items():
        assert ratio.value == 1.0, name
    assert result.articles[0].perfect


def test_missing_gift_recall_drop():
    result = evaluate([(GOLD, variant(gifts=GOLD["gifts"][:1]))])
    gifts = result.counts["gifts"]
    assert gifts.precision == 1.0
    assert gifts.recall == 0.5
    assert gifts.f1 == pytest.approx(2 / 3)
    assert result.articles[0].false_negatives["gifts"] == [GOLD["gifts"][1]]


def test_swapped_gift_listed_as_fp_and_fn():
    swapped = {"giver": "Li Wei", "recipient": "Mark Dalton", "item": "antique brass telescope"}
    score = score_article(GOLD, variant(gifts=[swapped, GOLD["gifts"][1]]))
    assert score.false_positives["gifts"] == [swapped]
    assert score.false_negatives["gifts"] == [GOLD["gifts"][0]]


@pytest.mark.parametrize(
    "gold_item, predicted_item, expected",
    [
        ("antique brass telescope", "brass telescope", True),  # subset
        ("telescope", "an antique brass telescope", True),  # superset
        ("lantern from a lighthouse", "the lighthouse lantern", True),  # stop words
        ('signed first-edition copy of "The Long River Songs"', "Long River Songs",
         True),  # quotes, hyphen
        ("framed copy of Maria Lund's first flight log",
         "copy of Lund's flight log", True),  # possessive 's
        ("cedar box", "cedar chest", False),  # Jaccard 1/3
        ("hand-carved walnut bowl", "handcarved bowl", False),  # 1/4 overlap, no subset
        ("silver tea set", "silver tea tray", True),  # Jaccard 2/4 = 0.5
        ("Swiss-made watch", "South African-made pen", False),
        ("", "", True),
        ("the", "a box", False),  # no content word only matches no content word
    ],
)  # fmt: skip
def test_items_match(gold_item, predicted_item, expected):
    assert items_match(gold_item, predicted_item) is expected
    assert items_match(predicted_item, gold_item) is expected


def test_item_words_and_names():
    assert item_words("The Queen's gift of a silver-gilt box") == {
        "queen", "gift", "silver", "gilt", "box",
    }  # fmt: skip
    assert normalise_name("  José   Núñez ") == "jose nunez"
    assert normalise_name("Park Min-jun") == normalise_name("Park Min Jun")
    assert normalise_name("Mary J. Holt") == "mary j holt"
    assert normalise_name(None) == ""


def test_fuzzy_items_pair_the_best_overlap_first():
    gold = {
        "gifts": [
            {"giver": "A", "recipient": "B", "item": "map"},
            {"giver": "A", "recipient": "B", "item": "map of coastal shipping lanes"},
        ]
    }
    predicted = {
        "gifts": [
            {"giver": "A", "recipient": "B", "item": "coastal shipping lanes map"},
            {"giver": "A", "recipient": "B", "item": "map"},
        ]
    }
    score = score_article(gold, predicted)
    assert counts(score, "gifts") == (2, 0, 0)


def test_agreement_parties_by_name_or_country():
    gold = {
        "leaders": [DALTON, LI],
        "agreements": [
            {"parties": ["US", "CN"], "kind": "agreement", "status": "agreed", "summary": "x"},
            {"parties": ["Mark Dalton", "Li Wei"], "kind": "deal", "status": "signed"},
        ],
    }
    predicted = {
        # the predicted leaders' countries map names to codes on the predicted side
        "leaders": [DALTON, LI],
        "agreements": [
            {"parties": ["Li Wei", "Mark Dalton"], "kind": "agreement", "status": "agreed"},
            {"parties": ["CN", "US"], "kind": "deal", "status": "signed"},
        ],
    }
    assert counts(score_article(gold, predicted), "agreements") == (2, 0, 0)

    # without a country for Li among the predicted leaders the mapping fails
    predicted["leaders"] = [DALTON, {**LI, "country": None}]
    assert counts(score_article(gold, predicted), "agreements") == (1, 1, 1)


def test_agreement_prefers_pairs_equal_by_name():
    gold = {
        "leaders": [DALTON, LI],
        "agreements": [
            {"parties": ["US", "CN"], "kind": "agreement", "status": "agreed"},
            {"parties": ["Mark Dalton", "Li Wei"], "kind": "agreement", "status": "agreed"},
        ],
    }
    predicted = {
        "leaders": [DALTON, LI],
        "agreements": [
            {"parties": ["Mark Dalton", "Li Wei"], "kind": "agreement", "status": "agreed"}
        ],
    }
    score = score_article(gold, predicted)
    assert counts(score, "agreements") == (1, 0, 1)
    assert score.false_negatives["agreements"] == [gold["agreements"][0]]


def test_agreement_status_errors():
    predicted = variant(agreements=[{**GOLD["agreements"][0], "status": "signed"}])
    result = evaluate([(GOLD, predicted)])
    assert counts(result.articles[0], "agreements") == (0, 1, 1)
    assert result.agreement_status_errors == 1
    assert "status" in result.articles[0].mismatches[0]


def test_meeting_date_kind_and_host_accuracy():
    base = GOLD["meetings"][0]
    gold = {
        "meetings": [
            base,
            {**base, "date": None, "kind": "summit", "host_country": "PE", "place": "Lima"},
        ]
    }
    predicted = {
        "meetings": [
            # the undated one comes first: matching still pairs equal dates
            {**base, "date": None, "kind": "summit", "host_country": "PE", "place": None},
            {**base, "kind": "visit"},
        ]
    }
    result = evaluate([(gold, predicted)])
    assert counts(result.articles[0], "meetings") == (2, 0, 0)
    acc = result.accuracies
    assert (acc["meeting_date_accuracy"].correct, acc["meeting_date_accuracy"].total) == (2, 2)
    assert acc["meeting_kind_accuracy"].value == 0.5
    assert acc["meeting_host_accuracy"].value == 1.0

    predicted["meetings"][0]["date"] = "2022-11-14"
    result = evaluate([(gold, predicted)])
    assert result.accuracies["meeting_date_accuracy"].value == 0.5


def test_leader_country_and_title_accuracy():
    predicted = variant(leaders=[{**DALTON, "country": "GB"}, {**LI, "title": "Chairman"}])
    result = evaluate([(GOLD, predicted)])
    assert result.counts["leaders"].tp == 2
    assert result.accuracies["leader_country_accuracy"].value == 0.5
    assert result.accuracies["leader_title_accuracy"].value == 0.5


def test_empty_gold_and_empty_prediction_score_one():
    result = evaluate([({"article": "x.txt"}, {"article": "x.txt"})])
    for fact_type in FACT_TYPES:
        c = result.counts[fact_type]
        assert (c.tp, c.fp, c.fn) == (0, 0, 0)
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)
    assert all(r.value is None for r in result.accuracies.values())
    assert result.check(min_metrics={"meeting_date_accuracy": 0.8}) == []


@pytest.mark.parametrize(
    "tp, fp, fn, p, r",
    [
        # an empty denominator gives 0.0 unless both sides are empty
        (0, 1, 0, 0.0, 0.0),
        (0, 0, 1, 0.0, 0.0),
        (1, 1, 0, 0.5, 1.0),
        (3, 1, 2, 0.75, 0.6),
    ],
)
def test_counts_formulas(tp, fp, fn, p, r):
    c = Counts(tp, fp, fn)
    assert (c.precision, c.recall) == (pytest.approx(p), pytest.approx(r))
    assert c.f1 == pytest.approx(0.0 if p + r == 0 else 2 * p * r / (p + r))


def test_micro_average_over_articles():
    perfect = (GOLD, variant())
    half = (GOLD, variant(gifts=[]))
    result = evaluate([perfect, half])
    gifts = result.counts["gifts"]
    assert (gifts.tp, gifts.fp, gifts.fn) == (2, 0, 2)
    assert gifts.recall == 0.5


def test_check_names_each_failed_threshold():
    result = evaluate(
        [(GOLD, variant(gifts=[]))],
        conflicts=[ConflictFact("a.txt", "meetings", "m", "threatened", "He threatened.")],
    )
    failures = result.check(
        min_f1={"gifts": 0.85, "leaders": 0.9},
        min_metrics={"meeting_date_accuracy": 0.8},
        max_conflict_facts=0,
    )
    assert len(failures) == 2
    assert failures[0].startswith("gifts F1 0.000 < 0.85")
    assert failures[1] == "conflict_facts 1 > 0"


def test_to_dict_is_json_ready():
    import json

    result = evaluate([(GOLD, variant(gifts=[]))])
    data = json.loads(json.dumps(result.to_dict(details=True)))
    assert data["scores"]["gifts"]["recall"] == 0.0
    assert data["per_article"][0]["false_negatives"]["gifts"] == GOLD["gifts"]


def test_parse_thresholds():
    assert parse_thresholds("leaders=0.9, gifts=0.85", allowed=FACT_TYPES, option="--min-f1") == {
        "leaders": 0.9,
        "gifts": 0.85,
    }
    assert parse_thresholds("", allowed=FACT_TYPES, option="--min-f1") == {}
    for bad in ("leaders", "people=0.9", "leaders=high"):
        with pytest.raises(ValueError, match="--min-f1"):
            parse_thresholds(bad, allowed=FACT_TYPES, option="--min-f1")
