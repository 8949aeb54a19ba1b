"""Meetings: participants, kind, host, place, date; plans and negations are not meetings."""

from __future__ import annotations

import datetime as dt


def _one(ex):
    assert len(ex.meetings) == 1, ex.meetings
    return ex.meetings[0]


def test_visit_with_host_place_and_relative_date(run):
    ex = run(
        "Kenyan President Grace Wanjiru held talks with "
        "Ghanaian President Kofi Mensah "
        "at the presidential palace in Nairobi on Tuesday."
    )
    m = _one(ex)
    assert set(m.participants) == {"Grace Wanjiru", "Kofi Mensah"}
    assert m.host_country == "KE"
    assert m.place == "presidential palace"
    assert m.date == dt.date(2024, 3, 12)


def test_phone_call_has_no_host_or_place(run):
    ex = run(
        "Italian Prime Minister Sofia Rossi spoke to Brazilian President Ana Lopes "
        "by telephone on Friday."
    )
    m = _one(ex)
    assert (m.kind, m.host_country, m.place) == ("call", None, None)
    assert m.date == dt.date(2024, 3, 8)


def test_the_publication_date_is_not_the_meeting_date(run):
    ex = run("Spanish Prime Minister Pablo Ortega met Kenyan President Grace Wanjiru in Madrid.")
    assert _one(ex).date is None


def test_future_and_expected_meetings_are_not_meetings(run):
    ex = run(
        "US President Mark Dalton will visit India next year. Dalton is expected to meet "
        "Indian Prime Minister Ravi Mehta in New Delhi."
    )
    assert ex.meetings == ()


def test_negated_meeting_is_not_a_meeting(run):
    ex = run("US President Mark Dalton did not meet Chinese President Li Wei in Lima.")
    assert ex.meetings == ()


def test_mentions_across_sentences_merge_into_one_meeting(run):
    ex = run(
        "Turkish President Emre Kaya welcomed Brazilian President Ana Lopes in Ankara "
        "on Friday. The two leaders then held talks at the Cankaya Mansion."
    )
    m = _one(ex)
    assert m.place == "Cankaya Mansion"
    assert m.host_country == "TR"
    assert len(m.evidence) >= 2


def test_earlier_meeting_in_another_city_is_a_separate_meeting(run):
    ex = run(
        "US President Mark Dalton met Chinese President Li Wei in Seattle on Wednesday. "
        "The pair had previously met in Lima last November."
    )
    assert len(ex.meetings) == 2
    assert {m.place for m in ex.meetings} >= {"Lima"}


def test_discussed_things_are_topics(run):
    ex = run(
        "Egyptian President Omar Fahmy held talks with Greek Prime Minister Nikos Pappas "
        "in Athens on Monday. The two leaders discussed shipping and water management."
    )
    assert set(_one(ex).topics) >= {"shipping", "water management"}


def test_the_day_of_talks_is_no_topic(run):
    ex = run(
        "Egyptian President Omar Fahmy held talks with Greek Prime Minister Nikos Pappas "
        "on Monday about shipping. Their talks on Tuesday were about fisheries."
    )
    topics = {t for m in ex.meetings for t in m.topics}
    assert {"shipping"} <= topics and not topics & {"Monday", "Tuesday"}


def test_no_meeting_from_a_sentence_reporting_conflict(run):
    ex = run(
        "US President Mark Dalton threatened Russian President Ivan Petrov with sanctions "
        "during talks in Vienna on Monday."
    )
    assert ex.meetings == ()


def test_evidence_offsets_point_into_the_text(run):
    text = "Chinese President Li Wei met Indian Prime Minister Ravi Mehta in Xiamen on Friday."
    ex = run(text)
    ev = _one(ex).evidence[0]
    assert text[ev.span.start : ev.span.end] in text and ev.span.end > ev.span.start
    assert 0 < ev.confidence <= 1 and ev.rule.startswith("meeting.")


# --- Table-driven phenomena (invented people; PUBLISHED is Thursday 2024-03-14) ---------

import pytest  # noqa: E402

