"""Agreements, generated: templates x fillers (leader pairs, subjects, counts, statuses).

Each capability is a template of plain news English with a negative twin where one
makes sense.  The sentences are invented for these tests; the leaders are real public
figures the registry knows.  A case expects the multiset of (kind, status, parties)
where parties is "leaders" (the two leaders' names) or "states" (their ISO codes).
"""

from __future__ import annotations

import pytest

# (full mention, short name, ISO country, capital)
PAIRS = [
    (
        ("Indian Prime Minister Narendra Modi", "Narendra Modi", "IN"),
        ("Australian Prime Minister Anthony Albanese", "Anthony Albanese", "AU"),
    ),
    (
        ("French President Emmanuel Macron", "Emmanuel Macron", "FR"),
        ("Kenyan President William Ruto", "William Ruto", "KE"),
    ),
    (
        ("Japanese Prime Minister Fumio Kishida", "Fumio Kishida", "JP"),
        ("Indonesian President Joko Widodo", "Joko Widodo", "ID"),
    ),
    (
        ("German Chancellor Olaf Scholz", "Olaf Scholz", "DE"),
        ("South African President Cyril Ramaphosa", "Cyril Ramaphosa", "ZA"),
    ),
]
SUBJECTS = ["critical minerals", "mental health cooperation", "the avoidance of double taxation"]
COUNTS = [("three", 3), ("seven", 7), ("18", 18)]
COUNTRY_NAME = {
    "IN": "India",
    "AU": "Australia",
    "FR": "France",
    "KE": "Kenya",
    "JP": "Japan",
    "ID": "Indonesia",
    "DE": "Germany",
    "ZA": "South Africa",
}


def _intro(a, b):
    return f"{a[0]} held talks with {b[0]} on Tuesday. "


def _surname(p):
    return p[1].split()[-1]


