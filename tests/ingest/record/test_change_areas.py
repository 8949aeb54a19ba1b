"""Recording an extraction moves the ``evidence`` cache area (kb.changes) whenever it adds
or drops an article's evidence, even when no fact row changes: a meeting's source count
is shown on the meetings table, which an article's status alone leaves cached."""

from __future__ import annotations

import datetime as dt

import pytest

from ingest.extract.types import Evidence, Extraction, LeaderMention, MeetingCandidate, Span
from ingest.record import article_facts_replace
from kb import changes
from kb.changes import AGREEMENTS, AREAS, EVIDENCE, GIFTS, MEETINGS
from kb.models import Leader, Meeting, ReviewState
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TEXT = "Chancellor Ulla Moor received President Ivo Tarn in Riga on Monday."
#: What the meetings table reads besides evidence: none of them may move here, so only
#: the evidence area can tell it that a source came or went.
ROW_FACTS = {MEETINGS, GIFTS, AGREEMENTS}


def one_meeting() -> Extraction:
    span = (Evidence(Span(0, 40, TEXT, 0), 0.8, "test-rule"),)
    return Extraction(
        published=dt.date(2025, 3, 4),
        leaders=(
            LeaderMention("Ulla Moor", "LV", "Chancellor", ("Moor",)),
            LeaderMention("Ivo Tarn", "EE", "President", ("Tarn",)),
        ),
        countries=("EE", "LV"),
        meetings=(
            MeetingCandidate(
                ("Ulla Moor", "Ivo Tarn"), "visit", "LV", "Riga", dt.date(2025, 3, 3), (), span
            ),
        ),
    )


def moved(write) -> set[str]:
    before = changes.area_versions(AREAS)
    write()
    after = changes.area_versions(AREAS)
    return {area for area in AREAS if after[area] != before[area]}


@pytest.fixture
def confirmed_meeting(countries):
    """A meeting from one article, its people and itself confirmed by an editor, so that
    extraction never saves them again (only their evidence changes)."""
    article_facts_replace(article=ArticleFactory(text=TEXT), extraction=one_meeting())
    Leader.objects.update(review_state=ReviewState.CONFIRMED)
    Meeting.objects.update(review_state=ReviewState.CONFIRMED)
    return Meeting.objects.get()


def test_a_new_source_for_an_existing_meeting_moves_evidence(confirmed_meeting):
    second = ArticleFactory(text=TEXT + " Again.")
    areas = moved(lambda: article_facts_replace(article=second, extraction=one_meeting()))
    assert confirmed_meeting.evidence.count() == 2
    assert EVIDENCE in areas
    assert not areas & ROW_FACTS


def test_re_extracting_an_article_that_drops_its_evidence_moves_evidence(confirmed_meeting):
    second = ArticleFactory(text=TEXT + " Again.")
    article_facts_replace(article=second, extraction=one_meeting())
    nothing = Extraction(published=dt.date(2025, 3, 4))
    areas = moved(lambda: article_facts_replace(article=second, extraction=nothing))
    assert confirmed_meeting.evidence.count() == 1
    assert EVIDENCE in areas
    assert not areas & ROW_FACTS
