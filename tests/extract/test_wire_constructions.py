"""More constructions of wire copy, each on sentences written here (invented people)."""

from __future__ import annotations


def test_a_gift_received_from_a_leader_keeps_the_item_short(run):
    # The small model reads "set" as a verb and hangs "from X on Friday" under it.
    ex = run(
        "Brazilian President Ana Lopes received a hand-carved chess set from Argentine President "
        "Diego Ruiz on Friday."
    )
    assert [(g.giver, g.recipient, g.item) for g in ex.gifts] == [
        ("Diego Ruiz", "Ana Lopes", "hand-carved chess set")
    ]


def test_leaders_who_failed_to_reach_an_agreement_negotiated_and_failed(run):
    ex = run(
        "Egyptian President Omar Nassar and Israeli Prime Minister Dan Cohen held talks in Cairo "
        "on Sunday but failed to reach an agreement on a ceasefire."
    )
    assert [(set(a.parties), a.kind, a.status) for a in ex.agreements] == [
        ({"Omar Nassar", "Dan Cohen"}, "deal", "failed")
    ]


def test_failing_to_persuade_is_no_negotiation(run):
    ex = run(
        "Egyptian President Omar Nassar failed to persuade Israeli Prime Minister Dan Cohen "
        "during talks in Cairo on Sunday."
    )
    assert ex.agreements == ()


def test_the_reason_a_summit_broke_up_is_not_a_second_failed_deal(run):
    ex = run(
        "NAIROBI - Kenyan President Grace Wanjiru and Ethiopian Prime Minister Abiy Tesfaye met "
        "on Monday. Their previous round of talks, in Addis Ababa, collapsed without a deal, "
        "after the two sides failed to agree on water rights."
    )
    assert [a.status for a in ex.agreements] == ["failed"]


def test_paying_a_visit_makes_the_talks_a_visit(run):
    ex = run(
        "Vietnamese Prime Minister Pham Minh Tuan paid an official visit to Australia on Monday, "
        "holding talks with Prime Minister Jack Moore in Canberra."
    )
    assert [(m.kind, m.host_country) for m in ex.meetings] == [("visit", "AU")]


def test_a_leader_who_joins_a_pair_joins_their_meeting(run):
    ex = run(
        "ACCRA - Ghanaian President Kofi Mensah received Nigerian President Musa Bello at the "
        "Jubilee House on Sunday. The pair then went out onto the lawn, where Togolese "
        "President Yao Agbeko, who had flown in from Lome that morning, joined them beside the "
        "fountain."
    )
    assert [sorted(m.participants) for m in ex.meetings] == [
        ["Kofi Mensah", "Musa Bello", "Yao Agbeko"]
    ]


def test_joining_for_a_meeting_of_its_own_is_a_second_meeting(run):
    ex = run(
        "MONTEVIDEO - Uruguayan President Diego Flores and Chilean President Mateo Ibarra "
        "welcomed Argentine President Sofia Vidal in Montevideo on Thursday. Flores and Vidal "
        "spoke alone at first; Ibarra later joined them for a trilateral meeting."
    )
    assert sorted(sorted(m.participants) for m in ex.meetings) == [
        ["Diego Flores", "Mateo Ibarra", "Sofia Vidal"],
        ["Diego Flores", "Sofia Vidal"],
    ]


def test_an_hour_of_talks_with_a_leader_the_parser_hangs_elsewhere(run):
    ex = run(
        "Indian Prime Minister Ravi Mehta strolled along the riverbank that runs past the old "
        "fort before heading back to the pavilion with Nepalese Prime Minister Sita Rai for "
        "nearly an hour of talks on Sunday."
    )
    assert [set(m.participants) for m in ex.meetings] == [{"Ravi Mehta", "Sita Rai"}]


def test_a_hosted_summit_takes_those_who_attended_it(run):
    ex = run(
        "Polish President Jan Nowak hosted a summit of Baltic leaders in Warsaw on Friday, "
        "attended by Lithuanian President Rasa Kairiene and Latvian President Edgars Ozols."
    )
    assert [(set(m.participants), m.kind, m.host_country) for m in ex.meetings] == [
        ({"Jan Nowak", "Rasa Kairiene", "Edgars Ozols"}, "summit", "PL")
    ]


def test_the_host_of_a_signing_is_not_a_party(run):
    ex = run(
        "Bahraini Foreign Minister Ali Hassan and Israeli Prime Minister Dov Levin signed "
        "agreements in Washington on Tuesday, with US President Mark Dalton as their host."
    )
    assert [set(a.parties) for a in ex.agreements] == [{"Ali Hassan", "Dov Levin"}]
    assert [len(m.participants) for m in ex.meetings] == [3]


def test_his_host_is_the_leader_he_met_not_the_last_one_named(run):
    ex = run(
        "OTTAWA - Irish Prime Minister Sean Walsh held talks with Prime Minister Claire Roy on "
        "Tuesday. Roy had received Mexican President Lucia Herrera a month earlier. Walsh "
        "presented his host with a crystal bowl."
    )
    assert [(g.giver, g.recipient) for g in ex.gifts] == [("Sean Walsh", "Claire Roy")]
