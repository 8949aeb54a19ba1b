"""Text normalisation before parsing: the same sentence gives the same facts whatever
its typography and page chrome.

`normalize` returns a text of the same length as the stored one, made by one-for-one
character substitutions: typographic quotes and apostrophes become ASCII, unicode
spaces become spaces, a spaced dash becomes an em dash (an aside, as the parser reads
it) and an en dash inside a word a hyphen, a line break inside a sentence becomes a
space, and page chrome (bylines, captions and credits, "Read more" lines, comment and
share buttons, repeated lines, bullet markers) is blanked with spaces.  Because the
length is kept, every character offset in the parsed text is an offset into the
stored text, which is what evidence spans point into.  The exceptions are invisible
characters ("Ma<soft hyphen>cron"), the CR of a CR LF inside a sentence and a line
break after a word's hyphen: the rest of the line moves left over them and spaces
fill its end (a run of blanks inside a sentence misleads the parser), and
`Normalized.stored_offset` maps those positions back.

The wire dateline ("ISLAMABAD, April 20 (Reuters) -", "ASMARA, Eritrea (AP) \u2014",
"PORT MORESBY:") keeps its place as a paragraph of its own, so it does not run into
the first sentence's parse (`text.build_index` leaves it out of the sentences and
`places.dateline_place` makes it the host fallback); its date and agency are blanked,
so the date rules never see them: "on Monday" resolves against the publication date,
not against the wire's filing date.

Datelines and headlines are found in datelines.py, page chrome in page_chrome.py.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from .datelines import Dateline, _dateline_at, _plain_dateline, find_dateline, headline_end
from .page_chrome import _BULLET, _SENTENCE_END, _blank_chrome, _lines, byline_place

# One-for-one substitutions.  Quotes and primes become ASCII quotes; every unicode space
# becomes a space; the line and paragraph separators become newlines.
_CHAR_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u00a0": " ",
    "\u1680": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\t": " ",
    "\f": " ",
    "\v": " ",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2212": "-",
}
_CHAR_MAP.update({chr(c): " " for c in range(0x2000, 0x200B)})  # en quad .. hair space
# Invisible characters: soft hyphen, zero-width space/joiners, word joiner, BOM.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_TABLE = str.maketrans(_CHAR_MAP)

# A single line break after one of these words is inside a sentence.
_CONTINUING = frozenset(
    "a an the of in on at to for from with by and or but as than that this these those "
    "his her its their our my your who whom whose which said says told met meet meets "
    "president prime minister chancellor king queen crown prince princess emperor "
    "pope premier secretary general foreign defence defense sheikh sultan emir "
    "mr mrs ms dr sir lord "
    "january february march april may june july august september october november "
    "december jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_CLOSERS = "\"')]"
_WORD_BEFORE = re.compile(r"([\w.]+)\W*$")


@dataclass(frozen=True)
class Normalized:
    """The parse text and what maps it back to the stored text."""

    text: str
    stored: str
    dateline: Dateline | None = None
    # (parse offset, shift): from that offset on, a parse offset plus its shift is the
    # stored offset; empty when no character moved.
    shifts: tuple = ()

    def stored_offset(self, offset: int) -> int:
        at = bisect_right(self.shifts, (offset, float("inf"))) - 1
        return offset + self.shifts[at][1] if at >= 0 else offset


def normalize(stored: str) -> Normalized:
    """The parse text for a stored article text (same length; see the module doc)."""
    # CR LF: a space and the break (closed up if the break joins); a lone CR: a break.
    plain = stored.replace("\r\n", " \n").replace("\r", "\n").translate(_TABLE)
    chars = list(plain)
    _dashes(chars, plain)
    text = _blank_chrome("".join(chars))
    text, closed = _join_wrapped_lines(text, stored)
    closed |= {i for i, ch in enumerate(text) if ch in _INVISIBLE}
    text, shifts = _close(text, closed)
    dateline = find_dateline(text, headline_end(text))
    if dateline is not None:
        plain = _plain_dateline(text, dateline)
        text = text[: dateline.start] + plain + text[dateline.end :]
    else:
        dateline = byline_place(plain)
    return Normalized(text, stored, dateline, shifts)


_DASH = re.compile("[-\u2013\u2014\u2015]")


def _dashes(chars: list, text: str) -> None:
    """A dash between spaces (" - ", " -- ", " \u2013 ") is an aside and becomes an em
    dash, which the parser and the phrase rules read as one (a spaced hyphen they read
    as part of a compound); between digits it stays a hyphen ("1998 - 2000").  An en
    dash inside a word or range ("India\u2013Pacific", "30\u201331") is a hyphen."""
    n = len(chars)
    for m in _DASH.finditer(text):
        i, ch = m.start(), chars[m.start()]
        width = 2 if ch == "-" and i + 1 < n and chars[i + 1] == "-" else 1
        if ch == "-" and i and chars[i - 1] == "-":
            continue  # the second of "--"
        before = chars[i - 1] if i else " "
        after = chars[i + width] if i + width < n else " "
        if before.isspace() and after.isspace():
            digits = i > 1 and chars[i - 2].isdigit() and i + width + 1 < n
            if digits and chars[i + width + 1].isdigit():
                chars[i] = "-" if width == 1 else chars[i]
                continue
            chars[i : i + width] = ["\u2014"] + [" "] * (width - 1)
        elif ch == "\u2013":
            chars[i] = "-"
        elif ch == "\u2015":
            chars[i] = "\u2014"


def _close(text: str, closed: set) -> tuple[str, tuple]:
    """Take the characters at `closed` out of their line: the rest of the line moves
    left and spaces fill its end, so no run of blanks splits a word or a sentence
    ("Ma<soft hyphen>cron", a CR before a joined line break).  Returns the text and the
    shifts that map its offsets back (`Normalized.stored_offset`)."""
    if not closed:
        return text, ()
    chars, shifts = list(text), []
    for a, b in _lines(text):
        gone = [i for i in range(a, b) if i in closed]
        if not gone:
            continue
        kept = [i for i in range(gone[0], b) if i not in closed]
        pos = gone[0]
        for j in kept:
            if not shifts or shifts[-1][1] != j - pos:
                shifts.append((pos, j - pos))
            chars[pos] = text[j]
            pos += 1
        end = kept[-1] + 1 if kept else gone[0]
        shifts.append((pos, end - pos))  # the line's end, then its padding
        chars[pos:b] = " " * (b - pos)
        shifts.append((b, 0))
    return "".join(chars), tuple(shifts)


def _join_wrapped_lines(text: str, stored: str) -> tuple[str, set]:
    """A line break inside a sentence ("on October\\n30", "President\\nEmmanuel Macron")
    becomes a space; paragraph breaks, list items and a headline's own line stay.
    Returns the text and the offsets to close (`_close`): the CR of a joined CR LF, and
    a break after a word's hyphen ("al-\\nSisi")."""
    chars, closed = None, set()
    lines = list(_lines(text))
    wrapped = _wrapped_blocks(text, lines)
    for n in range(len(lines) - 1):
        (a, b), (c, d) = lines[n], lines[n + 1]
        prev, nxt = text[a:b].rstrip(), text[c:d].lstrip()
        opens = c + len(text[c:d]) - len(nxt)
        if not prev or not nxt or _BULLET.match(stored, c) or _dateline_at(text, opens):
            continue
        if n in wrapped or _continues(prev, nxt):
            chars = chars if chars is not None else list(text)
            chars[b] = " "
            if b > a and stored[b - 1] == "\r":
                closed.add(b - 1)
            if text[b - 1] == "-" and b - a > 1 and text[b - 2].isalpha() and nxt[0].isalpha():
                closed.add(b)
    return ("".join(chars) if chars is not None else text), closed


