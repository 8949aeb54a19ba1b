"""Resolve the date expressions of news text against the publication date.

Pure functions, no spaCy.  A date is returned only when the day is stated or
clearly implied ("on Tuesday", "February 21", "January 22, 1963", "yesterday",
"Bastille Day last July"); a month or a year alone gives None, because the gold
convention dates a meeting only when its day is known.  Weekdays count back
from the publication date (news reports what already happened): "on Sunday"
in a Monday paper is the day before, and the same weekday is the same day.

The publication date may be any day a dateline can spell, 0001-01-01 and 9999-12-31
included, so no step here leaves the calendar: a day that would fall off it is no
date (None), never an OverflowError.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
# Fixed-date public holidays that news writers use as dates.
HOLIDAYS = {
    "bastille day": (7, 14),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "independence day": (7, 4),
}
SAME_DAY = re.compile(
    r"\b(that|the) same (day|morning|afternoon|evening|night)\b|"
    r"\bthat (morning|afternoon|evening|night|day)\b|\blater that day\b"
)
PAST_MARKERS = re.compile(r"\b(last|earlier|previous|ago|before|past)\b")
FUTURE_MARKERS = re.compile(r"\b(next|coming|later this|tomorrow|following)\b")

_MD = re.compile(
    r"\b(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?"
)
_DM = re.compile(
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[a-z]{3,9})\b(?:,?\s+(?P<year>\d{4}))?"
)
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _days_before(day: dt.date, days: int) -> dt.date | None:
    """The day `days` before `day`, or None before the first day of the calendar."""
    try:
        return day - dt.timedelta(days=days)
    except OverflowError:
        return None


def _year_for(month: int, day: int, published: dt.date) -> int:
    """The year of a month/day without a year: the latest one not well after publication."""
    candidate = _safe(published.year, month, day)
    if candidate and (candidate - published).days > 31:
        return published.year - 1
    return published.year


def weekday_before(published: dt.date, weekday: int, strictly: bool = False) -> dt.date | None:
    """The most recent `weekday` (0=Monday) on or before `published` (before, if strictly);
    None when that day would precede the calendar."""
    back = (published.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return _days_before(published, back)


def _month_day(text: str, published: dt.date | None) -> dt.date | None:
    for pattern in (_MD, _DM):
        for m in pattern.finditer(text):
            month = MONTHS.get(m.group("month"))
            if not month:
                continue
            day = int(m.group("day"))
            year = m.group("year")
            if year:
                return _safe(int(year), month, day)
            if published:
                return _safe(_year_for(month, day, published), month, day)
    return None


def _holiday(text: str, published: dt.date | None) -> dt.date | None:
    for name, (month, day) in HOLIDAYS.items():
        if name in text:
            year = _YEAR.search(text)
            if year:
                return _safe(int(year.group(1)), month, day)
            if published is None:
                return None
            if "last" in text.split():
                return (
                    _safe(published.year - 1, month, day)
                    if (month, day) >= (published.month, published.day)
                    else _safe(published.year, month, day)
                )
            return _safe(_year_for(month, day, published), month, day)
    return None


_PART = r"(?:day|night|evening|morning|afternoon)"
_COUNTS = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5}
COUNT_WORDS = {**_COUNTS, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
COUNT_WORDS.update({str(n): n for n in range(1, 32)})
RELATIVE_DAY = re.compile(
    rf"^(?:on )?(?:(?P<n>a|one|the|two|three|four|five|\d) {_PART}s? (?P<dir>before|earlier|"
    rf"after|later)|the (?P<dir2>previous|next|following) {_PART})$"
)


def _day_shift(low: str) -> int | None:
    """Days from the last told date for 'a day earlier', 'the night before', 'two days
    later', 'the previous day', 'the following morning' (the whole expression only:
    'the day before the summit' is told from the summit)."""
    m = RELATIVE_DAY.match(low)
    if not m:
        return None
    if m.group("dir2"):
        return -1 if m.group("dir2") == "previous" else 1
    n = int(m.group("n")) if m.group("n").isdigit() else _COUNTS[m.group("n")]
    return -n if m.group("dir") in ("before", "earlier") else n


def counts_from_previous(text: str) -> bool:
    """Whether an expression names its day from another told day ('the night before',
    'two days later', 'that same afternoon')."""
    low = " ".join(text.lower().replace("’", "'").split())
    return bool(SAME_DAY.search(low)) or _day_shift(low) is not None


def resolve(
    text: str, published: dt.date | None, previous: dt.date | None = None
) -> dt.date | None:
    """The calendar day a date expression names, or None when no day is given.

    `previous` is the last date resolved earlier in the article, used for
    "that same afternoon", "that evening".
    """
    low = " ".join(text.lower().replace("’", "'").split())
    if not low:
        return None
    m = _ISO.search(low)
    if m:
        return _safe(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    found = _holiday(low, published) or _month_day(low, published)
    if found:
        return found
    if SAME_DAY.search(low):
        return previous
    shift = _day_shift(low)
    if shift is not None:
        return previous + dt.timedelta(days=shift) if previous else None
    if published is None:
        return None
    if re.search(r"\byesterday\b", low) or _LAST_EVENING.search(low):
        return _days_before(published, 1)
    if re.search(r"\btoday\b|\bthis (morning|afternoon|evening)\b|\btonight\b", low):
        return published
    for word in low.replace(",", " ").split():
        if word in WEEKDAYS:
            if FUTURE_MARKERS.search(low):
                return None
            return weekday_before(published, WEEKDAYS[word], strictly="last" in low.split())
    return None


# "last night", "late last evening": the evening before the paper came out (not "the
# last night of the visit", a part of the visit told from its own days).
_LAST_EVENING = re.compile(r"(?<!the )\blast (night|evening)\b")

# A month named without a year up to this many months after publication is this
# year's, still to come ("talks due in September" in a June paper); further on, it is
# the one before ("in November" in a January paper, "in February" in an August one).
FUTURE_MONTHS = 4

# "last night", "the last afternoon of his visit": a part of the reported event, not before it.
_LAST_PART_OF_DAY = re.compile(r"\blast (night|evening|afternoon|morning|day|hours?|minutes?)\b")


def mentions_past(text: str, published: dt.date | None) -> bool:
    """Whether a time expression places an event clearly before the reported one
    ("last July", "in 2014", "earlier this month", "in November 1985")."""
    low = text.lower()
    if re.search(r"\b(last|earlier|previous|ago)\b", low) and not _LAST_PART_OF_DAY.search(low):
        return True
    if re.search(
        r"\byesterday\b|\b(that|the) same\b|\bthat (morning|afternoon|evening|day)\b", low
    ):
        return False
    years = [int(y) for y in _YEAR.findall(low)]
    if years and published and any(y < published.year for y in years):
        return True
    if published and not re.search(r"\d", low) and any(w in WEEKDAYS for w in low.split()):
        return False
    months = [MONTHS[w] for w in re.findall(r"[a-z]+", low) if w in MONTHS and len(w) > 3]
    if months and published and not re.search(r"\b\d{1,2}\b", low):
        # "in June" without a day: a month before the publication's is an earlier event;
        # one a few months after it is still to come, one far after it was last year's.
        ahead = (months[0] - published.month) % 12
        return ahead > FUTURE_MONTHS
    return False


def mentions_future(text: str) -> bool:
    """Whether a time expression points after the reported event ("next year",
    "in the coming weeks")."""
    return bool(re.search(r"\b(next|coming|tomorrow|later this|in the future)\b", text.lower()))
