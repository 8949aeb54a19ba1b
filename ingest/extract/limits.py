"""Bounds on the work one article may cost: sentences, facts and seconds.

Extraction grows faster than the text (the meeting rules compare mentions pairwise), so
an article far longer than any real report would hold a worker for many minutes and
write thousands of facts in one transaction. `Budget` is checked where the pipeline
passes from one stage to the next; over a limit it raises `TooLarge`, whose message says
which limit and how to get under it, for the people who uploaded the article.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass

SPLIT_ADVICE = "Split it into shorter articles and upload those."

#: A sentence's end, as the parser would most likely see it: final punctuation (and any
#: closing quote or bracket) before a space, or a blank line. Counting these needs no
#: parse, so an article far over the sentence limit is refused before it is parsed.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*\s+|\n\s*\n")
#: The estimate only refuses an article this many times over the limit; one nearer it is
#: parsed and its real sentences counted (abbreviations make the estimate run high).
ESTIMATE_MARGIN = 2
#: Words a sentence holds at most on average (news runs near 20, law near 35): the
#: sentence limit also bounds the words, which is what the parse costs in time and memory,
#: for a text whose sentence ends cannot be counted (a wall of text with no full stops).
MAX_AVERAGE_WORDS = 40


@dataclass(frozen=True)
class Limits:
    """None leaves that bound off."""

    max_sentences: int | None = None
    max_facts: int | None = None
    max_seconds: float | None = None


class TooLarge(Exception):
    """The article needs more work than the limits allow; the message is for people."""


class Budget:
    """One article's allowance, started when its extraction starts."""

    def __init__(self, limits: Limits | None, *, clock: Callable[[], float] = time.monotonic):
        self.limits = limits or Limits()
        self.clock = clock
        self.started = clock() if self.limits.max_seconds is not None else 0.0

    def check_text(self, text: str) -> None:
        """Refuse, before parsing, a text whose sentences are clearly too many, or whose
        words are more than that many sentences hold."""
        limit = self.limits.max_sentences
        if limit is None or len(text) < limit * ESTIMATE_MARGIN:
            return
        estimate = sum(1 for piece in _SENTENCE_END.split(text) if piece.strip())
        if estimate > limit * ESTIMATE_MARGIN:
            raise TooLarge(_too_long(f"about {estimate:,} sentences", limit))
        words = len(text.split())
        if words > limit * MAX_AVERAGE_WORDS:
            raise TooLarge(
                f"This article is too long to extract: {words:,} words, more than the limit "
                f"of {limit:,} sentences allows ({limit * MAX_AVERAGE_WORDS:,} words, at "
                f"{MAX_AVERAGE_WORDS} a sentence). " + SPLIT_ADVICE
            )

    def check_sentences(self, count: int) -> None:
        limit = self.limits.max_sentences
        if limit is not None and count > limit:
            raise TooLarge(_too_long(f"{count:,} sentences", limit))

    def check_facts(self, count: int) -> None:
        limit = self.limits.max_facts
        if limit is not None and count > limit:
            raise TooLarge(
                f"This article yields too many facts to extract: {count:,} meetings, gifts "
                f"and agreements so far, over the limit of {limit:,}. {SPLIT_ADVICE}"
            )

    def check_time(self, stage: str) -> None:
        limit = self.limits.max_seconds
        if limit is not None and self.clock() - self.started > limit:
            raise TooLarge(
                f"Extracting this article took longer than the limit of {limit:g} seconds "
                f"(stopped while {stage}). {SPLIT_ADVICE}"
            )


def _too_long(found: str, limit: int) -> str:
    return f"This article is too long to extract: {found}, over the limit of {limit:,}. " + (
        SPLIT_ADVICE
    )