# capability -> list of (template, expected); expected is a list of (kind, status, who)
TEMPLATES = {
    "signed, plain": [
        ("{A} and {B} signed an agreement on {subject}.", [("agreement", "signed", "leaders")]),
        ("{A} signed an agreement on {subject} with {B}.", [("agreement", "signed", "leaders")]),
        ("{A} and {B} signed a treaty on {subject}.", [("treaty", "signed", "leaders")]),
        (
            "{countryA} and {countryB} signed an agreement on {subject}.",
            [("agreement", "signed", "states")],
        ),
        ("{A} and {B} discussed an agreement on {subject}.", []),
        (
            "After talks in Geneva, {A} and {B} signed an MoU on {subject}.",
            [("mou", "signed", "leaders")],
        ),
        ("After talks in Geneva, {A} and {B} discussed an MoU on {subject}.", []),
        ("{A} and {B} will sign an agreement on {subject} next year.", []),
    ],
    "struck a deal": [
        ("{A} and {B} struck a deal on {subject}.", [("deal", "agreed", "leaders")]),
        ("{A} and {B} sealed a deal on {subject}.", [("deal", "signed", "leaders")]),
        ("{A} and {B} hope to strike a deal on {subject}.", []),
        (
            "{A} reached an agreement with {B} on {subject}.",
            [("agreement", "agreed", "leaders")],
        ),
        ("{A} struck a deal with {B} over {subject}.", [("deal", "agreed", "leaders")]),
        ("{A} wants to strike a deal with {B} on {subject}.", []),
    ],
    "passive signing": [
        (
            "A memorandum of understanding on {subject} was signed by {a} and {b}.",
            [("mou", "signed", "leaders")],
        ),
        (
            "An agreement on {subject} was signed by {a} and {b} after the talks.",
            [("agreement", "signed", "leaders")],
        ),
        ("The guest book was signed by {a} and {b}.", []),
    ],
    "signed in the presence": [
        (
            "Agreements on {subject} were exchanged in the presence of {a} and {b}.",
            [("agreement", "signed", "states")],
        ),
        (
            "Ministers signed an agreement on {subject} in the presence of {a} and {b}.",
            [("agreement", "signed", "states")],
        ),
        (
            "Companies from both countries signed contracts in the presence of {a} and {b}.",
            [],
        ),
    ],
    "joint statement and declaration": [
        (
            "{A} and {B} issued a joint statement on {subject}.",
            [("joint_statement", "agreed", "leaders")],
        ),
        (
            "{A} and {B} adopted the Nairobi Declaration on {subject}.",
            [("declaration", "agreed", "leaders")],
        ),
        ("{A} issued a statement on {subject}.", []),
    ],
    "named documents": [
        (
            "{A} and {B} signed an MoU on {subject}, an MoU on tourism and an agreement on "
            "visa exemption.",
            [
                ("mou", "signed", "leaders"),
                ("mou", "signed", "leaders"),
                ("agreement", "signed", "leaders"),
            ],
        ),
        (
            "{A} and {B} signed MoUs on {subject}, tourism and space research.",
            [("mou", "signed", "leaders")] * 3,
        ),
        (
            "{A} signed two MoUs on {subject} and tourism with {B}.",
            [("mou", "signed", "leaders")] * 2,
        ),
        (
            "{A} and {B} signed three agreements on trade, energy and {subject}.",
            [("agreement", "signed", "leaders")] * 3,
        ),
        (  # the count is not the number of subjects: one batch
            "{A} and {B} signed 18 agreements on trade and energy.",
            [("agreement", "signed", "leaders")],
        ),
        (
            "{A} and {B} signed the Harbour Security Treaty, the Coral Sea Fisheries Agreement "
            "and the Ocean Science Declaration.",
            [
                ("treaty", "signed", "leaders"),
                ("agreement", "signed", "leaders"),
                ("declaration", "signed", "leaders"),
            ],
        ),
        (  # one document named twice
            "{A} and {B} signed the Coral Sea Treaty, a landmark accord on fishing.",
            [("treaty", "signed", "leaders")],
        ),
    ],
    "counted batch": [
        (
            "The two sides signed {count} agreements on Tuesday.",
            [("agreement", "signed", "states")],
        ),
        (
            "{A} and {B} signed {count} agreements covering trade and energy.",
            [("agreement", "signed", "leaders")],
        ),
        ("Businesses from the two countries signed {count} agreements.", []),
        ("{a} and {b} watched as business leaders signed {count} commercial deals.", []),
        ("{A} and {B} looked on as company executives signed {count} contracts.", []),
    ],
    "failed": [
        ("The talks between {a} and {b} ended with no deal.", [("deal", "failed", "leaders")]),
        ("Negotiations between {a} and {b} collapsed.", [("agreement", "failed", "leaders")]),
        ("{A} and {B} failed to agree on {subject}.", [("agreement", "failed", "leaders")]),
        ("The talks ended without agreement.", [("deal", "failed", "leaders")]),
        ("The talks ended with a deal on {subject}.", []),
        ("{A} and {B} failed to broker a deal over {subject}.", [("deal", "failed", "leaders")]),
        ("{A} and {B} managed to strike a deal over {subject}.", [("deal", "agreed", "leaders")]),
        (
            "No deal on {subject} was struck during the talks between {A} and {B}.",
            [("deal", "failed", "leaders")],
        ),
        (
            "No deal on {subject} has been struck in the talks between {A} and {B}, which "
            "will go on next week.",
            [],
        ),
        (
            "A deal on {subject} was struck during the talks between {A} and {B}.",
            [("deal", "agreed", "leaders")],
        ),
        (
            "{A} and {B} cut their meeting short without agreement on {subject}.",
            [("deal", "failed", "leaders")],
        ),
        ("{A} and {B} cut tariffs on {subject} equipment.", []),
        (
            "The summit between {A} and {B} broke up without a deal.",
            [("deal", "failed", "leaders")],
        ),
    ],
    "proposed": [
        ("{A} proposed a treaty on {subject}.", [("treaty", "proposed", "leaders")]),
        ("{A} offered {b} a deal on {subject}.", [("deal", "proposed", "leaders")]),
        (
            "A draft agreement on {subject} was dropped at the last minute.",
            [("agreement", "proposed", "leaders")],
        ),
        ("{A} proposed a toast to {b}.", []),
        ("{A} proposed a treaty on {subject} to {B}.", [("treaty", "proposed", "leaders")]),
        (
            "{A} offered {B} a memorandum of understanding on {subject}.",
            [("mou", "proposed", "leaders")],
        ),
        (
            "{A} put forward a treaty on {subject} during talks with {B}.",
            [("treaty", "proposed", "leaders")],
        ),
        ("{A} put forward a new idea during talks with {B}.", []),
    ],
    "asked to sign": [
        ("{A} urged {B} to sign a treaty on {subject}.", [("treaty", "proposed", "leaders")]),
        (
            "{A} called on {B} to join an agreement on {subject}.",
            [("agreement", "proposed", "leaders")],
        ),
        ("{A} called on {B} to explain the delay.", []),
        (  # a peace deal is between warring sides, not with the one who urges it
            "{A} urged {B} to declare a truce, open the border and sign a peace agreement.",
            [],
        ),
        ("{A} urged {B} to sign a trade agreement with the European Union.", []),
        ("{A} urged {B} to sign the visitors' book.", []),
    ],
    "advocated": [
        (
            "{A} pressed his case for a declaration formally ending the border dispute.",
            [("declaration", "proposed", "leaders")],
        ),
        ("{A} called for a treaty on {subject}.", [("treaty", "proposed", "leaders")]),
        ("{A} called for calm after the vote.", []),
    ],
    "rejected": [
        ("{A} rejected {b}'s plan for {subject}.", [("deal", "rejected", "leaders")]),
        ("{A} rejected the proposed deal on {subject}.", [("deal", "rejected", "leaders")]),
        ("{A} rejected {b}'s accusation of meddling.", []),
        (
            "{A} refused to sign an agreement on {subject} drafted by {B}.",
            [("agreement", "rejected", "leaders")],
        ),
        (
            "{A} declined to sign the treaty on {subject} that {B} had proposed.",
            [("treaty", "rejected", "leaders")],
        ),
        (
            "{A} turned down an MoU on {subject} offered by {B}.",
            [("mou", "rejected", "leaders")],
        ),
        (
            "{A} rejected a proposal from {B} for a treaty on {subject}.",
            [("treaty", "rejected", "leaders")],
        ),
        (
            "{A} rejected an MoU on {subject} that {B} had put forward.",
            [("mou", "rejected", "leaders")],
        ),
        ("{A} refused to comment on the treaty with {B}.", []),
        ("{A} refused to sign autographs for {B}'s staff.", []),
        ("{A} praised {B} and said rebels had refused to sign the peace agreement.", []),
    ],
    "invitation": [
        ("{A} invited {b} to visit {countryA}.", [("invitation", "proposed", "leaders")]),
        (
            "{B} accepted {a}'s invitation to visit {countryA}.",
            [("invitation", "accepted", "leaders")],
        ),
        (
            "{A} invited {b} to visit {countryA}, and {b} said he would come.",
            [("invitation", "accepted", "leaders")],
        ),
        ("{A} invited reporters to a briefing.", []),
    ],
    "pledge": [
        (
            "{A} pledged $500 million in grants for infrastructure in {countryB}.",
            [("pledge", "agreed", "leaders")],
        ),
        (
            "{A} announced a $1 billion line of credit for {countryB}.",
            [("pledge", "agreed", "leaders")],
        ),
        ("{A} pledged to fight corruption at home.", []),
    ],
    "officials and witnesses": [
        (
            "{a} and {b} presided over the signing of {count} agreements.",
            [("agreement", "signed", "states")],
        ),
        ("{a} and {b} presided over the opening of a bridge.", []),
        (
            "Officials from {countryA} and {countryB} signed an agreement on {subject}.",
            [("agreement", "signed", "states")],
        ),
        (
            "The two prime ministers issued a joint statement on {subject}.",
            [("joint_statement", "agreed", "leaders")],
        ),
        (
            "{A} and {B} went on to sign a joint declaration on {subject}.",
            [("declaration", "signed", "leaders")],
        ),
        (
            "{A} and {B} signed a revised version of the treaty on {subject}.",
            [("treaty", "signed", "leaders")],
        ),
    ],
    "pledge reported": [
        (
            "{A} announced that {countryA} would provide $300 million in grants for {countryB}.",
            [("pledge", "agreed", "leaders")],
        ),
        ("{A} announced that {countryA} would provide more details later.", []),
    ],
    "invitation answered later": [
        (
            "{A} invited {b} to visit {countryA} next year. {B} said he would come.",
            [("invitation", "accepted", "leaders")],
        ),
        (
            "{A} invited {b} to visit {countryA} next year. {B} said he would think about it.",
            [("invitation", "proposed", "leaders")],
        ),
    ],
    "back references and datelines": [
        (
            "The two sides signed {count} agreements. The agreements were reached after long "
            "talks.",
            [("agreement", "signed", "states")],
        ),
        (
            "{countryA} and {countryB} signed an agreement on {subject}, in a ceremony "
            "watched by the two leaders.",
            [("agreement", "signed", "states")],
        ),
        (
            "Three agreements were signed after the talks between {a} and {b}.",
            [("agreement", "signed", "states")],
        ),
        ("The 1974 treaty was signed long before {a} met {b}.", []),
        (
            "The dispute ended with a treaty signed in Geneva in 1999 by {a} and {b}.",
            [("treaty", "signed", "leaders")],
        ),
        (
            "{A} extended an invitation to {b} to visit {countryA}, and {b} accepted it.",
            [("invitation", "accepted", "leaders")],
        ),
        (
            "{a} ended the talks with {b} with no agreement on {subject}.",
            [("deal", "failed", "leaders")],
        ),
    ],
    "wire leads": [
        (
            "NAIROBI, Kenya, May 3 (Reuters) - {countryA} and {countryB} signed a treaty on "
            "{subject} on Friday.",
            [("treaty", "signed", "states")],
        ),
        (
            "The foreign ministers of {countryA} and the republic of {countryB} signed an "
            "accord on {subject}.",
            [("agreement", "signed", "states")],
        ),
        ("{a} and {b} spoke about issues where they agree, such as {subject}.", []),
        (
            "Officials signed a protocol on {subject}, along with {count} memorandums of "
            "understanding.",
            [("agreement", "signed", "states"), ("mou", "signed", "states")],
        ),
    ],
    "agreed to": [
        (
            "{A} and {B} agreed to expand cooperation on {subject}.",
            [("agreement", "agreed", "leaders")],
        ),
        ("{A} and {B} did not agree on {subject}.", []),
    ],
    # issue 11, second round: kinds seen on unseen news, in sentences written here
    "put out, told again, together with": [
        (
            "{A} and {B} put out a joint statement on {subject}.",
            [("joint_statement", "agreed", "leaders")],
        ),
        (
            "{A} and {B} signed a framework agreement on {subject} on Tuesday. The two leaders "
            "held talks and then signed the framework agreement.",
            [("agreement", "signed", "leaders")],
        ),
        (
            "{A} and {B} signed a framework agreement on {subject}. They also signed a trade "
            "agreement.",
            [("agreement", "signed", "leaders"), ("agreement", "signed", "leaders")],
        ),
        (
            "The dispute goes back to the Points of Agreement signed in 1990 by {a} and {b}.",
            [("agreement", "signed", "leaders")],
        ),
        ("The dispute goes back to the points of order raised by {a} and {b}.", []),
        (
            "{a} and {b} signed a joint declaration on deepening cooperation together with an "
            "agreement to expand trade.",
            [("declaration", "signed", "leaders"), ("agreement", "signed", "leaders")],
        ),
    ],
    "help pledged, talks without a deal": [
        (
            "{a} announced more money for {subject} in {countryB}.",
            [("pledge", "agreed", "leaders")],
        ),
        (
            "{countryA} has promised to build a hospital in {countryB}.",
            [("pledge", "agreed", "states")],
        ),
        ("{countryA} has promised to build a new hospital in its own capital.", []),
        ("{a} and {b} left the talks without a deal.", [("deal", "failed", "leaders")]),
        ("{a} and {b} left the talks with a smile.", []),
        ("{A} and {B} are working to reach agreement on {subject}.", []),
        ("{A} and {B} are trying to reach a deal on {subject}.", []),
        (
            "{A} and {B} worked for a year and reached a deal on {subject}.",
            [("deal", "agreed", "leaders")],
        ),
    ],
}


