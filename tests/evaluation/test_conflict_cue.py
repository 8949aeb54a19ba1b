"""Tests for ingest.evaluation.conflict_cue, the independent conflict-sentence audit."""

from __future__ import annotations

import pytest

from ingest.evaluation.conflict import conflict_cue


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("He threatened to walk out of the talks.", "threatened"),
        ("The threat of new sanctions hung over the summit.", "threat"),
        ("Protesters gathered outside the palace.", "protesters"),
        ("Fighting continued in the east.", "fighting"),
        ("Russia invaded Ukraine in 2022.", "invaded"),
        ("after the invasion", "invasion"),
        ("Kyiv rejected the proposal.", "rejected"),
        ("a rejection of the plan", "rejection"),
        ("Warnings were issued.", "warnings"),
        ("She condemned the missile strike.", "condemned"),
        ("Troops clashed at the border.", "clashed"),
        ("The town was shelled overnight.", "shelled"),
        ("A drone struck a depot.", "struck"),
        ("He demanded an apology.", "demanded"),
    ],
)
def test_finds_cues(sentence, cue):
    assert conflict_cue(sentence) == cue


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders signed a treaty on Tuesday.",
        "They struck a deal on grain exports.",
        "The sides hope to strike an agreement soon.",
        "Executives from Shell attended the dinner.",
        "Poland pledged fighter jets to the alliance.",
        "The threadbare carpet and the sanctuary were restored.",
        "",
    ],
)
def test_ignores_non_cues(sentence):
    assert conflict_cue(sentence) is None
