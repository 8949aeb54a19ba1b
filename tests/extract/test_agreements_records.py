"""Agreements, one record each: the one-line summary names the subject, a counted batch
is one record with its count, a bulleted list of signed documents gives one per item,
pledges and invitations are summarised by what was promised or offered, and typography
changes nothing.  The sentences are invented for these tests; the leaders are real
public figures the registry knows.
"""

from __future__ import annotations

import pytest

from tests.extract.test_agreements_general import PAIRS

# -- summaries ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,summary",
    [
        (
            "NAIROBI, May 3 (Reuters) - Kenyan President William Ruto and French President "
            "Emmanuel Macron signed an agreement on critical minerals on Friday.",
            "Agreement on critical minerals",
        ),
        (
            "Indian Prime Minister Narendra Modi held talks with Australian Prime Minister "
            "Anthony Albanese on Tuesday. The two sides signed 18 agreements on trade, "
            "health and education.",
            "18 agreements on trade, health and education",
        ),
        (
            "Indian Prime Minister Narendra Modi held talks with Australian Prime Minister "
            "Anthony Albanese on Tuesday. They signed an MoU on mental health cooperation "
            "and an agreement on the avoidance of double taxation.",
            "MoU on mental health cooperation|Agreement on the avoidance of double taxation",
        ),
        (  # the partner is no part of the subject
            "Kenyan President William Ruto reached an agreement with French President Emmanuel "
            "Macron on critical minerals.",
            "Agreement on critical minerals",
        ),
        (  # nor is the one who proposed it
            "Kenyan President William Ruto turned down a treaty on critical minerals offered by "
            "French President Emmanuel Macron.",
            "Treaty on critical minerals",
        ),
        (  # a subject that names a partner country stays whole
            "Kenyan President William Ruto and French President Emmanuel Macron signed an "
            "agreement on trade with Ethiopia.",
            "Agreement on trade with Ethiopia",
        ),
    ],
)
def test_summary_names_the_subject(run, text, summary):
    ex = run(text)
    assert "|".join(a.summary for a in ex.agreements) == summary


def test_counted_batch_is_one_record_with_its_count(run):
    ex = run(
        "Japanese Prime Minister Fumio Kishida held talks with Indonesian President Joko "
        "Widodo on Tuesday. The two governments signed seven agreements."
    )
    assert [(a.kind, a.summary) for a in ex.agreements] == [("agreement", "Seven agreements")]


def test_two_word_country_is_one_party_not_a_fragment(run):
    ex = run(
        "Saudi Arabia and South Africa signed an agreement on renewable energy on Monday. "
        "Kenya and Saudi Arabia signed a memorandum of understanding on tourism."
    )
    assert sorted(tuple(sorted(a.parties)) for a in ex.agreements) == [
        ("KE", "SA"),
        ("SA", "ZA"),
    ]


LIST_TEXT = (
    "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
    "Thursday.\n{lead}\n• Agreement on the avoidance of double taxation\n"
    "• MoU on cooperation in agriculture\n• Protocol on visa exemption for diplomats\n"
    "Modi said the visit opened a new chapter."
)


@pytest.mark.parametrize(
    "lead,expected",
    [
        ("The two governments signed three documents during the visit:", 3),
        ("During the visit, ministers of the two countries also signed:", 3),
        ("The agreements signed during the visit include:", 3),
        ("Companies from the two countries signed:", 0),
        ("The talks covered:", 0),
    ],
)
def test_a_bulleted_list_of_signed_documents_gives_one_record_per_item(run, lead, expected):
    ex = run(LIST_TEXT.format(lead=lead))
    got = [(a.kind, a.status, tuple(sorted(a.parties)), a.summary) for a in ex.agreements]
    if not expected:
        assert got == []
        return
    assert got == [
        ("agreement", "signed", ("IN", "KE"), "Agreement on the avoidance of double taxation"),
        ("mou", "signed", ("IN", "KE"), "MoU on cooperation in agriculture"),
        ("agreement", "signed", ("IN", "KE"), "Protocol on visa exemption for diplomats"),
    ]


def test_a_counted_batch_and_a_named_treaty_stay_two_records(run):
    ex = run(
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
        "Thursday. The two governments signed 12 agreements on trade and health. Modi and "
        "Ruto also signed a maritime security treaty. The treaty was signed in the palace."
    )
    assert sorted((a.kind, a.summary) for a in ex.agreements) == [
        ("agreement", "12 agreements on trade and health"),
        ("treaty", "Maritime security treaty"),
    ]


def test_a_document_in_the_lede_and_again_in_the_list_is_one_record(run):
    ex = run(
        LIST_TEXT.format(
            lead="On Thursday the two countries signed an agreement allowing joint patrols, "
            "and the two governments signed three documents:"
        )
    )
    assert len(ex.agreements) == 3


def test_a_clause_of_a_signed_declaration_is_that_declaration(run):
    ex = run(
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
        "Thursday. India and Kenya signed the Nairobi Declaration on maritime security. In the "
        "declaration the two countries pledge to fight piracy together."
    )
    assert [(a.kind, a.status) for a in ex.agreements] == [("declaration", "signed")]


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("India's promise to build a school in Kenya was renewed.", [("pledge", "agreed")]),
        ("Modi's offer of a $1 billion line of credit was welcomed.", [("pledge", "agreed")]),
        ("Modi's promise to cut taxes at home was discussed.", []),
        ("Modi's offer of talks was discussed.", []),
    ],
)
def test_a_promise_of_help_told_as_a_noun_is_a_pledge(run, sentence, expected):
    ex = run(
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
        "Thursday. " + sentence
    )
    assert [(a.kind, a.status) for a in ex.agreements] == expected


