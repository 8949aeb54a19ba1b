"""The extractor: article text and publication date in, `Extraction` out.

Pure Python on top of spaCy; no Django.  Use `extract` for one article,
`extract_many` for batches (runs `nlp.pipe`), `extract_doc` for a parsed Doc.
The text is the article body without its leading `date YYYY-MM-DD` line;
every fact's evidence offsets point into that text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from .pipeline import run
from .types import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    EXTRACTOR_VERSION,
    MEETING_KINDS,
    AgreementCandidate,
    Evidence,
    Extraction,
    GiftCandidate,
    LeaderMention,
    MeetingCandidate,
    Span,
)

__all__ = [
    "extract",
    "extract_many",
    "extract_doc",
    "Extraction",
    "LeaderMention",
    "MeetingCandidate",
    "GiftCandidate",
    "AgreementCandidate",
    "Evidence",
    "Span",
    "EXTRACTOR_VERSION",
    "MEETING_KINDS",
    "AGREEMENT_KINDS",
    "AGREEMENT_STATUSES",
]


def _nlp(nlp):
    if nlp is not None:
        return nlp
    from ingest.nlp import get_nlp

    return get_nlp()


def extract_doc(doc, published: dt.date | None) -> Extraction:
    """Extract facts from an already parsed spaCy Doc."""
    return run(doc, published)


def extract(text: str, published: dt.date | None, *, nlp=None) -> Extraction:
    """Parse one article body and extract its facts."""
    return extract_doc(_nlp(nlp)(text), published)


def extract_many(
    items: Iterable[tuple[str, dt.date | None]], *, nlp=None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract many articles, parsing them in batches with `nlp.pipe`; yields in order."""
    nlp = _nlp(nlp)
    for doc, published in nlp.pipe(
        ((text, d) for text, d in items), as_tuples=True, batch_size=batch_size
    ):
        yield extract_doc(doc, published)
