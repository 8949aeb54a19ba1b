"""Agreements: kind, status and parties; discussion, plans and company deals are not agreements."""

from __future__ import annotations


def _agreements(ex):
    return {(a.kind, a.status, frozenset(a.parties)) for a in ex.agreements}


def test_signed_treaty_between_two_named_leaders(run):
    ex = run(
        "German Chancellor Lukas Becker and French President Julien Moreau signed a treaty "
        "in Strasbourg on Tuesday."
    )
    assert _agreements(ex) == {("treaty", "signed", frozenset({"Lukas Becker", "Julien Moreau"}))}


def test_accepted_invitation_names_the_inviter_from_the_destination(run):
    ex = run(
        "Vietnamese President Tran Van Minh held talks with Indonesian President Budi Santoso "
        "in Indonesia on Tuesday. Santoso accepted an invitation to visit Vietnam."
    )
    assert _agreements(ex) == {
        ("invitation", "accepted", frozenset({"Budi Santoso", "Tran Van Minh"}))
    }


def test_capitals_acting_are_iso_parties(run):
    ex = run(
        "US President Mark Dalton met Chinese President Li Wei in Seattle on Wednesday. "
        "Washington and Beijing agreed to cooperate on flood forecasting."
    )
    assert ("agreement", "agreed", frozenset({"US", "CN"})) in _agreements(ex)


def test_talks_ending_without_a_deal_failed(run):
    ex = run(
        "Russian President Ivan Petrov held talks with Turkish President Emre Kaya "
        "in Kazan on Monday. The two leaders' talks ended without a deal."
    )
    assert _agreements(ex) == {("deal", "failed", frozenset({"Ivan Petrov", "Emre Kaya"}))}


def test_discussion_alone_is_no_agreement(run):
    ex = run(
        "US President Mark Dalton met Chinese President Li Wei in Lima on Monday. "
        "They discussed trade but announced no agreement."
    )
    assert ex.agreements == ()


def test_company_contracts_are_not_state_agreements(run):
    ex = run(
        "Japanese Prime Minister Kenji Sato met Brazilian President Ana Lopes in Brasilia on "
        "Thursday. Japanese and Brazilian companies signed dozens of investment agreements."
    )
    assert ex.agreements == ()


def test_future_signing_is_not_an_agreement(run):
    ex = run(
        "US President Mark Dalton met Indian Prime Minister Ravi Mehta on Monday. "
        "The two leaders will sign a trade agreement next year."
    )
    assert ex.agreements == ()


def test_signed_a_treaty_with_a_partner_the_parser_hangs_on_the_document(run):
    # "with Y" attaches to "treaty", not to "signed", in the tagger's parse.
    ex = run(
        "German Chancellor Karl Weber signed a treaty with Italian President Marco Conti in "
        "Rome on Monday."
    )
    assert [(set(a.parties), a.status) for a in ex.agreements] == [
        ({"Karl Weber", "Marco Conti"}, "signed")
    ]
    assert [set(m.participants) for m in ex.meetings] == [{"Karl Weber", "Marco Conti"}]


def test_a_failed_summit_summary_keeps_its_words_apart(run):
    ex = run(
        "GENEVA - US President Mark Dalton and Russian President Ivan Petrov signed a treaty on "
        "Tuesday. Their first meeting, in the Austrian capital, Vienna, in May last year, "
        "ended without a deal after Petrov rejected a proposal from Dalton."
    )
    failed = [a.summary for a in ex.agreements if a.status == "failed"]
    assert len(failed) == 1 and "last year ended without a deal" in failed[0]


def test_the_presidents_of_two_countries_sign_as_those_countries(run):
    ex = run("The presidents of Kenya and Tanzania signed a trade agreement in Arusha on Sunday.")
    assert _agreements(ex) == {("agreement", "signed", frozenset({"KE", "TZ"}))}


def test_the_presidents_of_unnamed_countries_give_no_parties(run):
    ex = run("The presidents of several African countries signed a trade accord on Monday.")
    assert _agreements(ex) == set()