def _continues(prev: str, nxt: str) -> bool:
    last = prev[-1]
    if last in _SENTENCE_END or last in _CLOSERS and prev[-2:-1] in tuple(_SENTENCE_END):
        return False
    if nxt[0].islower() or nxt[0].isdigit() or last in ",-":
        return True
    word = _WORD_BEFORE.search(prev)
    return bool(word) and word.group(1).lower().rstrip(".") in _CONTINUING


def _wrapped_blocks(text: str, lines) -> set:
    """Numbers of lines whose break is a hard wrap: lines of a block whose lengths are
    alike (the last no longer), as a fixed column width makes them, and whose inner
    lines mostly stop inside a sentence (one-line paragraphs under a headline look
    alike but end theirs).  A block of two lines must end a sentence."""
    out: set = set()
    block: list = []
    for n, (a, b) in enumerate([*lines, (0, 0)]):
        if b > a and text[a:b].strip():
            block.append((n, b - a))
            continue
        widths = [w for _, w in block[:-1]]
        if widths and min(widths) >= 30 and max(widths) <= 100:
            alike = max(widths) - min(widths) <= 25 and block[-1][1] <= max(widths) + 5
            ends = [text[slice(*lines[k])].rstrip()[-1:] for k, _ in block]
            inner = ends[1:-1]
            inside = sum(1 for end in inner if end not in _SENTENCE_END)
            if alike and 2 * inside >= len(inner) and (inner or ends[-1] in ".!?\"'"):
                out.update(k for k, _ in block[:-1])
        block = []
    return out