def test_a_clause_of_a_joint_statement_binds_both_sides(run):
    ex = run(
        "US President Joe Biden held talks with Brazilian President Jair Bolsonaro on Tuesday. "
        "In a joint statement released after the talks, Brazil agreed to open its market to "
        "American wheat."
    )
    assert [(a.kind, a.status, len(a.parties)) for a in ex.agreements] == [
        ("joint_statement", "agreed", 2)
    ]


def test_agreed_to_a_noun_is_summarised_by_the_noun(run):
    ex = run(
        "MOSCOW - Russian President Vladimir Putin and Turkish President Recep Tayyip Erdogan "
        "agreed on Thursday to a ceasefire in the northern province, where fighting had raged."
    )
    assert [a.summary for a in ex.agreements] == ["Ceasefire in the northern province"]


def test_a_wire_lead_with_two_titled_leaders_agreeing(run):
    ex = run(
        "TOKYO - Japanese Prime Minister Fumio Kishida and South Korean President Yoon Suk Yeol "
        "agreed on Thursday to resume regular visits between their leaders."
    )
    assert [(a.kind, a.status, set(a.parties)) for a in ex.agreements] == [
        ("agreement", "agreed", {"Fumio Kishida", "Yoon Suk Yeol"})
    ]


def test_a_colon_dateline_before_two_leaders_issuing_a_statement(run):
    ex = run(
        "ANKARA: President Recep Tayyip Erdogan and Russian President Vladimir Putin issued a "
        "joint statement on Friday committing to expand trade."
    )
    assert [(a.kind, set(a.parties)) for a in ex.agreements] == [
        ("joint_statement", {"Recep Tayyip Erdogan", "Vladimir Putin"})
    ]


def test_a_counted_batch_named_after_a_colon_gives_the_named_documents(run):
    ex = run(
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
        "Thursday. The two leaders signed two agreements: a memorandum of understanding on "
        "tea research and an agreement on port logistics."
    )
    assert [(a.kind, a.summary) for a in ex.agreements] == [
        ("mou", "Memorandum of understanding on tea research"),
        ("agreement", "Agreement on port logistics"),
    ]


def test_a_bare_document_is_summarised_by_its_purpose_not_its_signers(run):
    ex = run(
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
        "Thursday. Modi signed an agreement Thursday to expand tea exports to India."
    )
    assert [a.summary for a in ex.agreements] == ["Agreement to expand tea exports to India"]


@pytest.mark.parametrize(
    "answer,status",
    [
        ("an invitation Ruto said he would gladly take up.", "accepted"),
        ("an invitation Ruto said he would consider.", "proposed"),
        ("and Ruto replied that he would be there.", "accepted"),
        ("and Ruto replied that he would not be there.", "proposed"),
    ],
)
def test_an_invitation_to_a_pronoun_taken_up_in_a_relative_clause(run, answer, status):
    ex = run(
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
        "Thursday. Modi invited him to India, " + answer
    )
    assert [(a.kind, a.status, set(a.parties)) for a in ex.agreements] == [
        ("invitation", status, {"Narendra Modi", "William Ruto"})
    ]


def test_a_named_declaration_with_a_place_in_its_name_is_no_company_deal(run):
    ex = run(
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
        "Thursday. The two leaders signed the Mombasa Joint Declaration. Kenyan and Indian "
        "firms signed a Safaricom supply deal."
    )
    assert [(a.kind, a.status) for a in ex.agreements] == [("declaration", "signed")]


def _curly(text):
    return text.replace("'", "\u2019")


def _nbsp(text):
    return text.replace("Prime Minister ", "Prime\u00a0Minister ").replace(
        " signed", "\u00a0signed"
    )


def _em_dateline(text):
    return "NEW DELHI \u2014 " + text


@pytest.mark.parametrize("perturb", [_curly, _nbsp, _em_dateline], ids=["curly", "nbsp", "emdash"])
@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Ruto accepted Modi's invitation to visit India.", ("invitation", "accepted")),
        ("Modi and Ruto signed a memorandum of understanding on tea research.", ("mou", "signed")),
        ("The talks between Modi and Ruto ended with no deal.", ("deal", "failed")),
        ("Modi rejected Ruto's plan for a joint port authority.", ("deal", "rejected")),
    ],
)
def test_typography_does_not_change_the_agreement(run, perturb, sentence, expected):
    intro = (
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto "
        "on Thursday. "
    )
    ex = run(perturb(intro + sentence))
    assert [(a.kind, a.status, set(a.parties)) for a in ex.agreements] == [
        (*expected, {"Narendra Modi", "William Ruto"})
    ]


def test_a_declaration_signed_by_leaders_and_pledged_by_their_countries_is_one(run):
    ex = run(
        "Indian Prime Minister Narendra Modi held talks with Kenyan President William Ruto on "
        "Thursday. Modi and Ruto signed the Nairobi Declaration on maritime security. In the "
        "declaration the two countries pledge to fight piracy together."
    )
    assert [(a.kind, a.status) for a in ex.agreements] == [("declaration", "signed")]


@pytest.mark.parametrize("pair", PAIRS[:2], ids=lambda p: p[0][2])
def test_listed_titles_opening_with_a_participle_are_items(run, pair):
    a, b = pair
    ex = run(
        f"{a[0]} held talks with {b[0]} on Tuesday. The two governments signed four documents:\n"
        "• Implementing Arrangement concerning cooperation in defence science\n"
        "• Framework Arrangement on cyber cooperation\n"
        "• MoU on cooperation in vocational training\n"
        "• MoU on cooperation in water management\n"
        "Signed copies were exchanged afterwards."
    )
    kinds = sorted(x.kind for x in ex.agreements)
    assert kinds == ["agreement", "agreement", "mou", "mou"], ex.agreements
