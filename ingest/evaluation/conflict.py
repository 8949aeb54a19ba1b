"""The conflict audit: predicted facts whose evidence sentence carries a conflict cue
(independent of the extractor's own rules)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ingest.evaluation.matching import (
    describe,
)

_DEAL_NOUNS = r"(?:deal|agreement|accord|bargain|compromise|balance|chord|note|tone|pose)"
_CONFLICT_CUE = re.compile(
    r"\b(?:"
    r"threat(?:en(?:s|ed|ing)?|s)?"
    r"|protest(?:s|ed|ing|ers?)?"
    r"|fight(?:s|ing)?|fought"
    r"|attack(?:s|ed|ing)?"
    r"|sanction(?:s|ed|ing)?"
    r"|demand(?:s|ed|ing)?"
    r"|reject(?:s|ed|ing|ions?)?"
    r"|warn(?:s|ed|ing|ings)?"
    r"|condemn(?:s|ed|ing|ations?)?"
    # "strike a deal" / "struck an agreement" is how deals are made, not a fight
    rf"|(?:strikes?|striking|struck)(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+)?{_DEAL_NOUNS}\b)"
    # "Shell" with a capital is the oil company
    r"|(?-i:shells?)|shell(?:ed|ing)"
    r"|invad(?:e|es|ed|ing)|invasions?"
    r"|clash(?:es|ed|ing)?"
    r")\b",
    re.IGNORECASE,
)


def conflict_cue(sentence: str) -> str | None:
    """The first conflict cue in ``sentence`` (lowercased), or None.

    The cues are the word forms of threaten/threat, protest, fight, attack,
    sanction, demand, reject/rejection, warn/warning, condemn, strike, shell,
    invade/invasion and clash, matched on word boundaries ("treaty" is not
    "threat").  Two readings that are not conflict are left out: "strike /
    struck a deal" (or agreement, accord, bargain...) and "Shell" with a
    capital (the company).
    """
    match = _CONFLICT_CUE.search(sentence or "")
    return match.group(0).lower() if match else None


@dataclass(frozen=True)
class ConflictFact:
    """A predicted fact whose evidence sentence carries a conflict cue."""

    article: str
    fact_type: str  # meetings | gifts | agreements
    fact: str  # a one-line description
    cue: str
    sentence: str


def find_conflict_facts(extraction: Any, article: str) -> list[ConflictFact]:
    """The meetings, gifts and agreements of an ``Extraction`` found in a conflict sentence.

    A fact counts once, for the first of its evidence sentences with a cue.
    """
    found = []
    gold = extraction.to_gold(article)
    for fact_type in ("meetings", "gifts", "agreements"):
        for fact, as_dict in zip(getattr(extraction, fact_type), gold[fact_type], strict=True):
            for evidence in fact.evidence:
                cue = conflict_cue(evidence.span.sentence)
                if cue:
                    found.append(
                        ConflictFact(
                            article=article,
                            fact_type=fact_type,
                            fact=describe(fact_type, as_dict),
                            cue=cue,
                            sentence=evidence.span.sentence,
                        )
                    )
                    break
    return found
