"""Noun phrases as short text: gift items and meeting topics.

An item keeps its adjectives, compounds and complements ("glove from a
spacesuit", "7.5-carat green diamond grown in a laboratory") but drops
determiners, relative clauses, appositions and anything after a comma.
A topic also drops hedging adjectives ("a potential arms deal" -> "arms deal").
"""

from __future__ import annotations

from .tags import ADP, CCONJ, DET, PRON, PUNCT
from .text import kids, phrase

HEDGES = {
    "potential",
    "possible",
    "other",
    "initial",
    "further",
    "certain",
    "various",
    "several",
    "key",
    "main",
    "future",
    "broader",
    "wider",
    "such",
    "whole",
    "same",
    "own",
    "many",
    "some",
    "more",
    "closer",
    "much",
    "specific",
    "related",
    "long",
    "longer",
}
STOP_DEPS = {"relcl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "prep_together"}


def _keep(child, head, topic: bool) -> bool:
    if child.dep_ in STOP_DEPS or child.dep_ == "predet":
        return False
    if child.i > head.i and any(
        t.text in (",", ";", ":", "(", "—", "–") for t in head.doc[head.i : child.i]
    ):
        return False
    if child.dep_ == "acl" and child.tag_ == "VBG":
        return False
    if (
        child.dep_ == "prep"
        and child.lower_ == "with"
        and any(c.lower_ == "together" for c in kids(child))
    ):
        return False
    if child.dep_ == "advmod" and child.lower_ == "together":
        return False
    if child.dep_ == "poss" and child.pos == PRON:
        return False
    if topic and child.dep_ == "amod" and child.lower_ in HEDGES:
        return False
    if child.dep_ == "prep" and child.lower_ not in (
        "of",
        "from",
        "on",
        "in",
        "with",
        "for",
        "between",
        "about",
        "to",
        "against",
        "along",
    ):
        return False
    return True


def _collect(tok, head, topic, out, skip=frozenset()) -> None:
    out.append(tok)
    for child in kids(tok):
        if child.i in skip:
            continue
        if tok == head and not _keep(child, head, topic):
            continue
        quoted = (
            child.dep_ == "appos"
            and child.left_edge.i > 0
            and child.doc[child.left_edge.i].text in ('"', "“")
        )
        if tok != head and child.dep_ in ("relcl", "appos", "advcl", "parataxis") and not quoted:
            continue
        if (
            tok != head
            and child.dep_ == "conj"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids(child))
        ):
            continue
        if tok != head and child.dep_ == "acl" and child.tag_ == "VBG":
            continue
        _collect(child, head, topic, out, skip)


def np_text(head, topic: bool = False, keep_det: bool = False, skip=frozenset()) -> str:
    """The phrase headed by `head` as text (see module docstring); tokens in `skip`
    (indices) are left out with their subtrees.  Only leading determiners are dropped
    ('a glove from a spacesuit' -> 'glove from a spacesuit')."""
    toks = []
    _collect(head, head, topic, toks, skip)
    toks.sort(key=lambda t: t.i)
    cut = next((t.i for t in toks if t.i > head.i and t.text in (",", ";", "(", "—", "–")), None)
    run = [t for t in toks if cut is None or t.i < cut]
    while (
        run
        and not keep_det
        and (
            run[0].pos in (DET, PUNCT, CCONJ)
            or run[0].tag_ == "PRP$"
            or (topic and run[0].lower_ in HEDGES)
        )
    ):
        run = run[1:]
    while run and run[-1].pos in (PUNCT, CCONJ, ADP) and run[-1].text not in ('"', "”"):
        run = run[:-1]
    if not run:
        return ""
    text = phrase(run)
    if text.count('"') % 2 == 1 and head.doc[run[-1].i + 1 : run[-1].i + 2].text in ('"', "”"):
        text += '"'
    return text.replace("“", '"').replace("”", '"')


def split_items(head) -> list:
    """The item heads in an object phrase: 'A, B and C', 'A together with B', and 'a X from
    a Y ... and a Z' (a coordinated indefinite inside a complement is a separate item)."""
    items = []
    stack = [head]
    while stack:
        tok = stack.pop()
        items.append(tok)
        for child in kids(tok):
            if child.dep_ == "conj" or _listed_appos(tok, child):
                stack.append(child)
            elif (
                child.dep_ == "prep"
                and child.lower_ == "with"
                and any(c.lower_ == "together" for c in kids(child))
                or (
                    child.dep_ == "prep"
                    and child.lower_ == "with"
                    and child.i > 0
                    and child.doc[child.i - 1].lower_ == "together"
                )
            ):
                stack.extend(c for c in kids(child) if c.dep_ == "pobj")
            elif child.dep_ == "advmod" and child.lower_ == "together":
                for p in kids(child):
                    if p.dep_ == "prep":
                        stack.extend(c for c in kids(p) if c.dep_ == "pobj")
        for inner in _nested_conj(tok):
            stack.append(inner)
    return sorted(set(items), key=lambda t: t.i)


def _indefinite(tok) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids(tok))


def _listed_appos(head, child) -> bool:
    """'a camera, an archival print and a book': a list misparsed as apposition."""
    return child.dep_ == "appos" and _indefinite(head) and _indefinite(child)


def _nested_conj(tok) -> list:
    out = []
    for prep in (
        c for c in kids(tok) if c.dep_ == "prep" and c.lower_ in ("from", "of", "on", "in")
    ):
        for obj in (c for c in kids(prep) if c.dep_ == "pobj"):
            for conj in (c for c in kids(obj) if c.dep_ == "conj"):
                if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in kids(conj)):
                    out.append(conj)
    return out
