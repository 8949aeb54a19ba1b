"""Whether an agreement's own verb is asserted: 'went on to sign' is a signing, 'are
working to reach a deal', 'urged B to sign' and 'another day to reach an accord' are
aims or chances, not agreements."""

from __future__ import annotations

from .agreement_proposals import _bare_conj
from .conflict import verb_asserted
from .text import kids

#: Nouns whose infinitive is a chance or an aim, not a fact ("a day to reach a deal").
CHANCE_NOUNS = {"day", "week", "time", "chance", "opportunity", "bid", "effort", "attempt",
                "push", "drive", "deadline", "hope", "way", "pressure", "mission", "plan",
                "window", "occasion", "need", "call", "race"}  # fmt: skip
#: Verbs whose to-infinitive is an aim ("are working to reach a deal").
STRIVE_VERBS = {"work", "try", "seek", "strive", "aim", "hope", "struggle", "race", "scramble"}


def _asserted(tok) -> bool:
    """`verb_asserted`, reading 'went on to sign' as a signing that happened, and 'urged B
    to declare X and sign Y' as no signing."""
    if _bare_conj(tok):
        return False
    head = tok.head
    purpose = tok.dep_ == "xcomp" or (
        tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok))
    )
    if purpose and head.lemma_.lower() in STRIVE_VERBS:
        return False  # "are working to reach agreement on X": not reached yet
    if (
        tok.dep_ in ("acl", "relcl")
        and head.lemma_.lower() in CHANCE_NOUNS
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in kids(tok))
    ):
        return False  # "gives them another day to reach an accord": a chance, not a deal
    if (
        tok.dep_ == "xcomp"
        and head.lemma_.lower() == "go"
        and any(c.dep_ == "prt" and c.lower_ == "on" for c in kids(head))
    ):
        return verb_asserted(head)
    return verb_asserted(tok)
