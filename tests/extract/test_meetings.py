"""Meetings: participants, kind, host, place, date; plans and negations are not meetings."""

from __future__ import annotations

import datetime as dt


def _one(ex):
    assert len(ex.meetings) == 1, ex.meetings
    return ex.meetings[0]


def test_visit_with_host_place_and_relative_date(run):
    ex = run(
        "Japanese Prime Minister Fumio Kishida held talks with "
        "South Korean President Yoon Suk Yeol "
        "at the prime minister's office in Tokyo on Tuesday."
    )
    m = _one(ex)
    assert set(m.participants) == {"Fumio Kishida", "Yoon Suk Yeol"}
    assert m.host_country == "JP"
    assert m.place == "prime minister's office"
    assert m.date == dt.date(2024, 3, 12)


def test_phone_call_has_no_host_or_place(run):
    ex = run(
        "German Chancellor Olaf Scholz spoke to Russian President Vladimir Putin "
        "by telephone on Friday."
    )
    m = _one(ex)
    assert (m.kind, m.host_country, m.place) == ("call", None, None)
    assert m.date == dt.date(2024, 3, 8)


def test_the_publication_date_is_not_the_meeting_date(run):
    ex = run("French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris.")
    assert _one(ex).date is None


def test_future_and_expected_meetings_are_not_meetings(run):
    ex = run(
        "US President Joe Biden will visit India next year. Biden is expected to meet "
        "Indian Prime Minister Narendra Modi in New Delhi."
    )
    assert ex.meetings == ()


def test_negated_meeting_is_not_a_meeting(run):
    ex = run("US President Joe Biden did not meet Chinese President Xi Jinping in Bali.")
    assert ex.meetings == ()


def test_mentions_across_sentences_merge_into_one_meeting(run):
    ex = run(
        "Chinese President Xi Jinping welcomed Brazilian President "
        "Luiz Inacio Lula da Silva in Beijing "
        "on Friday. The two leaders then held talks at the Great Hall of the People."
    )
    m = _one(ex)
    assert m.place == "Great Hall of the People"
    assert m.host_country == "CN"
    assert len(m.evidence) >= 2


def test_earlier_meeting_in_another_city_is_a_separate_meeting(run):
    ex = run(
        "US President Joe Biden met Chinese President Xi Jinping in Woodside on Wednesday. "
        "The two leaders had met before in Bali last November."
    )
    assert len(ex.meetings) == 2
    assert {m.place for m in ex.meetings} >= {"Bali"}


def test_discussed_things_are_topics(run):
    ex = run(
        "Russian President Vladimir Putin held talks with Turkish President Recep Tayyip Erdogan "
        "in Sochi on Monday. The two presidents discussed trade and energy cooperation."
    )
    assert set(_one(ex).topics) >= {"trade", "energy cooperation"}


def test_no_meeting_from_a_sentence_reporting_conflict(run):
    ex = run(
        "US President Joe Biden threatened Russian President Vladimir Putin with sanctions "
        "during talks in Geneva on Monday."
    )
    assert ex.meetings == ()


def test_evidence_offsets_point_into_the_text(run):
    text = (
        "Chinese President Xi Jinping met Indian Prime Minister Narendra Modi in Wuhan on Friday."
    )
    ex = run(text)
    ev = _one(ex).evidence[0]
    assert text[ev.span.start : ev.span.end] in text and ev.span.end > ev.span.start
    assert 0 < ev.confidence <= 1 and ev.rule.startswith("meeting.")
