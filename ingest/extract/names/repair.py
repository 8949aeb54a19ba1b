"""Names whose first word is an English function word ('To Lam', 'Do Muoi'): the tagger
reads the word as a preposition or a verb, the parser hangs the rest of the name under
it ('met [To] -> Lam'), and the name and its role in the sentence are both lost.
`repair_function_word_names` makes the word part of the name before any rule runs: a
proper noun, a PERSON entity with the rest of the name, and the name's head in the tree
takes the place the function word had."""

from __future__ import annotations

from spacy.tokens import Span

from gazetteer import geo

from ..lexicon import TITLE_HEADS, TITLE_SET
from ..tags import ADP, AUX, NOUN, PROPN, VERB
from ..text import doc_text, span_tokens

# Family names written like an English function word (Vietnamese Tô, Đỗ).
FUNCTION_WORD_NAMES = {"To", "Do"}
# Only "To" may open a sentence as a name: 'Do' there opens a question.
_AT_SENTENCE_START = {"To"}
_OPENERS = {'"', "“", "'", "‘", ":", "-", "–", "—", "("}
_NOT_NAMES = ("GPE", "LOC", "FAC", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART")


def _run_end(doc, start: int) -> int:
    end = start
    while end < len(doc) and doc[end].pos == PROPN and doc[end].is_title:
        end += 1
    return end


_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by",
                "from", "as", "but", "vs"}  # fmt: skip


def _title_cased(sent) -> bool:
    """A headline or a title written in title case ('Modi Travels To Hanoi For Talks'):
    no lower-case word but the small ones."""
    return not any(
        t.is_alpha and t.is_lower and t.lower_ not in _SMALL_WORDS for t in span_tokens(sent)
    )


def _is_name_start(doc, i: int) -> int:
    """The end of the name that starts with the function word at i, else 0."""
    tok = doc[i]
    if tok.text not in FUNCTION_WORD_NAMES or i + 1 >= len(doc):
        return 0
    nxt = doc[i + 1]
    if not (nxt.pos == PROPN and nxt.is_title and tok.whitespace_):
        return 0
    if nxt.ent_type_ in _NOT_NAMES or geo.lookup(nxt.text) or nxt.lower_ in TITLE_SET:
        return 0  # 'To Hanoi', 'To President X'
    end = _run_end(doc, i + 1)
    if tok.is_sent_start or i == 0:
        # 'To Lam met Xi': a name is the subject of the verb right after it
        if tok.text not in _AT_SENTENCE_START or end >= len(doc):
            return 0
        return end if doc[end].pos in (VERB, AUX) and doc[end].head == doc[end] else 0
    if doc[i - 1].text in _OPENERS or _title_cased(tok.sent):
        return 0
    return end


def _new_place(word, name_head):
    """Head and dependency the name takes from the function word it was hung under."""
    head = word.head
    if head == word:
        return name_head, "ROOT"
    if head.pos == ADP:
        return head, "pobj"
    if head.pos in (VERB, AUX):
        return head, "nsubj" if word.i < head.i else "dobj"
    return head, word.dep_


def _reattach(doc, start: int, end: int) -> None:
    word = doc[start]
    inside = [t for t in doc[start + 1 : end] if t.head == word]
    name_head = inside[-1] if inside else doc[end - 1]
    title = doc[start - 1] if start > 0 else word
    if (
        title.pos in (NOUN, PROPN)
        and title.text[:1].isupper()
        and (word.head == title or title.lower_ in TITLE_SET or title.lower_ in TITLE_HEADS)
        and not start <= title.head.i < end
    ):
        # 'General Secretary [To] Lam held talks', '... Central Committee To Lam held
        # talks': the capitalised title before the name is the name's compound
        head, dep = (name_head, "ROOT") if title.head == title else (title.head, title.dep_)
        name_head.head, name_head.dep_ = head, dep
        title.head, title.dep_ = name_head, "compound"
    else:
        head, dep = _new_place(word, name_head)
        name_head.head, name_head.dep_ = head, dep
    word.head, word.dep_ = name_head, "compound"
    word.pos_, word.tag_ = "PROPN", "NNP"


def _as_person(doc, start: int, end: int) -> None:
    """The name as one PERSON entity: the tagger's entity of its rest, lengthened, or a new
    one when no entity covers it."""
    ents = list(doc.ents)
    covering = [e for e in ents if e.start < end and start < e.end]
    if covering and any(e.label_ != "PERSON" for e in covering):
        return
    new_end = max([end] + [e.end for e in covering])
    rest = [e for e in ents if e not in covering]
    doc.ents = sorted(rest + [Span(doc, start, new_end, label="PERSON")], key=lambda e: e.start)


def repair_function_word_names(doc) -> None:
    """Make 'To Lam', 'Do Muoi' names: see the module docstring. Changes the Doc in place
    (tags, tree and entities) and is safe to run twice."""
    text = doc_text(doc)
    if not any(word + " " in text for word in FUNCTION_WORD_NAMES):
        return  # no such word before another: nothing to read token by token
    for i in range(len(doc)):
        end = _is_name_start(doc, i)
        if end <= i + 1:
            continue
        if not (doc[i].dep_ == "compound" and i < doc[i].head.i < end):
            _reattach(doc, i, end)  # not already read as the name's first word
        _as_person(doc, i, end)
