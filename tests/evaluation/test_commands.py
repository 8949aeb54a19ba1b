"""Tests for the extract, evaluate and bench_extract commands (real spaCy model, no database).

The model loads once per session (``nlp`` fixture); the commands share it
through ``ingest.nlp.get_nlp``.  Inputs are short texts written here.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

GOLD_KEYS = {"article", "published", "leaders", "countries", "meetings", "gifts", "agreements"}

ARTICLE = (
    "date 2024-05-02\n\n"
    "Swedish leader hosts Danish premier\n\n"
    "STOCKHOLM - Swedish Prime Minister Anna Berg welcomed Danish Prime Minister "
    "Lars Holm to Stockholm on Tuesday for talks on energy and Baltic security.\n\n"
    "Berg gave Holm a glass bowl made in Smaland, and the two leaders signed an "
    "agreement on a new power cable under the Oresund."
)


@pytest.fixture(scope="session")
def nlp():
    """The project's spaCy pipeline, loaded once for every command test."""
    from ingest.nlp import get_nlp

    return get_nlp()


def run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "nordic-talks.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


# --- extract -------------------------------------------------------------------


def test_extract_prints_one_gold_line_per_file(nlp, article_file):
    (line,) = json_lines(run("extract", str(article_file)))
    assert set(line) == GOLD_KEYS
    assert line["article"] == "nordic-talks.txt"  # the file name, not the path
    assert line["published"] == "2024-05-02"  # from the dateline
    assert all(isinstance(line[key], list) for key in GOLD_KEYS - {"article", "published"})


def test_extract_evidence_adds_evidence_to_each_fact(nlp, article_file):
    (line,) = json_lines(run("extract", str(article_file), "--evidence"))
    for fact_type in ("leaders", "meetings", "gifts", "agreements"):
        for fact in line[fact_type]:
            assert fact["evidence"], fact_type
            for evidence in fact["evidence"]:
                assert set(evidence) == {"sentence", "start", "end", "confidence", "rule"}
    (plain,) = json_lines(run("extract", str(article_file)))
    assert all("evidence" not in leader for leader in plain["leaders"])


def test_extract_jsonl_echoes_ids(nlp, tmp_path):
    path = tmp_path / "batch.jsonl"
    records = [
        {"id": "a1", "text": "The prime minister met the president.", "published": "2024-01-05"},
        {"id": 7, "text": "date 2023-03-01\n\nNothing happened today.", "published": None},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    lines = json_lines(run("extract", "--jsonl", str(path)))
    assert [line["id"] for line in lines] == ["a1", 7]
    assert [line["article"] for line in lines] == ["batch.jsonl", "batch.jsonl"]
    assert [line["published"] for line in lines] == ["2024-01-05", "2023-03-01"]
    assert set(lines[0]) == GOLD_KEYS | {"id"}


def test_extract_missing_file_is_a_command_error(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(CommandError, match="nope.txt: no such file"):
        run("extract", str(missing))


@pytest.mark.parametrize(
    "content, message",
    [
        (
            '{"id": 1, "text": "ok", "published": null}\n{"id": 2, "text": ',
            "line 2: not valid JSON",
        ),
        ('{"text": "no id"}', "line 1: missing 'id'"),
        ('{"id": 1, "text": 5}', "line 1: 'text' must be a string"),
        ('{"id": 1, "text": "x", "published": "May 2"}', "line 1: 'published' must be null"),
        ("[1, 2]", "line 1: expected a JSON object"),
    ],
)
def test_extract_bad_jsonl_names_the_line(tmp_path, content, message):
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message) as info:
        run("extract", "--jsonl", str(path))
    assert "bad.jsonl" in str(info.value)


# --- evaluate ------------------------------------------------------------------


@pytest.fixture
def eval_dir(tmp_path, article_file):
    gold = {
        "article": article_file.name,
        "published": "2024-05-02",
        "leaders": [],
        "countries": ["DK", "SE"],
        "meetings": [],
        # a gift no extractor can find, so gifts recall is 0
        "gifts": [{"giver": "Nobody Atall", "recipient": "Noone Else", "item": "moon rock"}],
        "agreements": [],
    }
    (tmp_path / "nordic-talks.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "no-gold.txt").write_text("date 2024-01-01\n\nIgnored.", encoding="utf-8")
    return tmp_path


def test_evaluate_prints_the_table(nlp, eval_dir):
    output = run("evaluate", str(eval_dir))
    for fact_type in ("leaders", "countries", "meetings", "gifts", "agreements"):
        assert any(line.split()[:1] == [fact_type] for line in output.splitlines())
    assert "meeting_date_accuracy" in output
    assert "conflict_facts" in output
    assert re.search(r"^articles\s+1$", output, re.MULTILINE)


def test_evaluate_json_and_verbose(nlp, eval_dir):
    data = json.loads(run("evaluate", str(eval_dir), "--json", "--verbose"))
    assert data["articles"] == 1
    assert data["scores"]["gifts"]["fn"] == 1
    assert data["per_article"][0]["false_negatives"]["gifts"][0]["item"] == "moon rock"

    text = run("evaluate", str(eval_dir), "--verbose")
    assert "FN gift: Nobody Atall -> Noone Else: moon rock" in text


def test_evaluate_thresholds_fail_with_named_metric(nlp, eval_dir):
    with pytest.raises(CommandError, match="gifts F1 0.000 < 0.85"):
        run("evaluate", str(eval_dir), "--min-f1", "gifts=0.85", "--max-conflict-facts", "100")
    run("evaluate", str(eval_dir), "--min-f1", "gifts=0")  # passes


def test_evaluate_bad_arguments(tmp_path):
    with pytest.raises(CommandError, match="not a directory"):
        run("evaluate", str(tmp_path / "missing"))
    with pytest.raises(CommandError, match="no articles to evaluate"):
        run("evaluate", str(tmp_path))
    with pytest.raises(CommandError, match="--min-f1: unknown name 'people'"):
        run("evaluate", str(tmp_path), "--min-f1", "people=0.9")
    with pytest.raises(CommandError, match="--min: unknown name 'speed'"):
        run("evaluate", str(tmp_path), "--min", "speed=0.9")


# --- bench_extract ---------------------------------------------------------------


def test_bench_extract_reports_both_throughputs(nlp, tmp_path, article_file):
    output = run("bench_extract", "--dir", str(tmp_path), "--repeat", "1", "--min-words", "50")
    assert "spaCy nlp.pipe" in output
    assert "extract_many" in output
    assert "ratio extraction/spaCy" in output
    assert "peak memory" in output
