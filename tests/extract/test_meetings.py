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
        "Last week the chancellor, Greta Lind, flew to Kyiv to see President Ivan Moroz.",
        {"Greta Lind", "Ivan Moroz"},
        "visit",
        "UA",
        "Kyiv",
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
        "protest",
        "Thousands protested as President Anna Novak met Prime Minister Jan Horak on Tuesday.",
    ),
    (
        "hypothetical",
        "If President Anna Novak met Prime Minister Jan Horak, the talks would be tense.",
    ),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_MEETINGS], ids=[c[0] for c in NOT_MEETINGS])
def test_not_a_meeting(run, text):
    assert run(text).meetings == ()


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
        "and then held talks there with Prime Minister Jan Horak."
    )
    assert {frozenset(m.participants) for m in ex.meetings} == {
        frozenset({"Anna Novak", "King Olaf Brandt"}),
        frozenset({"Anna Novak", "Jan Horak"}),
    }


def test_the_ledes_event_referred_back_to(run):
    ex = run(
        "President Mark Dalton warned President Ivan Moroz in a telephone call on Saturday "
        "that an attack would bring severe costs.\n\n"
        "The call lasted a little over an hour, an official said."
    )
    m = _one(ex)
    assert (set(m.participants), m.kind, m.date) == (
        {"Mark Dalton", "Ivan Moroz"},
        "call",
        dt.date(2024, 3, 9),
    )


def test_companions_join_the_leaders_meetings(run):
    ex = run(
        "President Sipho Dube met President Ivan Moroz in Minsk on Friday. "
        "Dube was accompanied by the presidents of Senegal, Awa Diop, and of Zambia, "
        "Joseph Banda."
    )
    m = _one(ex)
    assert set(m.participants) == {"Sipho Dube", "Ivan Moroz", "Awa Diop", "Joseph Banda"}


MORE_MEETINGS = [
    (
        "hours-of-talks",
        "On Monday, President Louis Girard held more than five hours of talks with President "
        "Ivan Moroz at the Kremlin.",
        {"Louis Girard", "Ivan Moroz"},
    ),
    (
        "news-conference-with",
        "President Rui Campos restated his position at a news conference with Chancellor "
        "Greta Lind in Brasilia last month.",
        {"Rui Campos", "Greta Lind"},
    ),
    (
        "relative-clause-subject",
        "President Anna Novak, who met Prime Minister Jan Horak in Brno on Monday, flew home.",
        {"Anna Novak", "Jan Horak"},
    ),
    (
        "at-a-meeting-under-a-pledge",
        "Presidents Mark Dalton and Rui Campos pledged on Friday to stand together, at a White "
        "House meeting.",
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
        "shelling-sentence",
        "President Emre Kaya, who saw President Ivan Moroz in Sochi on Monday, said he was "
        "worried about the shelling near the plant.",
    ),
    (
        "would-be-happy-to-meet",
        "President Mark Dalton said he would be happy to meet President Ivan Moroz at the border.",
    ),
    (
        "due-for-a-summit",
        "President Mark Dalton is due in Moscow next month for a summit with President Ivan Moroz.",
    ),
]


@pytest.mark.parametrize(
    "text", [c[1] for c in MORE_NOT_MEETINGS], ids=[c[0] for c in MORE_NOT_MEETINGS]
)
def test_more_non_meetings(run, text):
    assert run(text).meetings == ()


def test_a_visitors_other_talks_are_talks_on_the_same_day(run):
    ex = run(
        "RIYADH - President Wei Lan was received by King Faisal Aziz at the Yamamah Palace on "
        "Thursday and then held talks there with Crown Prince Nayef Aziz."
    )
    kinds = {frozenset(m.participants): (m.kind, m.date) for m in ex.meetings}
    assert kinds[frozenset({"Wei Lan", "Nayef Aziz"})] == ("talks", dt.date(2024, 3, 14))


THIRD_PARTY = [
    (
        "witness-of-a-signing",
        "Egyptian President Omar Fahmy and Israeli Prime Minister David Levin signed two "
        "agreements at the White House on Sunday. President John Carter signed the documents "
        "as a witness.",
        {"Omar Fahmy", "David Levin", "John Carter"},
    ),
    (
        "stood-beside-the-two-men",
        "Pope Clement and Patriarch Alexei embraced at the airport in Havana on Friday. "
        "President Raul Ortiz greeted the pope and stood beside the two men as they signed.",
        {"Pope Clement", "Patriarch Alexei", "Raul Ortiz"},
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
        "It was Novak's journey to Vienna last November that made the talks possible. "
        "She was received there by Chancellor Karl Huber."
    )
    vienna = [m for m in ex.meetings if "Karl Huber" in m.participants]
    assert [(m.place, m.date) for m in vienna] == [("Vienna", None)]


def test_a_relative_clause_in_the_passive_reports_an_earlier_meeting(run):
    ex = run(
        "WASHINGTON - British Prime Minister Tom Reed held talks with President Mark Dalton on "
        "Tuesday. Only Japanese Prime Minister Kenji Sato, who was received by Dalton last week, "
        "came before him."
    )
    got = {frozenset(m.participants): (m.host_country, m.date) for m in ex.meetings}
    assert got[frozenset({"Kenji Sato", "Mark Dalton"})] == ("US", None)
    assert len(got) == 2


def test_leaders_who_reached_a_deal_at_a_place_met_there(run):
    ex = run(
        "MOSCOW - Russian President Ivan Petrov and Turkish President Emre Kaya agreed a "
        "ceasefire on Thursday after talks in the Kremlin. The document adds to a deal the two "
        "presidents reached in the Black Sea resort of Sochi in September 2018."
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
        "HAVANA - Pope Leo and Patriarch Ivan embraced at the airport on Friday. The two men "
        "talked in private for two hours and then signed a joint declaration. Cuban President "
        "Raul Ortega greeted the pope on the tarmac and stood beside the two men as they signed."
    )
    assert [set(m.participants) for m in ex.meetings] == [
        {"Pope Leo", "Patriarch Ivan", "Raul Ortega"}
    ]


def test_talks_on_their_own_before_a_larger_session_stay_a_meeting(run):
    ex = run(
        "LVIV - Turkish President Emre Kaya and Polish President Jan Nowak met President Ivan "
        "Moroz in Lviv on Thursday. Kaya and Moroz first held talks on their own; Nowak then "
        "joined them for a three-way meeting."
    )
    assert sorted(len(m.participants) for m in ex.meetings) == [2, 3]
