"""The agreement rules as a table (see `rule_tables`), read by `agreements.find_agreements`.

Passes (`on`), in the order the dispatch tries them on a verb:
- `unable`: a settling verb under "could not", "were unable to" (failed);
- `fail`: a failing verb ("failed to agree", "ended without a deal", "collapsed");
- `reject`: a rejecting verb, unless nobody rejects ("no one rejected");
- `none`: a settling verb whose object is "no deal" / "no agreement" (failed);
- `verb`: every other asserted verb, tried rule by rule, the first that reads wins;
and, outside the verb passes, `noun` (a pledge told as a noun) and `list` (a bulleted list
of documents after "signed:").  Rows that share a reader sit together, in the order the
reader tells them apart.
"""

from __future__ import annotations

from .agreement_failures import _could_not, _failed, _none_reached
from .agreement_lists import _listed_documents
from .agreement_offers import _accession, _assured, _invitation, _noun_pledge, _pledge
from .agreement_proposals import _proposed, _rejected
from .agreements import _agree, _issue, _oversaw, _sign, _stated
from .patterns import PUT_OUT
from .rule_tables import Agreed, Rule, by_name, readers

BIDEN, XI, MODI = "Joe Biden", "Xi Jinping", "Narendra Modi"
MACRON, SCHOLZ = "Emmanuel Macron", "Olaf Scholz"