CASES = [
    # (id, text, participants, kind, host, place, date)
    (
        "phone-call",
        "Kenyan President Amina Odera spoke by telephone with Japanese Prime Minister "
        "Kenji Sato on Monday, her office said.",
        {"Amina Odera", "Kenji Sato"},
        "call",
        None,
        None,
        dt.date(2024, 3, 11),
    ),
    (
        "video-link",
        "US President Mark Dalton and Chinese President Wei Lan spoke by video link "
        "for three hours on Tuesday.",
        {"Mark Dalton", "Wei Lan"},
        "call",
        None,
        None,
        dt.date(2024, 3, 12),
    ),
    (
        "met-at-palace",
        "Brazilian President Rui Campos met Indonesian President Dewi Hartono at the "
        "Merdeka Palace in Jakarta on Saturday.",
        {"Rui Campos", "Dewi Hartono"},
        "talks",
        "ID",
        "Merdeka Palace",
        dt.date(2024, 3, 9),
    ),
    (
        "hosted-for-summit-venue-next-sentence",
        "Canadian Prime Minister Anne Roy hosted Mexican President Luz Ortega in Ottawa on "
        "Wednesday for a summit on trade. After three hours of talks at Rideau Hall, Roy and "
        "Ortega signed a treaty on water research.",
        {"Anne Roy", "Luz Ortega"},
        "summit",
        "CA",
        "Rideau Hall",
        dt.date(2024, 3, 13),
    ),
    (
        "state-visit-said",
        "Norwegian Prime Minister Kari Berg welcomed Chilean President Pablo Vera to Oslo on "
        "Tuesday for a two-day state visit.",
        {"Kari Berg", "Pablo Vera"},
        "state_visit",
        "NO",
        "Oslo",
        dt.date(2024, 3, 12),
    ),
    (
        "signing-is-a-meeting",
        "President Anna Novak and Prime Minister Jan Horak signed a border treaty on Tuesday "
        "at the Castle of Trencin.",
        {"Anna Novak", "Jan Horak"},
        "talks",
        None,
        "Castle of Trencin",
        dt.date(2024, 3, 12),
    ),
    (
        "possessive-appositive-country",
        "OSLO - Chile's president, Mateo Ibarra, met Norway's prime minister, Ingrid Solheim, "
        "in Oslo on Thursday, where the two leaders agreed to expand research on hydrogen.",
        {"Mateo Ibarra", "Ingrid Solheim"},
        "talks",
        "NO",
        "Oslo",
        dt.date(2024, 3, 14),
    ),
    (
        "visit-by-travel",
        "Last week the prime minister, Kari Berg, flew to Warsaw to see President Jan Nowak.",
        {"Kari Berg", "Jan Nowak"},
        "visit",
        "PL",
        "Warsaw",
        None,
    ),
]


@pytest.mark.parametrize(
    "text,participants,kind,host,place,date",
    [c[1:] for c in CASES],
    ids=[c[0] for c in CASES],
)
def test_meeting_phenomena(run, text, participants, kind, host, place, date):
    m = _one(run(text))
    assert set(m.participants) == participants
    assert (m.kind, m.host_country, m.place, m.date) == (kind, host, place, date)


NOT_MEETINGS = [
    ("future", "President Anna Novak will meet Prime Minister Jan Horak in Prague next week."),
    ("negated", "President Anna Novak did not meet Prime Minister Jan Horak on Tuesday."),
    ("planned", "President Anna Novak plans to visit Prime Minister Jan Horak in May."),
    (
        "conflict-threat",
        "President Anna Novak threatened Prime Minister Jan Horak with sanctions at their "
        "meeting on Tuesday.",
    ),
    (
        "hypothetical",
        "If President Anna Novak met Prime Minister Jan Horak, the talks would be tense.",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_MEETINGS], ids=[c[0] for c in NOT_MEETINGS])
def test_not_a_meeting(run, text):
    assert run(text).meetings == ()


@pytest.mark.parametrize(
    "text",
    [
        "Thousands protested as President Anna Novak met Prime Minister Jan Horak on Tuesday.",
        "President Emre Kaya, who saw President Ana Lopes in Recife on Monday, said he was "
        "worried about the shelling near the dam.",
    ],
    ids=["protest-beside", "shelling-beside"],
)
def test_conflict_beside_a_meeting_does_not_hide_it(run, text):
    """Conflict is judged on the meeting's own predicate, not on its sentence's words."""
    assert len(run(text).meetings) == 1


