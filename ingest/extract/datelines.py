"""Wire datelines and headlines in a normalised text: where the headline ends, the
dateline opening the next line ("ISLAMABAD, April 20 (Reuters) -", "PORT MORESBY:") and
how the parser is shown it (its place as a paragraph of its own).  See normalize.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer import geo

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CAPS = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # capitals, accented ones too ("MAL\u00c9")
_CAPS_PLACE = (
    rf"[{_CAPS}][{_CAPS}.'\u2019-]*[{_CAPS}.](?:[ ][{_CAPS}][{_CAPS}.'\u2019-]*[{_CAPS}.]){{0,3}}"
)
_TITLE_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
# ", Kenya", ", Guinea-Bissau", ", Saint Vincent and the Grenadines"
_REGION = (
    rf",[ ]*(?!{_MONTH}[ ]*\d)[A-Z][\w.'\u2019-]*"
    rf"(?:[ ](?:and|the|of|[A-Z][\w.'\u2019-]*)){{0,4}}(?<![ ]and)(?<![ ]the)(?<![ ]of)"
)
_DATE = (  # ", June 4", " 18 January 2018", " \u2014 18 January 2018" (before a colon)
    rf"(?:,|[ ]*\u2014)?[ ]*(?:{_MONTH}[ ]+\d{{1,2}}|\d{{1,2}}[ ]+{_MONTH})(?:,?[ ]*\d{{4}})?"
)
_AGENCY = r"[ ]*\([A-Za-z][\w&./ -]{0,24}\)"
_SEPARATOR = "[ ]*(?:--|[-:\u2013\u2014])[ ]+"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE}(?:{_REGION})?)(?P<date>{_DATE})?(?P<agency>{_AGENCY})?{_SEPARATOR}"
    rf"|(?P<tplace>{_TITLE_PLACE}(?:{_REGION})?)(?P<tdate>{_DATE})?(?P<tagency>{_AGENCY}){_SEPARATOR}"
    # Without an agency, a place in title case must be a known city ("Pyongyang: ...").
    rf"|(?P<kplace>{_TITLE_PLACE}(?:{_REGION})?)(?P<kdate>{_DATE})?{_SEPARATOR}"
    # TASS style: "DANANG /Vietnam/, November 10. /TASS/. "
    rf"|(?P<splace>{_CAPS_PLACE})(?:[ ]*/[A-Z][\w ]*/)?(?:{_DATE})?\.?[ ]*/[A-Z][\w-]*/\.?[ ]+"
)
# All-caps words that open a line like a dateline but are labels, not places.
_NOT_PLACES = {
    "BREAKING",
    "UPDATE",
    "UPDATED",
    "WATCH",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "LIVE",
    "FILE",
    "PHOTO",
    "FILE PHOTO",
    "VIDEO",
    "NOTE",
    "EDITOR'S NOTE",
    "CORRECTION",
    "READ MORE",
    "RELATED",
}


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: where it starts and ends in the text, and its place."""

    place: str  # "ASMARA, Eritrea"
    start: int
    end: int  # offset of the first character after the separator


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """The wire dateline opening the first non-blank line at or after `start` (the
    headline's end): "KAZAN, Russia, June 24 (Reuters) -", "Moscow (ANTARA) -", "RIYADH -"."""
    for _ in range(_STANDFIRSTS + 1):
        m = _FIRST_LINE.search(text, start)
        if m is None:
            return None
        found = _dateline_at(text, m.end())
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        line = text[m.end() : end].rstrip()
        if found is not None or len(line) > _MAX_STANDFIRST or line.endswith(_SENTENCE_ENDS):
            return found  # a line ending as a sentence does is the body: no dateline after it
        start = end  # a standfirst or a kicker before the dateline: look at the next line
    return None


_SENTENCE_ENDS = tuple(".!?\"'\u201d\u2019")
# Short deck lines (a standfirst, a kicker: no final stop) that may stand between the
# headline and the dateline.
_STANDFIRSTS = 2
_MAX_STANDFIRST = 300


def _dateline_at(text: str, at: int) -> Dateline | None:
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    m = _DATELINE.match(text, at, line_end)
    if m is None or m.end() >= line_end:
        return None
    place = m.group("place") or m.group("tplace") or m.group("kplace") or m.group("splace")
    place = place.strip()
    place = place.replace("\u2019", "'")
    if place.split(",")[0].upper() in _NOT_PLACES:
        return None
    if m.group("kplace") and not geo.country_for_place(place.split(",")[0]):
        return None
    return Dateline(place, m.start(), m.end())


def _plain_dateline(text: str, dateline: Dateline) -> str:
    """The dateline as the parser reads it: its place as a paragraph of its own, the
    wire's date, agency and dash blanked ("KAZAN, Russia, June 24 (Reuters) - " ->
    "KAZAN, Russia" and a paragraph break).  Run into the first sentence, a place is
    parsed as part of it ("KAZAN, Russia - X gave ..." loses the gift);
    `text.build_index` leaves the place out of the sentences."""
    width = dateline.end - dateline.start
    line = text[dateline.start : dateline.end]
    kept = line[: line.find(dateline.place.split(",")[0]) + len(dateline.place)]
    breaks = "\n\n" if width - len(kept) >= 2 else "\n"[: width - len(kept)]
    return kept + breaks + " " * (width - len(kept) - len(breaks))


_FIRST_LINE = re.compile(r"(?:^|\n)[ ]*(?=\S)")
_PARAGRAPH_BREAK = re.compile(r"\n[ ]*\n")


def headline_end(text: str) -> int:
    """Where the headline ends (0 without one): a first paragraph (or, where paragraphs
    are single lines, a first line) without final punctuation, shorter than 200
    characters and followed by more text."""
    lead = len(text) - len(text.lstrip())
    for m in (_PARAGRAPH_BREAK.search(text, lead), _LINE_BREAK.search(text, lead)):
        if m is None or not text[m.end() :].strip():
            continue
        first = text[lead : m.start()].strip()
        bare = first.rstrip("\"\u201d\u2019'")
        if first and bare and bare[-1] not in ".!?" and len(first) < 200:
            if m.re is _LINE_BREAK and not _paragraph_lines_follow(text, m.end()):
                continue
            return m.start()
    return 0


def _paragraph_lines_follow(text: str, start: int) -> bool:
    """Whether one-line paragraphs follow a first line: the next line ends a sentence and
    more text comes after it. A first line running on into a single sentence ("President
    Sergio\nMattarella met ...") is a hard wrap, not a headline."""
    rest = [line.strip() for line in text[start:].split("\n") if line.strip()]
    if len(rest) < 2:
        return False
    return rest[0].rstrip("\"\u201d\u2019')")[-1:] in (".", "!", "?")


_LINE_BREAK = re.compile(r"\n")
