"""Coarse parts of speech as spaCy's integer ids, for ``tok.pos == NOUN``.

Reading ``tok.pos_`` looks its name up on every call and costs four times
``tok.pos``; the rules test parts of speech hundreds of thousands of times in a
large batch, so they compare the ids."""

from spacy.symbols import (
    ADJ,
    ADP,
    ADV,
    AUX,
    CCONJ,
    DET,
    NOUN,
    NUM,
    PRON,
    PROPN,
    PUNCT,
    VERB,
    X,
)

__all__ = [
    "ADJ",
    "ADP",
    "ADV",
    "AUX",
    "CCONJ",
    "DET",
    "NOUN",
    "NUM",
    "PRON",
    "PROPN",
    "PUNCT",
    "VERB",
    "X",
]