def test_earlier_meeting_in_passing_is_undated(run):
    ex = run(
        "President Anna Novak met Prime Minister Jan Horak in Brno on Tuesday. "
        "The two leaders last met in Geneva in June."
    )
    dated = {m.place: m.date for m in ex.meetings}
    assert dated == {"Brno": dt.date(2024, 3, 12), "Geneva": None}


def test_mentions_across_sentences_are_one_meeting(run):
    ex = run(
        "President Anna Novak received Prime Minister Jan Horak in Brno on Tuesday. "
        "The two leaders held talks at the town hall. "
        "On Wednesday they toured a factory together."
    )
    m = _one(ex)
    assert (m.date, m.place) == (dt.date(2024, 3, 12), "town hall")


def test_a_visit_moving_to_another_city_on_another_day_is_two_meetings(run):
    ex = run(
        "President Anna Novak met Prime Minister Jan Horak in Brno on Tuesday. "
        "On Wednesday Novak met Horak again in Prague."
    )
    assert sorted(m.place for m in ex.meetings) == ["Brno", "Prague"]


def test_different_counterparts_are_different_meetings(run):
    ex = run(
        "President Anna Novak was received by King Olaf Brandt at the palace on Tuesday "
        "and afterwards held talks there with Prime Minister Jan Horak."
    )
    assert {frozenset(m.participants) for m in ex.meetings} == {
        frozenset({"Anna Novak", "King Olaf Brandt"}),
        frozenset({"Anna Novak", "Jan Horak"}),
    }


def test_the_ledes_event_referred_back_to(run):
    ex = run(
        "President Mark Dalton warned President Ivan Moroz in a telephone call on Saturday "
        "that new tariffs would hurt both economies.\n\n"
        "The call went on for nearly ninety minutes, according to an aide."
    )
    m = _one(ex)
    assert (set(m.participants), m.kind, m.date) == (
        {"Mark Dalton", "Ivan Moroz"},
        "call",
        dt.date(2024, 3, 9),
    )


def test_companions_join_the_leaders_meetings(run):
    ex = run(
        "President Lucas Ferreira met Prime Minister Kenji Sato in Tokyo on Friday. On the "
        "trip Ferreira was accompanied by the presidents of Chile, Mateo Ibarra, and of Peru, "
        "Jorge Salinas."
    )
    m = _one(ex)
    assert set(m.participants) == {"Lucas Ferreira", "Kenji Sato", "Mateo Ibarra", "Jorge Salinas"}


MORE_MEETINGS = [
    (
        "hours-of-talks",
        "On Monday, President Louis Girard held nearly four hours of talks with Chancellor "
        "Greta Lind at the Chancellery.",
        {"Louis Girard", "Greta Lind"},
    ),
    (
        "news-conference-with",
        "President Rui Campos repeated his stance at a joint news conference with Prime "
        "Minister Kari Berg in Oslo last month.",
        {"Rui Campos", "Kari Berg"},
    ),
    (
        "relative-clause-subject",
        "President Anna Novak, who met Prime Minister Jan Horak in Brno on Monday, flew home.",
        {"Anna Novak", "Jan Horak"},
    ),
    (
        "at-a-meeting-under-a-pledge",
        "Presidents Mark Dalton and Rui Campos pledged on Friday to work together on forests, "
        "at a White House meeting.",
        {"Mark Dalton", "Rui Campos"},
    ),
]


@pytest.mark.parametrize(
    "text,participants", [c[1:] for c in MORE_MEETINGS], ids=[c[0] for c in MORE_MEETINGS]
)
def test_more_meeting_forms(run, text, participants):
    assert [set(m.participants) for m in run(text).meetings] == [participants]


MORE_NOT_MEETINGS = [
    (
        "would-be-glad-to-meet",
        "President Mark Dalton said he would be glad to meet President Ivan Moroz on a ship.",
    ),
    (
        "due-for-talks",
        "President Mark Dalton is due in Oslo next month for talks with President Ivan Moroz.",
    ),
]


@pytest.mark.parametrize(
    "text", [c[1] for c in MORE_NOT_MEETINGS], ids=[c[0] for c in MORE_NOT_MEETINGS]
)
def test_more_non_meetings(run, text):
    assert run(text).meetings == ()


