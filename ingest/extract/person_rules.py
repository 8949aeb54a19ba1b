"""The people stage's rule table (`PERSON_RULES`), and the token-level tests the person
pass uses: appositions, predicate nominals, title comparison, which nouns are
descriptions of a person and which are plural references."""

from __future__ import annotations

from .lexicon import (
    HONORIFICS,
    NUMBER_WORDS,
    PLURAL_PERSON_NOUNS,
    PRONOUNS_PL,
    ROLE_NOUNS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
)
from .names import NAME_RULES, NameRule
from .rule_tables import by_name
from .tags import ADP, AUX, NOUN, NUM, PRON, PROPN, VERB
from .text import kids, subtree, tokens_between

# A person the article names by no name of its own: read by the person builder
# (`person_builder._Builder._office_holder`) from a description, not by `name_spans`.
OFFICE_HOLDER = NameRule(
    "leader.office_holder",
    "a description naming nobody the article has named ('the Indian prime minister'): "
    "the registry's holder of that office of that country on the article's date",
    0.6,
    None,
)
# The people stage's table: how each person came into the article.  A leader's evidence
# names the row that read the person's first mention (`pipeline._leader`).
PERSON_RULES = (*NAME_RULES, OFFICE_HOLDER)
PERSON_RULES_BY_NAME = by_name(PERSON_RULES)

_RELATIONS = {
    "successor",
    "predecessor",
    "wife",
    "husband",
    "spouse",
    "son",
    "daughter",
    "brother",
    "sister",
    "father",
    "mother",
}


# Last words of multi-word titles ("head of state") that alone are no title.
_OF_HEADS = {"government", "state"}


# Nouns that tie a person to the state they founded ("X, the founder of Bangladesh").
_FOUNDERS = {"founder", "co-founder"}
# The nouns that may rename a name set off by commas (`_appositive_nouns`).
_APPOSITIVE_HEADS = frozenset(TITLE_HEADS | ROLE_NOUNS | _RELATIONS | _FOUNDERS)


def _appositive_nouns(
    doc, start: int, end: int, name_start: int | None = None, covered=frozenset()
) -> list:
    """Title or role nouns set off by commas right before or right after a name (`start`
    is where its title or honorifics begin, `name_start` where the name itself does).
    A title before the comma that another name (a token of `covered`) follows is that
    name's ("Honduran President A, B and C": not B's)."""
    out = []
    wanted = _APPOSITIVE_HEADS
    while start > 0 and doc[start - 1].lower_ in HONORIFICS:
        start -= 1
    before = _title_ending_at(doc[start - 2], wanted) if start >= 2 else None
    if before is not None and any(i in covered for i in range(before.i + 1, start - 1)):
        before = None
    root = doc[start if name_start is None else name_start : end].root
    if start >= 2 and doc[start - 1].text == "," and before is not None:
        out.append(before)
    elif start >= 1 and doc[start - 1].lower_ in _RELATIONS:
        out.append(doc[start - 1])
    elif (
        start >= 2
        and doc[start - 1].text == ","
        and root.dep_ == "appos"
        and root.head.i < start
        and root.head.lower_ in wanted
        and root.head.tag_ in ("NN", "NNP")
    ):
        out.append(root.head)  # "the last French president to visit, X": the noun X renames
    if end < len(doc) and doc[end].text == ",":
        for child in kids(root):
            if (
                (child.dep_ == "appos" or (child.dep_ == "conj" and child.left_edge.i == end + 1))
                and child.i > end
                and child.lower_ in wanted
                and child.tag_ in ("NN", "NNP")
            ):
                out.append(child)
                # "X, Hasina's father and the founder of Bangladesh": both nouns rename X
                out += [c for c in kids(child) if c.dep_ == "conj" and c.lower_ in _FOUNDERS]
        if not any(t.i > end for t in out):
            after = _title_after_comma(doc, end, wanted)
            if after is not None:
                out.append(after)
    return out


