"""Links: a gift or agreement made during a meeting names that meeting and takes its date
(ingest.extract.links). Published on PUBLISHED, Thursday 14 March 2024: "Monday" is the
11th, "Wednesday" the 13th."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED_DAY = dt.date(2024, 3, 14)
MONDAY, TUESDAY, WEDNESDAY = dt.date(2024, 3, 11), dt.date(2024, 3, 12), dt.date(2024, 3, 13)

VISIT = (
    "French President Emmanuel Macron met Indian Prime Minister Narendra Modi in New Delhi "
    "on Monday. "
)


def _meeting_of(extraction, fact):
    return None if fact.meeting is None else extraction.meetings[fact.meeting]


def test_a_gift_told_after_a_dated_meeting_links_to_it_and_takes_its_date(run):
    found = run(
        VISIT + "The two leaders discussed trade. Macron gave Modi a bronze statue of a horse."
    )
    (gift,) = found.gifts
    meeting = _meeting_of(found, gift)
    assert meeting is not None and set(meeting.participants) == {"Emmanuel Macron", "Narendra Modi"}
    assert gift.date == MONDAY == meeting.date


def test_gifts_at_two_meetings_on_two_days_link_each_to_its_own(run):
    found = run(
        VISIT + "Macron gave Modi a bronze statue of a horse. On Wednesday, Macron met "
        "Japanese Prime Minister Fumio Kishida in Tokyo. Kishida gave Macron a lacquered tea set."
    )
    by_item = {g.item: g for g in found.gifts}
    horse, tea = by_item["bronze statue of a horse"], by_item["lacquered tea set"]
    assert "Narendra Modi" in _meeting_of(found, horse).participants
    assert "Fumio Kishida" in _meeting_of(found, tea).participants
    assert (horse.date, tea.date) == (MONDAY, WEDNESDAY)


def test_two_meetings_of_the_same_pair_each_keep_the_gift_told_in_their_account(run):
    found = run(
        VISIT + "Macron gave Modi a bronze statue of a horse. The two leaders met again in "
        "Mumbai on Wednesday. Modi gave Macron a silk carpet."
    )
    by_item = {g.item: g for g in found.gifts}
    assert by_item["bronze statue of a horse"].date == MONDAY
    assert by_item["silk carpet"].date == WEDNESDAY
    assert by_item["bronze statue of a horse"].meeting != by_item["silk carpet"].meeting


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019, Modi gave Macron a carved wooden chess set.",
        "Modi had given Macron a carved wooden chess set years before.",
        "On March 1, Modi gave Macron a carved wooden chess set.",
    ],
)
def test_a_gift_from_another_time_is_not_linked_to_the_meeting(run, sentence):
    found = run(VISIT + sentence)
    (gift,) = found.gifts
    assert gift.meeting is None
    assert gift.date != MONDAY


def test_a_gift_the_next_day_of_the_visit_links_and_keeps_its_own_day(run):
    found = run(VISIT + "On Tuesday, Modi gave Macron a carved wooden chess set.")
    (gift,) = found.gifts
    assert _meeting_of(found, gift).date == MONDAY
    assert gift.date == TUESDAY


def test_a_gift_during_a_previous_visit_does_not_take_this_visits_date(run):
    found = run(VISIT + "During his previous visit, Modi gave Macron a carved wooden chess set.")
    (gift,) = found.gifts
    assert gift.date is None


def test_a_spouse_of_a_participant_gives_at_the_meeting(run):
    found = run(
        "US President Joe Biden met Indian Prime Minister Narendra Modi at the White House "
        "on Tuesday. Jill Biden gave Modi a signed book of poems."
    )
    (gift,) = found.gifts
    assert gift.giver == "Jill Biden"
    assert _meeting_of(found, gift) is not None and gift.date == TUESDAY


def test_a_gift_between_compatriots_of_the_participants_is_not_theirs(run):
    found = run(
        VISIT + "Indian President Droupadi Murmu gave Prime Minister Gabriel Attal of France "
        "a silk carpet."
    )
    (gift,) = found.gifts
    assert gift.meeting is None and gift.date is None


def test_a_meeting_of_three_holds_a_gift_between_two_of_them(run):
    found = run(
        "German Chancellor Olaf Scholz hosted French President Emmanuel Macron and Polish "
        "Prime Minister Donald Tusk in Berlin on Monday. Tusk gave Scholz an amber chess set."
    )
    (gift,) = found.gifts
    assert len(_meeting_of(found, gift).participants) == 3
    assert gift.date == MONDAY


def test_a_gift_told_before_the_meeting_links_to_it(run):
    found = run(
        "Indian Prime Minister Narendra Modi gave French President Emmanuel Macron a silver "
        "elephant. The two leaders met in New Delhi on Monday to discuss defence."
    )
    (gift,) = found.gifts
    assert gift.meeting is not None and gift.date == MONDAY


def test_an_agreement_between_the_participants_countries_links_to_the_meeting(run):
    found = run(VISIT + "France and India signed an agreement on nuclear energy.")
    (agreement,) = found.agreements
    assert set(agreement.parties) == {"FR", "IN"}
    assert agreement.meeting is not None and agreement.date == MONDAY


def test_an_agreement_with_its_own_day_keeps_it(run):
    found = run(VISIT + "On Wednesday, France and India signed an agreement on nuclear energy.")
    (agreement,) = found.agreements
    assert agreement.meeting is not None and agreement.date == WEDNESDAY


def test_an_agreement_reported_in_past_perfect_speech_is_still_of_the_talks(run):
    found = run(
        "French President Emmanuel Macron held talks with Indian Prime Minister Narendra Modi "
        "in New Delhi on Monday. Macron said the two men had agreed to hold an annual summit."
    )
    (agreement,) = found.agreements
    assert agreement.meeting is not None and agreement.date == MONDAY


def test_facts_without_any_meeting_stay_unlinked(run):
    found = run("Macron gave Modi a bronze statue of a horse.")
    assert all(g.meeting is None and g.date is None for g in found.gifts)


def test_evidence_offsets_into_a_longer_stored_text_still_find_their_sentences(nlp):
    """Offsets may point into the stored text while the parsed text lacks a prefix (a
    caption or byline dropped before parsing): sentences are found by their words."""
    from ingest.extract.links import link_facts
    from ingest.extract.text import build_index
    from ingest.extract.types import Evidence, Extraction, GiftCandidate, MeetingCandidate, Span

    text = "Lima met Berg in Oslo on Monday. Talks went well. In 2019, Lima gave Berg a jug."
    idx = build_index(nlp(text))
    shift = len("PHOTO: a harbour. ")

    def said(sentence: str, words: str) -> tuple[Evidence, ...]:
        at = text.index(sentence)
        start = text.index(words)
        span = Span(start + shift, start + len(words) + shift, sentence, at + shift)
        return (Evidence(span, 0.9, "test"),)

    first, last = "Lima met Berg in Oslo on Monday.", "In 2019, Lima gave Berg a jug."
    found = Extraction(
        published=PUBLISHED_DAY,
        meetings=(
            MeetingCandidate(
                ("Lima", "Berg"), "talks", None, "Oslo", MONDAY, (), said(first, first)
            ),
        ),
        gifts=(GiftCandidate("Lima", "Berg", "jug", said(last, last[:-1])),),
    )
    (gift,) = link_facts(idx, found).gifts
    assert gift.meeting is None  # its own clause says 2019, found at the shifted offset


@pytest.mark.parametrize("when", ["in July", "next year"])
def test_an_invitation_made_at_the_talks_links_whatever_time_it_invites_to(run, when):
    found = run(VISIT + f"Macron invited Modi to visit Paris {when}.")
    (invitation,) = found.agreements
    assert invitation.kind == "invitation"
    assert invitation.meeting is not None and invitation.date == MONDAY


def test_an_invitation_made_years_before_is_not_linked(run):
    found = run(VISIT + "In 2019, Macron invited Modi to visit Paris.")
    (invitation,) = found.agreements
    assert invitation.meeting is None and invitation.date is None
