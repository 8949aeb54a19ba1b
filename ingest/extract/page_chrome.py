"""Page chrome blanked before parsing: bylines, captions and picture credits, "Read
more" lines, share buttons, tag lists, repeated lines and bullet markers; and the place a
byline files the story from.  See normalize.
"""

from __future__ import annotations

import re

from gazetteer import geo

from .datelines import _MONTH, Dateline

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

_SENTENCE_END = ".!?:;"
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