AGREEMENT_RULES = (
    Rule(
        "agreement.could_not",
        "a settling verb ('agree', 'reach a deal') under 'could not', 'did not', 'were "
        "unable to': the talks failed",
        0.7,
        _could_not,
        (
            (
                f"President {BIDEN} and President {XI} could not agree on tariffs at their "
                "meeting on Monday.",
                Agreed((BIDEN, XI), "agreement", "failed"),
            ),
        ),
        on="unable",
    ),
    Rule(
        "agreement.failed_to",
        "'A and B failed to reach a deal / to agree on X'",
        0.75,
        _failed,
        (
            (
                f"President {BIDEN} and President {XI} failed to agree on a climate deal on "
                "Monday.",
                Agreed((BIDEN, XI), "agreement", "failed"),
            ),
        ),
        on="fail",
    ),
    Rule(
        "agreement.failed",
        "talks that 'ended without a deal' / 'with no agreement'",
        0.8,
        _failed,
        (
            (
                f"Talks between President {BIDEN} and President {XI} on Monday ended without "
                "a deal.",
                Agreed((BIDEN, XI), "deal", "failed"),
            ),
        ),
        on="fail",
    ),
    Rule(
        "agreement.collapsed",
        "talks or negotiations that 'collapsed', 'broke down', 'failed'",
        0.75,
        _failed,
        (
            (
                "Negotiations between President Vladimir Putin and President Volodymyr "
                "Zelensky collapsed on Monday.",
                Agreed(("Vladimir Putin", "Volodymyr Zelensky"), "agreement", "failed"),
            ),
        ),
        on="fail",
    ),
    Rule(
        "agreement.rejected",
        "'A rejected B's plan / proposal / deal' (a proposal, rejected)",
        0.7,
        _rejected,
        (
            (
                "President Volodymyr Zelensky rejected President Vladimir Putin's plan for a "
                "ceasefire.",
                Agreed(("Volodymyr Zelensky", "Vladimir Putin"), "deal", "rejected"),
            ),
        ),
        on="reject",
    ),
    Rule(
        "agreement.none_reached",
        "'no agreement was reached / no deal was struck at the talks between A and B'",
        0.7,
        _none_reached,
        (
            (
                f"No agreement on tariffs was reached at the talks between President {BIDEN} "
                f"and President {XI} on Monday.",
                Agreed((BIDEN, XI), "agreement", "failed"),
            ),
        ),
        on="none",
    ),
    Rule(
        "agreement.sign",
        "sign / conclude / ink / seal / exchange a document, also 'put their names to' it, "
        "in the passive ('was signed by A and B') and by officials for their states; not "
        "'signed as a witness' (patterns.AS_WITNESS)",
        0.9,
        _sign,
        (
            (
                f"President {MACRON} and President {BIDEN} signed a trade agreement in Paris on "
                "Monday.",
                Agreed((MACRON, BIDEN), "agreement", "signed"),
            ),
            (
                f"A memorandum on water security was signed by President {BIDEN} and Prime "
                f"Minister {MODI} on Monday.",
                Agreed((BIDEN, MODI), "mou", "signed"),
            ),
        ),
    ),
    Rule(
        "agreement.oversaw",
        "'A and B presided over / oversaw / witnessed the signing of N agreements': the "
        "leaders' states sign",
        0.8,
        _oversaw,
        (
            (
                f"President {MACRON} and Chancellor {SCHOLZ} presided over the signing of four "
                "agreements on energy.",
                Agreed(("FR", "DE"), "agreement", "signed"),
            ),
        ),
    ),
    Rule(
        "agreement.issue",
        "issue / adopt / release a joint statement or declaration; reach / strike / clinch "
        "/ hammer out a deal or an agreement (agreed)",
        0.85,
        _issue,
        (
            (
                f"President {MACRON} and Chancellor {SCHOLZ} issued a joint statement on Monday.",
                Agreed((MACRON, SCHOLZ), "joint_statement", "agreed"),
            ),
            (
                f"President {XI} and President Vladimir Putin struck a deal on gas supplies "
                "on Monday.",
                Agreed((XI, "Vladimir Putin"), "deal", "agreed"),
            ),
            (
                f"President {MACRON} and Chancellor {SCHOLZ} put out a joint statement on Monday.",
                Agreed((MACRON, SCHOLZ), "joint_statement", "agreed"),
            ),
        ),
        matchers=(PUT_OUT,),
    ),
    Rule(
        "agreement.in_statement",
        "a clause 'in a joint statement / declaration, A and B agreed to ...': the statement",
        0.8,
        _stated,
        (
            (
                f"In a joint declaration, President {MACRON} and Chancellor {SCHOLZ} agreed "
                "to expand rail links.",
                Agreed((MACRON, SCHOLZ), "declaration", "agreed"),
            ),
        ),
    ),
    Rule(
        "agreement.agree",
        "'A and B agreed to / on / that ...', 'A agreed with B on ...' (no document object)",
        0.9,
        _agree,
        (
            (
                f"President {MACRON} and Chancellor {SCHOLZ} agreed to expand rail links "
                "between their countries.",
                Agreed((MACRON, SCHOLZ), "agreement", "agreed"),
            ),
        ),
    ),
    Rule(
        "agreement.accept_invitation",
        "'B accepted A's invitation (to visit)': an invitation, accepted",
        0.8,
        _invitation,
        (
            (
                f"Prime Minister {MODI} accepted an invitation from President {BIDEN} to visit "
                "Washington.",
                Agreed((MODI, BIDEN), "invitation", "accepted"),
            ),
        ),
    ),
    Rule(
        "agreement.invite",
        "'A invited B (to visit)', 'extended an invitation to B': proposed, or accepted when "
        "B's yes follows in the sentence",
        0.8,
        _invitation,
        (
            (
                f"President {BIDEN} invited Prime Minister {MODI} to visit Washington.",
                Agreed((BIDEN, MODI), "invitation", "proposed"),
            ),
        ),
    ),
    Rule(
        "agreement.accession",
        "leaders who join / ratify / accede to / commit to a treaty or agreement (accepted)",
        0.8,
        _accession,
        (
            (
                f"President {MACRON} and Chancellor {SCHOLZ} ratified the treaty on defence "
                "cooperation on Monday.",
                Agreed((MACRON, SCHOLZ), "treaty", "accepted"),
            ),
        ),
    ),
    Rule(
        "agreement.pledge",
        "promise / pledge / announce / offer aid or money to another state or its leader",
        0.8,
        _pledge,
        (
            (
                f"President {BIDEN} pledged $2 billion in aid to Ukraine during talks with "
                "President Volodymyr Zelensky.",
                Agreed((BIDEN, "Volodymyr Zelensky"), "pledge", "agreed"),
            ),
        ),
    ),
    Rule(
        "agreement.pledge_clause",
        "a leader promising, or telling the other leaders, that their own state will (keep) "
        "invest(ing) in or help the other",
        0.7,
        _assured,
        (
            (
                f"President {BIDEN} met President William Ruto in Nairobi on Monday. Biden "
                "promised that the United States will keep investing in Kenyan railways.",
                Agreed((BIDEN, "William Ruto"), "pledge", "agreed"),
            ),
        ),
    ),
    Rule(
        "agreement.proposed",
        "propose / offer / put forward a document, a draft one, one dropped at the last minute",
        0.7,
        _proposed,
        (
            (
                f"President {XI} proposed a treaty on maritime trade to President Ferdinand "
                "Marcos.",
                Agreed((XI, "Ferdinand Marcos"), "treaty", "proposed"),
            ),
        ),
    ),
    Rule(
        "agreement.urged",
        "'A urged / called on B to sign / conclude a document'",
        0.6,
        _proposed,
        (
            (
                f"President {BIDEN} urged President {XI} to sign a treaty on arms control.",
                Agreed((BIDEN, XI), "treaty", "proposed"),
            ),
        ),
    ),
    Rule(
        "agreement.advocated",
        "'A called for / pressed for a declaration or treaty' in talks with B",
        0.6,
        _proposed,
        (
            (
                f"President {BIDEN} called for a treaty on arms control during talks with "
                f"President {XI}.",
                Agreed((BIDEN, XI), "treaty", "proposed"),
            ),
        ),
    ),
    Rule(
        "agreement.pledge_noun",
        "a possessive promise or offer of help abroad: 'India's promise to build a school in "
        "Mongolia', 'X's offer of a $1 billion line of credit'",
        0.6,
        _noun_pledge,
        (
            (
                f"Prime Minister {MODI} met President Ukhnaagiin Khurelsukh in Ulaanbaatar on "
                "Monday. India's promise to build a school in Mongolia was welcomed.",
                Agreed(("IN", "MN"), "pledge", "agreed"),
            ),
        ),
        on="noun",
    ),
    Rule(
        "agreement.listed",
        "a sentence ending 'signed (the following documents):' and one document per line "
        "after it: one record per line",
        0.75,
        _listed_documents,
        (
            (
                f"Prime Minister {MODI} met President {BIDEN} in Washington on Monday. The two "
                "governments signed the following documents:\n- MoU on health research;\n"
                "- Agreement on space cooperation.",
                Agreed(("IN", "US"), "mou", "signed"),
            ),
        ),
        on="list",
    ),
)
RULES_BY_NAME = by_name(AGREEMENT_RULES)
PASSES = ("unable", "fail", "reject", "none", "verb", "noun")
READERS = {on: readers(AGREEMENT_RULES, on) for on in PASSES}
