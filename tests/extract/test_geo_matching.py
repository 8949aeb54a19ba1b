"""Tests for gazetteer.geo: organisations, country and place names matched at the start
of a run of tokens, and the normalised lookup key.  Pure lookups, no database."""

from __future__ import annotations

import pytest

from gazetteer import geo


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("EU", "EU"),
        ("European Union", "EU"),
        ("NATO", "NATO"),
        ("Nato", "NATO"),
        ("the UN", "UN"),
        ("United Nations", "UN"),
        ("G7", "G7"),
        ("G-7", "G7"),
        ("G20", "G20"),
        ("Group of 20", "G20"),
        ("BRICS", "BRICS"),
        ("ASEAN", "ASEAN"),
        ("Asean", "ASEAN"),
        ("APEC", "APEC"),
        ("the Quad", "Quad"),
        ("African Union", "African Union"),
        ("AU", "African Union"),
        ("OSCE", "OSCE"),
        ("IAEA", "IAEA"),
        ("WTO", "WTO"),
        ("OPEC", "OPEC"),
        ("OPEC+", "OPEC"),
        ("SCO", "SCO"),
        ("Shanghai Cooperation Organisation", "SCO"),
        ("GCC", "GCC"),
        ("Gulf Cooperation Council", "GCC"),
        ("AUKUS", "AUKUS"),
        ("WHO", "WHO"),
    ],
)
def test_organisation_for(text, org):
    assert geo.organisation_for(text) == org
    assert geo.country_for(text) is None


@pytest.mark.parametrize("text", ["Russia", "the West", "Who", "Un", "nato", "Korea"])
def test_organisation_for_non_organisations(text):
    assert geo.organisation_for(text) is None


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (["North", "Korean", "troops"], ("KP", 2)),
        (["North", "Korea", "'s", "leader"], ("KP", 2)),
        (["United", "Arab", "Emirates", "and", "Qatar"], ("AE", 3)),
        (["the", "United", "States", "said"], ("US", 3)),
        (["Democratic", "Republic", "of", "the", "Congo", "and"], ("CD", 5)),
        (["Republic", "of", "the", "Congo"], ("CG", 4)),
        (["Guinea", "-", "Bissau", "."], ("GW", 3)),
        (["Papua", "New", "Guinea"], ("PG", 3)),
        (["Russia", "-", "Ukraine", "war"], ("RU", 1)),
        (["U.S.", "officials"], ("US", 1)),
        (["Seoul", "and", "Tokyo"], ("KR", 1)),
        (["South", "African", "president"], ("ZA", 2)),
        (["Latin", "American", "leaders"], None),
        (["West", "Bank"], None),
        (["Korean", "Peninsula"], None),
        (["Indian", "Ocean"], None),
        (["the", "European", "Union"], None),
        (["said", "Russia"], None),
        ([], None),
    ],
)
def test_match_country_prefix(tokens, expected):
    assert geo.match_country_prefix(tokens) == expected


def test_match_country_prefix_without_capitals():
    assert geo.match_country_prefix(["Seoul", "said"], include_capitals=False) is None
    assert geo.match_country_prefix(["Mexico", "City"], include_capitals=False) == ("MX", 1)
    assert geo.match_country_prefix(["Mexico", "City"]) == ("MX", 2)


@pytest.mark.parametrize(
    ("tokens", "kind", "n"),
    [
        (["Latin", "American", "leaders"], "non_state", 2),
        (["the", "European", "Union", "said"], "organisation", 3),
        (["Korean", "War"], "ambiguous", 1),
        (["the", "Kremlin", "'s"], "metonym", 2),
    ],
)
def test_match_geo_prefix(tokens, kind, n):
    match, length = geo.match_geo_prefix(tokens)
    assert (match.kind, length) == (kind, n)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("the Kremlin’s", "kremlin"),
        ("Côte d’Ivoire", "cote d'ivoire"),
        ("U.S.", "us"),
        ("North Korea-", "north korea"),
        ("Guinea-Bissau", "guinea bissau"),
    ],
)
def test_normalise(text, key):
    assert geo.normalise(text) == key
