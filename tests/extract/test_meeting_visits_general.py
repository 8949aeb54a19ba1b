"""A meeting's kind and host told by travel and by the line of a call, and meetings of
the past told in background: templates x leader pairs (CheckList style), each positive
with a twin that must not take it.  The sentences are written for these tests; they are
read with the shipped registry."""

from __future__ import annotations

import datetime as dt

import pytest

PUBLISHED = dt.date(2024, 3, 14)  # a Thursday; "on Tuesday" is March 12
TUESDAY = dt.date(2024, 3, 12)
# (name, country, capital, country name): leaders in office on PUBLISHED
PAIRS = [
    (("William Ruto", "KE", "Nairobi", "Kenya"), ("Olaf Scholz", "DE", "Berlin", "Germany")),
    (
        ("Narendra Modi", "IN", "New Delhi", "India"),
        ("Anthony Albanese", "AU", "Canberra", "Australia"),
    ),
    (("Emmanuel Macron", "FR", "Paris", "France"), ("Fumio Kishida", "JP", "Tokyo", "Japan")),
]


@pytest.fixture(scope="module")
def run(nlp):
    from gazetteer.registry import read_registry_file
    from ingest.extract import extract

    registry = read_registry_file()
    return lambda text: extract(text, PUBLISHED, nlp=nlp, registry=registry).to_gold("t")


def _meeting(gold, *names):
    return next((m for m in gold["meetings"] if set(names) <= set(m["participants"])), None)


CALLS = [
    "{A} conducted a telephone conversation with {B} on Tuesday.",
    "{A} spoke by video link with {B} on Tuesday.",
    "{A} and {B} held talks by video conference on Tuesday.",
]


@pytest.mark.parametrize("template", CALLS)
@pytest.mark.parametrize("a,b", PAIRS)
def test_a_call_told_by_its_line_is_a_call_without_host(run, template, a, b):
    gold = run(template.format(A=a[0], B=b[0]))
    meeting = _meeting(gold, a[0], b[0])
    assert meeting is not None, gold["meetings"]
    assert (meeting["kind"], meeting["host_country"], meeting["date"]) == (
        "call",
        None,
        TUESDAY.isoformat(),
    )


TRAVELS = [
    "{A}, who flew into the resort town on Monday, held talks with {B} on Tuesday.",
    "{A} made a stop at Camp Ridgeway air base on Tuesday, where he met {B}.",
    "{A} travelled to {country} on Tuesday and met {B} at Kestrel Hall.",
]


@pytest.mark.parametrize("template", TRAVELS)
@pytest.mark.parametrize("a,b", PAIRS)
def test_a_leader_who_travelled_to_the_other_makes_a_visit_hosted_by_the_other(run, template, a, b):
    gold = run(template.format(A=a[0], B=b[0], country=b[3]))
    meeting = _meeting(gold, a[0], b[0])
    assert meeting is not None, gold["meetings"]
    assert (meeting["kind"], meeting["host_country"]) == ("visit", b[1])


THIRD = [
    "{A}, who flew into Geneva on Monday for a conference, held talks with {B} there on Tuesday.",
    "{A} travelled to Geneva on Tuesday and met {B} on the sidelines of a conference.",
]


@pytest.mark.parametrize("template", THIRD)
@pytest.mark.parametrize("a,b", PAIRS)
def test_a_trip_to_a_third_country_gives_talks_hosted_there(run, template, a, b):
    gold = run(template.format(A=a[0], B=b[0]))
    meeting = _meeting(gold, a[0], b[0])
    assert meeting is not None, gold["meetings"]
    assert (meeting["kind"], meeting["host_country"]) == ("talks", "CH")


BACKGROUND = [
    "{A} met {B} in {capital} on Tuesday. The last leader to visit Bonn was Helmut Kohl, "
    "who met Jacques Chirac there in 1996.",
    "{A} met {B} in {capital} on Tuesday. Jacques Chirac visited Bonn in September 1996, "
    "when he held talks with Helmut Kohl.",
]