def _title_after_comma(doc, end: int, wanted: set):
    """The title noun heading the phrase set off after a name when the parser hung it on
    another word ('A and B, Ghana's minister of foreign affairs,' -> 'minister' for B)."""
    for tok in doc[end + 1 : min(len(doc), end + 8)]:
        if tok.is_punct:
            return None
        if tok.lower_ in wanted and tok.tag_ in ("NN", "NNP"):
            following = tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ("of", ",", "to", "for")
            return tok if following or tok.dep_ == "appos" else None
        if tok.pos in (NOUN, VERB, AUX, PRON, ADP):
            return None
    return None


def _title_ending_at(tok, wanted: set):
    """The title noun whose phrase ends at this token: 'president' for "the president of
    Kenya", 'Minister' for "Iran's Minister of Defence and Armed Forces Logistics"."""
    start = tok
    for _ in range(6):
        if tok.lower_ in wanted and tok.tag_ in ("NN", "NNP"):
            return tok
        if tok.dep_ not in ("pobj", "prep", "conj", "compound", "cc") or tok.head.i >= tok.i:
            break
        tok = tok.head
    # the parser lost the phrase: walk back over its capitalised words and "of"/"and"
    doc = start.doc
    for i in range(start.i, max(-1, start.i - 8), -1):
        word = doc[i]
        if word.lower_ in wanted and word.tag_ in ("NN", "NNP"):
            return word
        if not (word.text[:1].isupper() or word.lower_ in ("of", "and", "for", "to", "the", "&")):
            return None
    return None


def _clause_subject(tok, people):
    """The person who is the subject of the clause a description sits in (it cannot be them)."""
    head = tok
    while head.dep_ not in ("ROOT",) and head.pos not in (VERB, AUX):
        head = head.head
    for child in kids(head):
        if child.dep_ in ("nsubj", "nsubjpass") and child.i != tok.i and people.pids(child):
            return people.pids(child)[0]
    return None


def _same_title(a: str, b: str) -> bool:
    """'President' ~ 'president', 'Foreign Minister' ~ 'the minister'; 'prime minister' ~
    'minister' is not enough, and a vice or deputy holds another office than the president."""
    a, b = _singular(a).lower(), _singular(b).lower()
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return (
        " " not in short
        and long_.split()[-1] == short
        and short not in ("minister", "secretary")
        and not long_.startswith(_OTHER_OFFICE)
    )


# A title that starts so names another office than its last word ("Vice President").
_OTHER_OFFICE = ("vice", "deputy")


def _singular(title: str) -> str:
    """One holder's title, written out: 'Presidents' -> 'President', 'PM' -> 'Prime Minister'."""
    title = TITLE_ABBREVIATIONS.get(title.lower(), title)
    low = title.lower()
    if low.endswith("s") and low[:-1] in {t for t in TITLE_HEADS} | {"prime minister"}:
        return title[:-1]
    if low.endswith("ministers"):
        return title[:-1]
    return title


def _is_subject(tok) -> bool:
    """Whether a name token heads its clause's subject; the parser may hang the first words
    of a name on its last as modifiers ("Charles [de] Gaulle": nmod)."""
    while tok.head != tok and (
        tok.dep_ in ("compound", "flat", "appos")
        or (tok.dep_ == "nmod" and tok.head.ent_type_ == "PERSON" and tok.ent_type_ == "PERSON")
    ):
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _predicate_subject(tok):
    """'Obama is the first American president to visit': the subject of a copula."""
    if tok.dep_ not in ("attr", "oprd"):
        return None
    verb = tok.head
    while verb is not None:
        for child in kids(verb):
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        if verb.dep_ in ("advcl", "xcomp", "conj", "relcl") and verb.head != verb:
            verb = verb.head if verb.dep_ != "relcl" else None
        else:
            return None
    return None


_DESCRIBING_HEADS = TITLE_HEADS | ROLE_NOUNS