def _cases():
    out = []
    for cap, templates in TEMPLATES.items():
        for t_no, (template, expected) in enumerate(templates):
            for p_no, (a, b) in enumerate(PAIRS):
                subject = SUBJECTS[(t_no + p_no) % len(SUBJECTS)]
                count = COUNTS[(t_no + p_no) % len(COUNTS)][0]
                text = template.format(
                    A=a[0],
                    B=b[0],
                    a=_surname(a),
                    b=_surname(b),
                    subject=subject,
                    count=count,
                    countryA=COUNTRY_NAME[a[2]],
                    countryB=COUNTRY_NAME[b[2]],
                )
                if not ("{A}" in template and "{B}" in template):
                    text = _intro(a, b) + text
                out.append(
                    pytest.param(text, a, b, expected, id=f"{cap}-{t_no}-{p_no}".replace(" ", "_"))
                )
    return out


def _expected(expected, a, b):
    who = {"leaders": frozenset({a[1], b[1]}), "states": frozenset({a[2], b[2]})}
    return sorted((k, s, tuple(sorted(who[w]))) for k, s, w in expected)


@pytest.mark.parametrize("text,a,b,expected", _cases())
def test_agreement_capability(run, text, a, b, expected):
    ex = run(text)
    got = sorted((x.kind, x.status, tuple(sorted(x.parties))) for x in ex.agreements)
    assert got == _expected(expected, a, b), text


def test_suite_size():
    assert len(_cases()) >= 150