def test_the_leaders_of_two_countries_are_the_meetings_leaders_from_them(run):
    ex = run(
        "Prime Minister Abiy Ahmed arrived in Nairobi on Sunday for talks with President "
        "Uhuru Kenyatta. The leaders of Ethiopia and Kenya signed a trade accord on Monday."
    )
    assert _agreements(ex) == {("agreement", "signed", frozenset({"Abiy Ahmed", "Uhuru Kenyatta"}))}


def test_the_leaders_of_two_countries_then_by_name_is_one_record(run):
    ex = run(
        "Kenyan President Uhuru Kenyatta flew to Dodoma on Sunday for talks with Tanzanian "
        "President John Magufuli. The leaders of Kenya and Tanzania signed a declaration on "
        "Monday that reopened their border. Kenyatta and Magufuli signed the Joint Declaration "
        "on Border Trade at the state house, flanked by their ministers."
    )
    assert _agreements(ex) == {
        ("declaration", "signed", frozenset({"Uhuru Kenyatta", "John Magufuli"}))
    }


def test_a_leading_time_phrase_stays_out_of_a_pledge_summary(run):
    ex = run(
        "Australian Prime Minister Scott Morrison met Fijian Prime Minister Frank Bainimarama "
        "in Suva on Sunday. Morrison pledged grants for roads in Fiji, a week after Chinese "
        "Foreign Minister Wang Yi offered loans for a new port."
    )
    summaries = {a.summary for a in ex.agreements}
    assert any("loans for a new port" in s for s in summaries)
    assert not any(s.lower().startswith("week") for s in summaries)


OUTSIDER = (
    "Chinese Premier Li Keqiang held talks with Vanuatu Prime Minister Charlot Salwai in "
    "Beijing on Friday, and the two leaders signed a trade accord. {second}"
)


def test_a_pledge_by_a_leader_outside_the_meeting_goes_to_the_one_beside_him(run):
    ex = run(
        OUTSIDER.format(
            second="In Suva a day later, Scott Morrison and Fijian Prime Minister Frank "
            "Bainimarama toured a school, and Morrison announced that Australia would provide "
            "grants for roads."
        )
    )
    pledges = {frozenset(a.parties) for a in ex.agreements if a.kind == "pledge"}
    assert pledges == {frozenset({"Scott Morrison", "Frank Bainimarama"})}


def test_a_pledge_by_a_meeting_leader_goes_to_the_meetings_partner(run):
    ex = run(OUTSIDER.format(second="Li announced that China would provide grants for roads."))
    pledges = {frozenset(a.parties) for a in ex.agreements if a.kind == "pledge"}
    assert pledges == {frozenset({"Li Keqiang", "Charlot Salwai"})}


def test_the_government_of_a_country_acts_as_that_country(run):
    ex = run(
        "The Government of Kenya and the Government of Tanzania signed a memorandum of "
        "understanding on fisheries on Friday."
    )
    assert _agreements(ex) == {("mou", "signed", frozenset({"KE", "TZ"}))}


def test_the_government_of_no_named_country_is_no_party(run):
    ex = run(
        "The government of the day and the opposition signed a memorandum of understanding "
        "on fisheries on Friday."
    )
    assert _agreements(ex) == set()


def test_leaders_approving_a_joint_statement_issue_it(run):
    ex = run(
        "German Chancellor Lukas Becker met French President Julien Moreau in Strasbourg on "
        "Tuesday. The two leaders approved a joint statement on river shipping."
    )
    assert ("joint_statement", "agreed", frozenset({"Lukas Becker", "Julien Moreau"})) in (
        _agreements(ex)
    )


def test_approving_a_treaty_is_no_new_statement(run):
    ex = run(
        "German Chancellor Lukas Becker met French President Julien Moreau in Strasbourg on "
        "Tuesday. The German parliament approved the treaty on river shipping."
    )
    assert not any(a.kind == "joint_statement" for a in ex.agreements)