def test_a_visitors_other_talks_are_talks_on_the_same_day(run):
    ex = run(
        "AMMAN - President Wei Lan was received by King Hassan Talal at the Raghadan Palace on "
        "Thursday and afterwards held talks there with Prime Minister Omar Haddad."
    )
    kinds = {frozenset(m.participants): (m.kind, m.date) for m in ex.meetings}
    assert kinds[frozenset({"Wei Lan", "Omar Haddad"})] == ("talks", dt.date(2024, 3, 14))


THIRD_PARTY = [
    (
        "witness-of-a-signing",
        "Ethiopian Prime Minister Abebe Tesfaye and Kenyan President Grace Wanjiru signed two "
        "agreements at the Elysee Palace on Sunday. President Julien Moreau signed the documents "
        "as a witness.",
        {"Abebe Tesfaye", "Grace Wanjiru", "Julien Moreau"},
    ),
    (
        "stood-alongside-the-two-men",
        "Pope Clement and Patriarch Alexei embraced at the airport in Nairobi on Friday. President "
        "Grace Wanjiru welcomed the pope and stood alongside the two men while they signed.",
        {"Pope Clement", "Patriarch Alexei", "Grace Wanjiru"},
    ),
]


@pytest.mark.parametrize(
    "text,participants", [c[1:] for c in THIRD_PARTY], ids=[c[0] for c in THIRD_PARTY]
)
def test_a_third_leader_joins_the_meeting(run, text, participants):
    assert participants in [set(m.participants) for m in run(text).meetings]


def test_there_takes_the_previous_sentences_place_and_time(run):
    ex = run(
        "President Anna Novak met President Mark Dalton in Brno on Tuesday. "
        "It was Novak's trip to Vienna last November that opened the way to the talks. "
        "She was received there by Chancellor Karl Huber."
    )
    vienna = [m for m in ex.meetings if "Karl Huber" in m.participants]
    assert [(m.place, m.date) for m in vienna] == [("Vienna", None)]


def test_a_relative_clause_in_the_passive_reports_an_earlier_meeting(run):
    ex = run(
        "OTTAWA - Mexican President Luz Ortega held talks with Prime Minister Anne Roy on "
        "Tuesday. Only Chilean President Mateo Ibarra, who was received by Roy last week, "
        "came before her."
    )
    got = {frozenset(m.participants): (m.host_country, m.date) for m in ex.meetings}
    assert got[frozenset({"Mateo Ibarra", "Anne Roy"})] == ("CA", None)
    assert len(got) == 2


def test_leaders_who_reached_a_deal_at_a_place_met_there(run):
    ex = run(
        "MOSCOW - Russian President Ivan Petrov and Turkish President Emre Kaya agreed a "
        "ceasefire on Thursday after talks in the Kremlin. The document adds to a deal the two "
        "presidents reached in the Volga city of Kazan in May 2019."
    )
    assert sorted((m.host_country, str(m.date)) for m in ex.meetings) == [
        ("RU", "2024-03-14"),
        ("RU", "None"),
    ]


def test_a_deal_reached_by_telephone_is_no_meeting_in_person(run):
    ex = run(
        "Russian President Ivan Petrov and Turkish President Emre Kaya reached a deal by "
        "telephone on Thursday."
    )
    assert ex.meetings == ()


def test_a_greeting_within_a_larger_meeting_is_part_of_it(run):
    ex = run(
        "NAIROBI - Pope Leo and Patriarch Ivan embraced at the airport on Friday. The two men "
        "spoke privately for an hour before signing a joint declaration. Kenyan President Grace "
        "Wanjiru welcomed the pope at the airport and stood beside the two men while they signed."
    )
    assert [set(m.participants) for m in ex.meetings] == [
        {"Pope Leo", "Patriarch Ivan", "Grace Wanjiru"}
    ]


def test_talks_on_their_own_before_a_larger_session_stay_a_meeting(run):
    ex = run(
        "ACCRA - Nigerian President Tunde Bello and Togolese President Kossi Agbeko met President "
        "Kofi Mensah in Accra on Thursday. Bello and Mensah held talks on their own at first; "
        "Agbeko later joined them for a trilateral meeting."
    )
    assert sorted(len(m.participants) for m in ex.meetings) == [2, 3]
