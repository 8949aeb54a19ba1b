"""Countries an article names: by name, demonym, or capital standing for a government;
never organisations, regions, cities alone or capitals inside a document's name."""

from __future__ import annotations

import datetime as dt

import pytest

CASES = [
    ("name-and-demonym", "Brazilian officials met Indonesia's trade minister.", {"BR", "ID"}),
    ("capital-as-government", "Washington and Beijing agreed to talk again.", {"US", "CN"}),
    ("organisations-are-not-states", "NATO and the EU welcomed the G7 statement.", set()),
    ("document-name", "Both joined the Paris climate agreement.", set()),
    ("region-is-not-a-state", "Leaders from Europe and Asia met in the Gulf.", set()),
    ("city-alone", "The talks were held in Geneva.", set()),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_article_countries(run, text, expected):
    assert set(run(text).countries) == expected


def test_moscow_before_1992_is_the_soviet_union(run):
    ex = run("Moscow welcomed the treaty.", published=dt.date(1987, 12, 9))
    assert set(ex.countries) == {"SU"}


def test_leader_country_from_the_host_side_is_not_guessed_from_counts(run):
    ex = run(
        "President Anna Novak met President Mark Dalton on Tuesday. "
        "They discussed Iran and sanctions relief for Iran."
    )
    assert {m.country for m in ex.leaders} <= {None}
