"""The extractor: article text and publication date in, `Extraction` out.

Pure Python on top of spaCy; no Django.  Use `extract` for one article,
`extract_many` for batches (runs `nlp.pipe`), `extract_doc` for a parsed Doc.
The text is the article body without its leading `date YYYY-MM-DD` line;
every fact's evidence offsets point into that text.  The parser reads its normalised
form (`normalize`: same length, typography and page chrome evened out); `parse` makes
such a Doc for callers of `extract_doc`.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator

from gazetteer.registry import Registry

from .limits import Budget, Limits, TooLarge
from .normalize import normalize
from .pipeline import run
from .text import parse, with_stored
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
    "parse",
    "normalize",
    "Limits",
    "TooLarge",
    "Registry",
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


def extract_doc(
    doc, published: dt.date | None, *, registry: Registry | None = None, budget=None
) -> Extraction:
    """Extract facts from an already parsed spaCy Doc (made by `parse`, so that the
    parser reads normalised text; a Doc of the raw text works, less well on page chrome).

    `registry` is the snapshot of office-holders (`gazetteer.registry`): with it,
    registry names are recognised where the NER model misses them, and each leader gets
    the country of the office held on the article's date when the article gives none.
    `budget` (a `limits.Budget`) bounds the work; without one there is no bound."""
    return run(doc, published, registry, budget)


def extract(
    text: str,
    published: dt.date | None,
    *,
    nlp=None,
    registry: Registry | None = None,
    limits: Limits | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Extraction:
    """Parse one article body and extract its facts.

    With `limits`, an article needing more sentences, facts or seconds than they allow
    raises `TooLarge` (its message is for people); one far over the sentence limit is
    refused before it is parsed. The clock starts before the parse."""
    budget = Budget(limits, clock=clock)
    budget.check_text(text)
    doc = parse(_nlp(nlp), text)
    budget.check_time("reading the text")
    return extract_doc(doc, published, registry=registry, budget=budget)


def extract_many(
    items: Iterable[tuple[str, dt.date | None]],
    *,
    nlp=None,
    batch_size: int = 16,
    registry: Registry | None = None,
) -> Iterator[Extraction]:
    """Extract many articles, parsing them in batches with `nlp.pipe`; yields in order."""
    nlp = _nlp(nlp)
    normalized = ((normalize(text), d) for text, d in items)
    for doc, (norm, published) in nlp.pipe(
        ((n.text, (n, d)) for n, d in normalized), as_tuples=True, batch_size=batch_size
    ):
        yield extract_doc(with_stored(doc, norm), published, registry=registry)