def _is_description(tok, people, covered: set) -> bool:
    if tok.lower_ not in _DESCRIBING_HEADS or tok.i in people.by_tok:
        return False  # the cheap tests first: this runs on every word
    if tok.pos not in (NOUN, PROPN) or tok.tag_ in ("NNS", "NNPS"):
        return False
    for c in kids(tok):
        if c.dep_ == "appos" and any(t.i in covered for t in subtree(c)):
            return False
    if tok.lower_ in _OF_HEADS and not (tok.i >= 2 and tok.doc[tok.i - 2].lower_ == "head"):
        return False  # "the Saudi government" is not "head of government"
    if tok.dep_ == "compound":
        return False
    doc = tok.doc
    if tok.i + 1 < len(doc) and (
        tok.i + 1 in covered or (doc[tok.i + 1].text == "," and tok.i + 2 in covered)
    ):
        return False
    dets = [c for c in kids(tok) if c.dep_ in ("det", "poss")]
    if tok.dep_ in ("attr", "oprd"):
        return True
    return any(d.lower_ not in ("a", "an", "every", "any", "no") for d in dets)


def _plural_number(tok):
    """'the two leaders' -> 2, 'the leaders' -> 0, 'the four' -> 4; None when the token
    is not a plural reference to persons."""
    low = tok.lower_
    if tok.pos == PRON and low in PRONOUNS_PL:
        return 0
    if low not in PLURAL_PERSON_NOUNS or any(
        c.dep_ == "prep" and c.lower_ == "of" for c in kids(tok)
    ):
        return None
    if low in NUMBER_WORDS and tok.pos == NUM:
        dets = [c for c in kids(tok) if c.dep_ == "det"]
        return (
            NUMBER_WORDS[low]
            if dets and tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj")
            else None
        )
    if low in ("two", "three", "four", "both", "sides"):
        return None
    nums = [
        c for c in kids(tok) if c.dep_ in ("nummod", "det", "predet") and c.lower_ in NUMBER_WORDS
    ]
    dets = [c for c in kids(tok) if c.dep_ in ("det", "poss")]
    if nums:
        return NUMBER_WORDS[nums[0].lower_]
    if low == "pair" and dets:
        return 2
    if dets and low in ("leaders", "presidents", "men", "prime ministers"):
        return 0
    return None


# Determiners that make a name a common noun: "a Pungsan", "this Picasso".
THING_DETERMINERS = {"a", "an", "this", "that", "these", "those", "two", "three", "both"}
# Nouns a leader's surname modifies while still naming the leader: "the Modi government".
THING_EXCEPTIONS = {"government", "administration", "era", "cabinet", "camp", "team", "aide",
                    "presidency", "doctrine", "visit", "trip", "regime", "family"}  # fmt: skip


def _noun_word(tok) -> bool:
    """A common noun, or a gerund before one ('hunting dogs')."""
    if tok.pos == NOUN:
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.tag_ == "VBG" and nxt is not None and nxt.pos == NOUN


def _used_as_thing(tok) -> bool:
    """A one-word name used as a word of a thing: the modifier of a common noun ("a
    Buddha statue", "the Teesta river", "two Pungsan dogs") or after a determiner that no
    person takes ("a Pungsan named Maru")."""
    doc = tok.doc
    before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if before in THING_DETERMINERS:
        return True
    head = tok.head
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.is_lower and _noun_word(after):
        head = after  # "Pungsan hunting dogs", "Teesta water deal": however it is parsed
    return (
        (head is after or tok.dep_ in ("compound", "amod", "nmod"))
        and _noun_word(head)
        and head.i > tok.i
        and head.lower_ not in TITLE_HEADS
        and head.lower_ not in ROLE_NOUNS
        and head.lemma_.lower() not in THING_EXCEPTIONS
    )


def thing_names(doc, spans, titled) -> set:
    """Starts of one-word name spans that are no person: every time the word is written
    as a name it is the word of a thing (see `_used_as_thing`), and no title is put
    before it.  A person named once by surname alone in such a phrase ("the Modi
    government") keeps being a person when the article names him elsewhere."""
    by_word: dict = {}
    for span in spans:
        if span.end - span.start == 1:
            by_word.setdefault(doc[span.start].text, []).append(span)
        else:
            for tok in tokens_between(doc, span.start, span.end):  # "Modi" in "Narendra Modi"
                by_word.setdefault(tok.text, []).append(None)
    out = set()
    for found in by_word.values():
        if None in found or any(titled(s) for s in found):
            continue
        if all(_used_as_thing(doc[s.start]) for s in found):
            out.update(s.start for s in found)
    return out
