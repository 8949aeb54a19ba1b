"""``manage.py capabilities``: the table, the floors and the exit status.

A fake extractor that finds nothing stands in for spaCy: every negative case passes
and every positive case fails, which is enough to pin the table and the floors."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from ingest.capabilities import CAPABILITIES, FLOORS_FILE, TARGET, read_floors
from ingest.extract import Extraction
from ingest.management.commands import capabilities as command


@pytest.fixture
def finds_nothing(monkeypatch):
    def extract(cases):
        return [Extraction(published=case.published) for case in cases]

    monkeypatch.setattr(command.Command, "extract", staticmethod(extract))


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("capabilities", *args, stdout=out)
    return out.getvalue()


def test_the_table_has_a_row_per_capability_with_cases_passed_rate_and_target(finds_nothing):
    out = run("--only", "gift.figurative_negative,gift.gifted", "--per-capability", "4")
    rows = {line.split()[0]: line.split() for line in out.splitlines() if line.startswith("gift.")}
    assert rows["gift.figurative_negative"][1:4] == ["4", "4", "1.000"]
    assert rows["gift.gifted"][1:4] == ["4", "0", "0.000"]
    assert rows["gift.gifted"][-1] == "*"  # under the target
    assert f"{TARGET:.2f}" in rows["gift.gifted"]
    assert "1 of 2 capabilities below the target" in out


def test_a_rate_under_min_fails_naming_the_capability(finds_nothing):
    run("--only", "meeting.conflict_negative", "--per-capability", "3", "--min", "1")
    with pytest.raises(CommandError, match=r"meeting\.plain_met 0\.000 < 0\.5"):
        run("--only", "meeting.plain_met", "--per-capability", "3", "--min", "0.5")


def test_floors_come_from_a_file(finds_nothing, tmp_path):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"gift.gifted": 0.2, "gift.to_spouse": 0}}))
    run("--only", "gift.to_spouse", "--per-capability", "2", "--floors", str(floors))
    with pytest.raises(CommandError, match="gift.gifted"):
        run("--only", "gift.gifted", "--per-capability", "2", "--floors", str(floors))


def test_a_floors_file_naming_an_unknown_capability_is_refused(finds_nothing, tmp_path):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"gift.teleported": 0.5}}))
    with pytest.raises(CommandError, match="unknown capabilities gift.teleported"):
        run("--only", "gift.gifted", "--per-capability", "2", "--floors", str(floors))


def test_write_floors_sets_rate_minus_margin_and_never_lowers_one(finds_nothing, tmp_path):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"gift.gifted": 0.4}}))
    run("--only", "gift", "--per-capability", "2", "--write-floors", str(floors))
    written = read_floors(floors)
    assert written["gift.gifted"] == 0.4  # measured 0.0: the higher floor stays
    assert written["gift.figurative_negative"] == 0.98  # measured 1.0


def test_json_output_gives_every_rate(finds_nothing):
    out = run("--only", "agreement.commercial", "--per-capability", "3", "--json")
    data = json.loads(out)
    assert data["capabilities"]["agreement.commercial_negative"]["rate"] == 1.0
    assert data["target"] == TARGET


def test_failures_are_shown_with_their_text_and_what_was_missing(finds_nothing):
    out = run("--only", "gift.gifted", "--per-capability", "2", "--show-failures", "1")
    assert out.count("== gift.gifted") == 1
    assert "gifted" in out and "- no gift" in out


def test_the_shipped_floors_cover_every_capability_and_stay_rates():
    floors = read_floors(FLOORS_FILE)
    assert set(floors) == set(CAPABILITIES)
    assert all(0 <= value <= 1 for value in floors.values())


def test_the_real_extractor_finds_a_plain_meeting():
    out = run("--only", "meeting.plain_met", "--per-capability", "3", "--min", "0.6")
    assert "meeting.plain_met" in out
