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
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from gazetteer import geo

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

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_CAPS = "A-Z\u00c0-\u00d6\u00d8-\u00de"  # capitals, accented ones too ("MAL\u00c9")
_CAPS_PLACE = (
    rf"[{_CAPS}][{_CAPS}.'\u2019-]*[{_CAPS}.](?:[ ][{_CAPS}][{_CAPS}.'\u2019-]*[{_CAPS}.]){{0,3}}"
)
_TITLE_PLACE = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}"
_REGION = rf",[ ]*(?!{_MONTH}[ ]*\d)[A-Z][\w.'\u2019]*(?:[ ][A-Z][\w.'\u2019]*){{0,2}}"
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

# Whole lines of page chrome.  Each pattern is matched against a line without its
# surrounding spaces; a match blanks the line.
_NAME_WORD = r"(?:[A-Z][\w.'\u2019-]*|and|in|of|the|for|de|da|van|von|al|bin|le|la)"
_ROLE = r"(?:Correspondent|Reporter|Writer|Editor|Staff|Bureau Chief|Newsroom|Desk)"
_CHROME_LINES = [
    # Bylines: "By Jane Doe", "By Jane Doe, Political Correspondent", "By A and B | Paris",
    # "By A News Bureau | Last Updated: Sunday, June 2, 2019 - 10:15".
    rf"(?:By|Written by|Reported by|Posted by)[ ]+{_NAME_WORD}(?:[ ,|&/]+{_NAME_WORD}){{0,9}}"
    rf"(?:[ ]*[|\u00b7\u2022].{{0,80}}|[ ,]+{_MONTH}[ ]+\d.{{0,60}})?",
    # Picture credits on a line of their own: "Ana Lima/AP", "A Name/Getty Images".
    r"[A-Z][\w.'-]*(?:[ ][A-Z][\w.'-]*){0,3}/[A-Z][\w&.]*(?:[ ][A-Z][\w&.]*){0,2}",
    # Staff lines: "Jane Doe, Political Reporter", "Special Correspondent".
    rf"{_NAME_WORD}(?:[ ,]+{_NAME_WORD}){{0,6}}[ ,]+{_ROLE}"
    rf"(?:[ ]+in[ ]+{_NAME_WORD}(?:[ ]{_NAME_WORD}){{0,2}})?",
    rf"(?:Special|Staff|Our)[ ]+{_ROLE}",
    # Credits at the foot of wire copy: "(Reporting by X; Editing by Y)".
    r"\(?(?:Additional[ ]+)?(?:Reporting|Writing|Editing|Compiled|Produced|Research|Graphics)"
    r"[ ]+by\b.*",
    # Captions: "FILE - In this photo ...", "FILE PHOTO: ...", "Photo: ...", "Photograph: X/AP".
    r"FILE(?:[ ]+PHOTO)?[ ]*(?:--|[-:\u2013\u2014]).*",
    r"(?:Photo|Photos|Photograph|Picture|Pictured|Image|Caption|Credit|Video|Watch|Listen)"
    r"(?:[ ]+credit)?[ ]*:.*",
    # Links out and calls to action.
    r"(?:Read more|Read also|Also read|Related|See also|More on this|Recommended|Further reading)"
    r"[ ]*(?::|\||-|\u2013|\u2014).*",
    r"(?:Sign up|Subscribe|Follow us|Click here|Download (?:the|our) app|Get the latest"
    r"|Get our)\b.*",
    r"(?:\u00a9|\(c\)|Copyright)[ ].*",
    # Timestamps: "Updated 3 hours ago", "Paris | Published: June 4, 2020 1:11 PM".
    r"(?:[a-z][\w .'-]{0,30}\|[ ]*)?(?:Updated|Published|Posted|Last updated|First published"
    r"|Last modified)(?:[ ]*:.{0,80}|\b[^.!?]{0,60})",
    r"This is an archive article published on .{0,40}",
    r"[^.!?]{0,120}\bcontributed (?:to this report|reporting|to this story)(?: from [^.]+)?",
    r"(?:Tags|Topics|Persons|Companies|Categories|Keywords)[ ]*:.*",
    # Lines that are only chrome.
    r"(?:Skip )?Advertisement|Share(?: this (?:article|story))?|Share on \w+|Copy link"
    r"|Continue reading(?: the main story)?|Story continues(?: below(?: advertisement)?)?"
    r"|Scroll to continue(?: with content)?|Listen to this article|Print|Email|Comments"
    r"|READ MORE|RELATED|ADVERTISEMENT|hide caption|toggle caption|File (?:pic|photo|image)"
    r"|Representational (?:image|photo)|Placeholder while article actions load"
    r"|Loading Taboola\.*|(?:Post|Read|Latest) Comments?|No comments:?|Post a Comment"
    r"|Download|Transcript|Enlarge this image|\d+ min(?:ute)?s? read|Back to Main page",
]
# Bylines and staff lines are matched with their case: names are capitalised ("by the sea,
# the leaders met" is no byline); the other chrome in any case.
_NAME_LINES = re.compile("|".join(f"(?:{p})" for p in _CHROME_LINES[:4]))
_OTHER_CHROME = re.compile("|".join(f"(?:{p})" for p in _CHROME_LINES[4:]), re.IGNORECASE)
_MAX_CHROME_LINE = 160
# A caption is known by the picture credit that ends it: "... on Monday. \u2014 Bernama pic",
# "... November 10. Agency/A Name/Office via REUTERS", "... Ana Lima/AP hide caption".
_CAPTION_CREDIT = re.compile(
    r"(?:[\u2014-][ ]*[A-Z][\w]*(?:[ ][A-Z]\w*)?[ ](?:pic|photo|picture|file photo)"
    r"|[ ]via REUTERS|[ ]\S+/\S+[ ]+hide caption|[.][ ](?:[A-Z][\w.'-]*[ ]?)+/(?:AP|AFP|Reuters"
    r"|REUTERS|Getty Images|EPA|Bloomberg|Pool))$"
)
_MAX_CAPTION = 400
# A caption that tells a gift in a full sentence ("FILE - X, left, presents a carving to Y
# in Z on June 3, 2019.") is evidence: only its label is blanked, and its credit.
_CAPTION_LABEL = re.compile(
    r"(?:FILE(?:[ ]+PHOTO)?[ ]*(?:--|[-:\u2013\u2014])|(?:Photo|Photograph|Picture|Pictured"
    r"|Caption)[ ]*:)[ ]*"
)
_GIFT_CAPTION = re.compile(
    r"[\w,](?<!shakes)(?<!shook)(?<!shaking)(?<!shake)[ ]"
    r"(?:present(?:s|ed)?|give[sn]?|gave|hand(?:s|ed)|gift(?:s|ed)|bestow(?:s|ed)"
    r"|confer(?:s|red)|place[sd]?[ ][^.]{0,80}\b(?:around|over|on)\b)[ ].{4,}[.]$"
)
_TAG_LABEL = re.compile(  # a label alone on its line; the next line is its list or link
    r"(?:Tags|Topics|Persons|Companies|Categories|Keywords|Read more|Read also|Also read"
    r"|Related|See also|More on this|Recommended|Further reading|Must read)[ ]*:?",
    re.IGNORECASE,
)
# Credits inside a line: "(Photo: PIB)", "(AP Photo/Evan Vucci)", "Photograph: A Name/Reuters".
_INLINE_CREDIT = re.compile(
    r"\((?:AP |Reuters |AFP |File |Pool )?(?:Photo|Photograph|Image|Picture|Credit)s?\b"
    r"[^()\n]{0,80}\)"
    r"|[ ](?:Photograph|Photo|Image|Picture|Credit)[ ]*:[ ]*[^\n:]{0,60}"
    r"(?:/|Getty|Reuters|AFP|AP|EPA|Shutterstock|Alamy|Xinhua|Pool)[^\n]{0,40}$"
    r"|[ ]+\|?[ ]*(?:MUST CREDIT|Photo Credit)[ ]*:[^\n]{0,80}$"
    r"|[ ](?:[A-Z][\w.'-]*[ ]){1,3}?[A-Z][\w.'-]*/[A-Z][\w&.]*(?:[ ][A-Z][\w&.]*){0,2}"
    r"[ ]+hide caption$"
    # A wire service's tag opening a paragraph: "(PIB NEWS) The Prime Minister ...".
    r"|^[ ]*\((?:[A-Z]{2,}[ ]?){1,3}\)[ ]+",
    re.MULTILINE,
)
_BULLET = re.compile(
    r"^[ ]*(?:[\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25a0*]|--?|[\u2013\u2014])[ ]+", re.M
)

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
_SENTENCE_END = ".!?:;"
_CLOSERS = "\"')]"
_WORD_BEFORE = re.compile(r"([\w.]+)\W*$")


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: where it starts and ends in the text, and its place."""

    place: str  # "ASMARA, Eritrea"
    start: int
    end: int  # offset of the first character after the separator


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


# "By Jane Doe in Dhaka": a byline that says where the story was filed.
_BYLINE_PLACE = re.compile(
    rf"[ ]*By[ ]+{_NAME_WORD}(?:[ ]+{_NAME_WORD}){{0,5}}?[ ]+in[ ]+"
    r"(?P<place>[A-Z][\w'.-]*(?:[ ][A-Z][\w'.-]*){0,2})[ .]*"
)
_BYLINE_LINES = 8


def byline_place(text: str) -> Dateline | None:
    """Where a byline among the first lines files the story from, as a dateline with no
    text of its own (the byline itself is page chrome): only a known city counts."""
    for n, (a, b) in enumerate(_lines(text)):
        if n >= _BYLINE_LINES:
            break
        m = _BYLINE_PLACE.fullmatch(text, a, b)
        if m and geo.country_for_place(m.group("place")):
            return Dateline(m.group("place"), m.start("place"), m.start("place"))
    return None


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


def _lines(text: str):
    """(start, end) of each line."""
    start = 0
    for m in re.finditer("\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _blank(text: str, spans) -> str:
    if not spans:
        return text
    out, last = [], 0
    for a, b in spans:
        out.append(text[last:a])
        out.append(" " * (b - a))
        last = b
    out.append(text[last:])
    return "".join(out)


def _blank_chrome(text: str) -> str:
    spans, tags = [], False
    for a, b in _lines(text):
        line = text[a:b]
        bare = line.strip()
        if not bare or len(bare) > _MAX_CAPTION:
            continue
        chrome = _is_chrome(bare.rstrip(" .")) or _is_caption(bare)
        label = _CAPTION_LABEL.match(bare)
        if label and _GIFT_CAPTION.search(bare, label.end()):
            start = a + line.index(bare[0])
            spans.append((start, start + label.end()))
            continue
        # The line after a lone tag label lists names or topics ("Persons\nA Name B Name").
        chrome = chrome or tags and bare[-1] not in _SENTENCE_END and len(bare) <= 160
        tags = bool(_TAG_LABEL.fullmatch(bare))
        if chrome or tags:
            spans.append((a + line.index(bare[0]), a + len(line.rstrip())))
    text = _blank(text, spans)
    credited = _blank(text, [m.span() for m in _INLINE_CREDIT.finditer(text)])
    text = _blank(credited, list(_repeated_lines(credited, text)))
    return _blank(text, [(m.start(), m.end() - 1) for m in _BULLET.finditer(text)])


def _repeated_lines(text: str, uncredited: str):
    """Later copies of a headline or caption a page repeats, as spans to blank: a line
    without final punctuation, or one that carried a picture credit.  A repeated
    sentence of the body stays (each copy is evidence)."""
    seen = set()
    for a, b in _lines(text):
        bare = " ".join(text[a:b].split())
        if len(bare) < 30 or len(bare) > _MAX_CAPTION:
            continue
        caption = uncredited[a:b] != text[a:b]
        if bare in seen and (caption or bare[-1] not in _SENTENCE_END):
            yield a, b
        seen.add(bare)


def _is_chrome(line: str) -> bool:
    if len(line) > _MAX_CHROME_LINE:
        return False
    return bool(_NAME_LINES.fullmatch(line) or _OTHER_CHROME.fullmatch(line))


def _is_caption(line: str) -> bool:
    return bool(_CAPTION_CREDIT.search(line))


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
