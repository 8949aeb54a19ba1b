"""The held-meeting classifier (issue 11): the training command, the shipped model's
judgement on sentences written here, and the SUMMITRY_MEETING_MODEL switch around the
rules' meetings."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings

from ingest.extract import classifier
from ingest.training.meeting_data import HELD, NOT_HELD, sentences

HELD_SENTENCES = [
    "Chancellor Ingrid Solheim met President Mateo Ibarra in Santiago on Tuesday.",
    "Mateo Ibarra and Amara Mensah held talks on fisheries in Accra on Monday.",
    "President Wanjiru Kamau hosted Prime Minister Hiro Tanabe at State House on Wednesday.",
    "Hiro Tanabe spoke by telephone with Jonas Albrecht on Friday about the grain corridor.",
    "After their talks in Oslo on Monday, Solheim and Ibarra told reporters they had agreed "
    "on a fisheries pact.",
    "Kamau received Tanabe at the presidential palace in Nairobi on Sunday.",
]
NOT_HELD_SENTENCES = [
    "Chancellor Ingrid Solheim will meet President Mateo Ibarra in Santiago next month.",
    "Mateo Ibarra denied on Monday that he had met Amara Mensah in secret.",
    "President Wanjiru Kamau invited Prime Minister Hiro Tanabe to visit Nairobi next year.",
    "Hiro Tanabe called on Jonas Albrecht on Friday to hold direct talks on the border dispute.",
    "Solheim cancelled a planned meeting with Ibarra on Tuesday.",
    "Kamau accused Tanabe on Sunday of undermining the fisheries talks.",
    "Albrecht said on Thursday that he hopes to meet Mensah soon.",
    "Ibarra is expected to travel to Accra next week for talks with Mensah.",
]
MET = "Chancellor Ingrid Solheim met President Mateo Ibarra in Santiago on Tuesday."


def test_the_shipped_model_loads_and_tells_held_meetings_from_plans_and_denials():
    probs = classifier.held_probabilities(HELD_SENTENCES + NOT_HELD_SENTENCES)
    held, not_held = probs[: len(HELD_SENTENCES)], probs[len(HELD_SENTENCES) :]
    wrong = [s for s, p in zip(HELD_SENTENCES, held, strict=True) if p < 0.5]
    wrong += [s for s, p in zip(NOT_HELD_SENTENCES, not_held, strict=True) if p >= 0.5]
    assert wrong == []
    assert classifier.load().meta["name"] == "summitry_meeting_clf"


def test_the_shipped_model_is_small():
    files = [f for f in classifier.MODEL_DIR.rglob("*") if f.is_file()]
    assert sum(f.stat().st_size for f in files) < 5_000_000


def test_the_training_data_is_labelled_both_ways_and_the_same_for_a_seed():
    data = sentences(3, per_capability=2, per_template=2)
    assert data == sentences(3, per_capability=2, per_template=2)
    assert {label for _, label in data} == {HELD, NOT_HELD}
    assert len({text for text, _ in data}) == len(data)


def test_the_command_trains_a_tiny_model_that_loads_and_rebuilds_byte_for_byte(tmp_path):
    args = ["--seed", "0", "--epochs", "2", "--per-capability", "1", "--per-template", "1"]
    call_command("train_meeting_classifier", *args, "--out", str(tmp_path / "a"))
    call_command("train_meeting_classifier", *args, "--out", str(tmp_path / "b"))
    nlp = classifier.load(tmp_path / "a")
    assert set(nlp.get_pipe("textcat").labels) == {HELD, NOT_HELD}
    doc = nlp(classifier.features(MET))
    assert doc.cats[HELD] + doc.cats[NOT_HELD] == pytest.approx(1.0)
    weights = [(tmp_path / d / "textcat" / "model").read_bytes() for d in ("a", "b")]
    assert weights[0] == weights[1]


def test_an_unknown_mode_is_refused():
    with override_settings(SUMMITRY_MEETING_MODEL="sometimes"), pytest.raises(ValueError):
        classifier.current_mode()


def _probability(monkeypatch, p: float) -> list:
    calls = []

    def fake(texts, path=classifier.MODEL_DIR):
        calls.append(list(texts))
        return [p] * len(calls[-1])

    monkeypatch.setattr(classifier, "held_probabilities", fake)
    return calls


def test_rules_mode_never_asks_the_model(run, monkeypatch):
    calls = _probability(monkeypatch, 0.0)
    with override_settings(SUMMITRY_MEETING_MODEL="rules"):
        assert len(run(MET).meetings) == 1
    assert calls == []


def test_model_mode_drops_a_meeting_the_model_reads_as_not_held(run, monkeypatch):
    calls = _probability(monkeypatch, 0.3)
    with override_settings(SUMMITRY_MEETING_MODEL="model"):
        assert run(MET).meetings == ()
    assert calls == [[MET]]


def test_model_mode_keeps_a_meeting_the_model_reads_as_held(run):
    with override_settings(SUMMITRY_MEETING_MODEL="model"):
        meetings = run(MET).meetings
    assert [set(m.participants) for m in meetings] == [{"Ingrid Solheim", "Mateo Ibarra"}]


def test_both_mode_vetoes_only_when_sure_and_scales_confidence(run, monkeypatch):
    with override_settings(SUMMITRY_MEETING_MODEL="rules"):
        plain = run(MET).meetings[0].evidence[0].confidence
    _probability(monkeypatch, 0.3)
    with override_settings(SUMMITRY_MEETING_MODEL="both"):
        kept = run(MET).meetings
    assert len(kept) == 1 and kept[0].evidence[0].confidence < plain
    _probability(monkeypatch, 0.05)
    with override_settings(SUMMITRY_MEETING_MODEL="both"):
        assert run(MET).meetings == ()