@pytest.mark.parametrize("template", BACKGROUND)
@pytest.mark.parametrize("a,b", PAIRS)
def test_a_background_meeting_keeps_its_own_people_and_no_day(run, template, a, b):
    gold = run(template.format(A=a[0], B=b[0], capital=b[2]))
    story = _meeting(gold, a[0], b[0])
    old = _meeting(gold, "Helmut Kohl", "Jacques Chirac")
    assert story is not None and story["date"] == TUESDAY.isoformat(), gold["meetings"]
    assert old is not None and old["date"] is None, gold["meetings"]
    assert not _meeting(gold, a[0], "Helmut Kohl") and not _meeting(gold, a[0], "Jacques Chirac")


@pytest.mark.parametrize("a,b", PAIRS)
def test_a_trip_told_in_the_sentence_outweighs_the_dateline_of_another_city(run, a, b):
    gold = run(
        f"PARIS, March 13 (Reuters) - {a[0]} visited {b[2]} on Tuesday for talks with {b[0]}."
    )
    if a[1] == "FR":
        gold = run(
            f"LONDON, March 13 (Reuters) - {a[0]} visited {b[2]} on Tuesday for talks with {b[0]}."
        )
    meeting = _meeting(gold, a[0], b[0])
    assert meeting is not None, gold["meetings"]
    assert (meeting["kind"], meeting["host_country"]) == ("visit", b[1])


PAST = [
    "{A} met {B} in {capital} on Tuesday. Jacques Chirac still speaks warmly of Helmut "
    "Kohl, whom he met in Bonn in 1996.",
    "{A} met {B} in {capital} on Tuesday. Jacques Chirac went to Bonn in 1996; his trip "
    "included talks with Helmut Kohl.",
]


@pytest.mark.parametrize("template", PAST)
@pytest.mark.parametrize("a,b", PAIRS)
def test_a_past_meeting_told_by_whom_or_by_what_a_trip_included_is_found_undated(
    run, template, a, b
):
    gold = run(template.format(A=a[0], B=b[0], capital=b[2]))
    old = _meeting(gold, "Helmut Kohl", "Jacques Chirac")
    assert old is not None and old["date"] is None, gold["meetings"]
    story = _meeting(gold, a[0], b[0])
    assert story is not None and story["date"] == TUESDAY.isoformat(), gold["meetings"]


THINGS = [
    "{A} met {B} in {capital} on Tuesday. {B} gave {A} two Rustam dogs after the talks.",
    "{A} met {B} in {capital} on Tuesday and was shown a Buddha statue.",
    "{A} met {B} in {capital} on Tuesday; a deal on the Teodor river was dropped.",
]


@pytest.mark.parametrize("template", THINGS)
@pytest.mark.parametrize("a,b", PAIRS)
def test_a_one_word_name_of_a_thing_is_no_participant(run, template, a, b):
    gold = run(template.format(A=a[0], B=b[0], capital=b[2]))
    names = {p for m in gold["meetings"] for p in m["participants"]}
    assert names == {a[0], b[0]}, gold["meetings"]
    assert {x["name"] for x in gold["leaders"]} == {a[0], b[0]}


@pytest.mark.parametrize("guest", ["William Ruto", "Narendra Modi", "Emmanuel Macron"])
def test_a_meeting_earlier_that_day_is_the_story_and_the_guest_meets_in_the_hosts_country(
    run, guest
):
    gold = run(
        f"President Frank-Walter Steinmeier received {guest} at Bellevue Palace on Tuesday. "
        f"Earlier in the day, Chancellor Olaf Scholz met {guest.split()[-1]} at the chancellery."
    )
    meeting = _meeting(gold, guest, "Olaf Scholz")
    assert meeting is not None, gold["meetings"]
    assert meeting["host_country"] == "DE", gold["meetings"]
