"""The shape of the extractor's rule tables, shared by the stages.

Every fact the extractor reports names, in its evidence (`Evidence.rule`), the rule that
read it.  Each stage keeps its rules in one table: the people stage in
`person_rules.PERSON_RULES` (the name rules of `names.rules.NAME_RULES`, then the
office-holder read from a description; a leader's evidence names the row of their first
mention, 'leader.titled'), the others, of `Rule`s, in `meeting_rules.MEETING_RULES`,
`gift_rules.GIFT_RULES` and `agreement_rules.AGREEMENT_RULES`.  A rule carries:

- `name`: what its evidence says ("agreement.sign");
- `pattern`: the construction, in words, and where it is one, `matchers`: the same as
  spaCy `DependencyMatcher` patterns (`patterns.py` runs them);
- `confidence`: what a candidate the rule reads with all its arguments is given (a
  candidate missing a side, or read through a guessed name, gets less, never more);
- `find`: the reader the stage's dispatch calls; one reader may read several
  constructions, each its own rule (`agreement_failures._failed` reads "failed to agree",
  "talks ended without a deal" and "talks collapsed");
- `on`: the dispatch pass that calls the reader (a verb, a noun, a list...);
- `examples`: invented sentences and the fact each must give, with the rule's name in
  its evidence (`tests/extract/test_rule_tables.py` runs them through the whole
  extractor).

A stage's dispatch iterates its table (`readers`), in the table's order; so a rule is
added by adding its row, and a name no table holds is a defect the tests catch.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Met:
    """An example's meeting: these leaders (at least) took part."""

    participants: tuple[str, ...]


@dataclass(frozen=True)
class Given:
    """An example's gift: from the giver to the recipient, the item (its phrase)."""

    giver: str
    recipient: str
    item: str


@dataclass(frozen=True)
class Agreed:
    """An example's agreement: its parties (leader names or ISO codes), kind and status."""

    parties: tuple[str, ...]
    kind: str
    status: str


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: str  # the construction, in words
    confidence: float
    find: Callable  # the reader the dispatch calls (it may read several rules)
    examples: tuple = ()  # (sentence, Met | Given | Agreed)
    on: str = "verb"  # the dispatch pass that calls `find`
    matchers: tuple = ()  # its spaCy DependencyMatcher patterns (`patterns.PatternSet`)
    triggers: frozenset = frozenset()  # the words that name the rule (meetings), if any


def readers(table, on: str) -> tuple:
    """The distinct readers of a table's rules read on one pass, in table order."""
    return tuple(dict.fromkeys(rule.find for rule in table if rule.on == on))


def by_name(table) -> dict:
    return {rule.name: rule for rule in table}
