"""The persons of an article and the map from tokens to them (`People`), filled by
`people.build_people` and read by every later stage."""

from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer import geo

from .lexicon import TITLE_HEADS, TITLES
from .names import words_of
from .tags import AUX, PROPN, VERB
from .text import kids, tokens_of


@dataclass
class Person:
    pid: int
    name: str
    country: str | None = None
    title: str | None = None
    org: str | None = None
    aliases: set = field(default_factory=set)
    first_i: int = 0
    last_i: int = 0
    count: int = 0
    resolved_by: float = 0.9  # best confidence with which the person was named
    registry_key: str | None = None  # the registry person this is, when known
    registry_country: str | None = None  # their office's country on the article's date
    written: bool = True  # False while the name is the registry's, not the article's
    named_by: str = ""  # the people-stage rule of its first mention (`PERSON_RULES`)

    @property
    def words(self) -> list:
        return words_of(self.name)


@dataclass
class People:
    persons: list = field(default_factory=list)
    builder: object = None
    weak_country: set = field(default_factory=set)  # pids whose country is a guess
    by_tok: dict = field(default_factory=dict)  # token index -> pid
    groups: dict = field(default_factory=dict)  # token index -> tuple of pids
    conf: dict = field(default_factory=dict)  # token index -> resolution confidence
    order: list = field(default_factory=list)  # (token index, pid) in document order
    subjects: dict = field(default_factory=dict)  # sentence number -> pid of first subject
    bodies: set = field(default_factory=set)  # token indices standing for a delegation

    def pids(self, tok) -> tuple:
        """Persons a token refers to (itself only; see `refs` for coordinated phrases)."""
        if tok.i in self.groups:
            return self.groups[tok.i]
        if tok.i in self.by_tok:
            return (self.by_tok[tok.i],)
        return ()

    def any_between(self, start: int, end: int) -> bool:
        """Whether a token of [start, end) stands for a person (or a group of them)."""
        return any(i in self.by_tok or i in self.groups for i in range(start, end))

    def refs(self, tok) -> list:
        """Persons an argument phrase refers to, following coordination ("X and Y")."""
        out = []
        for t in conjuncts(tok):
            found = list(self.pids(t))
            if not found:
                inner = self._inner(t)
                # "US President Donald Trump and ... Kim": the conjunct hangs off the name.
                found = [p for c in conjuncts(inner) for p in self.pids(c)] if inner else []
            if not found and t.lower_ in TITLE_HEADS and t.i + 1 < len(t.doc):
                # "..., and Tanzania's Vice President [Philip Mpango]" with the name parsed
                # elsewhere: the title is the name written right after it
                found = list(self.pids(t.doc[t.i + 1]))
            if not found:
                continue
            found += self._after_dangling_and(t)
            for pid in found:
                if pid not in out:
                    out.append(pid)
        return out

    def _after_dangling_and(self, tok) -> list:
        """'with A and President B' parsed with B's name torn off the coordination (an
        accented or unknown name the parser splits, 'José Mário Vaz' as punctuation and
        an adverb): the person named right after the 'and' that ends A's name, past title
        words, is a conjunct too. Not an 'and' that joins clauses, nor a name that is a
        clause's subject ('A and President B said ...' keeps B to its own clause)."""
        doc, pids = tok.doc, self.pids(tok)
        end = tok.i + 1
        while end < len(doc) and self.pids(doc[end]) == pids:
            end += 1
        if end >= len(doc) or doc[end].lower_ != "and" or doc[end].head.pos in (VERB, AUX):
            return []
        j = end + 1
        while j < len(doc) and j - end <= 4 and not self.pids(doc[j]):
            if doc[j].lower_ not in _TITLE_WORDS and doc[j].ent_type_ != "NORP":
                return []
            j += 1
        if j >= len(doc) or j - end > 4:
            return []
        other = self.pids(doc[j])
        name = [k for k in range(j, min(len(doc), j + 6)) if self.pids(doc[k]) == other]
        if any(doc[k].dep_ in ("nsubj", "nsubjpass") for k in name):
            return []
        return list(other)

    def _inner(self, tok):
        """The name token inside a title phrase ('President [Putin]'), or None."""
        for child in kids(tok):
            if child.dep_ in ("compound", "appos", "flat") and self.pids(child):
                return child
        return None

    def confidence(self, tok) -> float:
        return self.conf.get(tok.i, 0.9)

    def get(self, pid) -> Person:
        return self.persons[pid]

    def salient(self, before: int, k: int = 2, exclude=()) -> list:
        """The k most mentioned persons seen before token `before` (recency breaks ties)."""
        counts, last = {}, {}
        for i, pid in self.order:
            if i >= before:
                break
            counts[pid] = counts.get(pid, 0) + 1
            last[pid] = i
        ranked = sorted(
            (p for p in counts if p not in exclude), key=lambda p: (-counts[p], -last[p])
        )
        return ranked[:k]


def conjuncts(tok) -> list:
    """A phrase and its coordinated phrases; a list the parser hung off an apposition
    ('A, B, C and D' parsed as A <appos B <conj C ...) counts as coordination."""
    doc = tok.doc
    memo = doc.user_data.setdefault(_CONJUNCTS_KEY, {})  # the parse's, asked about often
    found = memo.get(tok.i)
    if found is None:
        out, stack = [], [tok]
        while stack:
            t = stack.pop()
            out.append(t.i)
            stack.extend(c for c in kids(t) if c.dep_ == "conj" or _listed_appos(c))
            stack.extend(_listed_after_country(t))
        found = memo[tok.i] = sorted(out)
    toks = tokens_of(doc)
    return [toks[i] for i in found]


_CONJUNCTS_KEY = "summitry.conjuncts"
_TITLE_WORDS = frozenset(w for title in TITLES for w in title.lower().split())


def _listed_after_country(tok) -> list:
    """'B of Poland and C of Chile' parsed with C coordinated to Poland: the names
    coordinated to the country of a phrase's 'of' are coordinated to the phrase."""
    return [
        c
        for prep in kids(tok)
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in kids(prep)
        if o.dep_ == "pobj"
        and o.pos == PROPN
        and geo.country_for(o.doc[o.left_edge.i : o.i + 1].text)
        for c in kids(o)
        if c.dep_ == "conj" and c.pos == PROPN and not geo.country_for(c.text)
    ]


def _listed_appos(tok) -> bool:
    return (
        tok.dep_ == "appos"
        and tok.pos == PROPN
        and tok.i > tok.head.i
        and (
            any(c.dep_ == "conj" and c.pos == PROPN for c in kids(tok))
            or bool(_listed_after_country(tok))
        )
    )
