"""Typography capabilities: a clean sentence and its perturbed twins must give the same
facts.

Each case writes one clean base (a dated meeting, a gift, a signed document) whose
first leader is written with a possessive ("Kenya's president, William Ruto,"), so
that every perturbation has something to act on, then applies one perturbation:
curly apostrophes, non-breaking spaces, an en or em dash aside, a hard line wrap
inside the date or a name, a wire dateline, a "FILE -" caption, a byline, an ALL-CAPS
dateline.  The expectations are the clean base's; ``typography.clean`` runs the bases
unperturbed, so a perturbation's rate reads against its own control.
"""

from __future__ import annotations

import datetime as dt
import random

from .base import (
    Draft,
    capability,
    date_phrase,
    gold_leaders,
    mention,
    sentence,
    simple,
    with_article,
)
from .expectations import Agreement, Gift, Meeting, NoLeader
from .fillers import BYLINE_NAMES, DOCUMENTS, GIFT_ITEMS, MONTHS, SHORT_MONTHS, SUBJECTS


class _Base:
    """A clean base: its text, its parts (for the perturbations) and expectations."""

    def __init__(self, fillers, rng: random.Random):
        self.published = fillers.published(rng)
        self.a, self.b = fillers.leaders(rng, self.published, 2)
        self.when, self.day = date_phrase(rng, self.published)
        self.place = self.b.capital
        a_text = mention(self.a, rng.choice(("possessive", "possessive_title")))
        b_text = simple(rng, self.b)
        kind = rng.choice(("meeting", "gift", "agreement"))
        if kind == "meeting":
            self.text = f"{a_text} met {b_text} in {self.place} {self.when}."
            self.expectations: tuple = (Meeting((self.a.name, self.b.name), date=self.day),)
        elif kind == "gift":
            item = rng.choice(GIFT_ITEMS)
            self.text = f"{a_text} gave {b_text} {with_article(item)} in {self.place} {self.when}."
            self.expectations = (Gift(self.a.name, self.b.name, item),)
        else:
            document, doc_kind = rng.choice(DOCUMENTS)
            subject = rng.choice(SUBJECTS)
            self.text = (
                f"{a_text} and {b_text} signed {document} on {subject} in {self.place} {self.when}."
            )
            parties = (self.a.name, self.b.name)
            leaders = gold_leaders(self.a, self.b)
            self.expectations = (Agreement(parties, leaders, (doc_kind,), "signed"),)
        self.text = sentence(self.text)

    def draft(self, text: str, extra: tuple = ()) -> Draft:
        return Draft(text, self.published, self.expectations + extra, (self.a, self.b))


def _short_date(day: dt.date) -> str:
    return f"{SHORT_MONTHS[day.month - 1]} {day.day}"


@capability("typography.clean")
def clean(fillers, rng):
    """The clean bases, unperturbed: the control for every typography.* capability."""
    base = _Base(fillers, rng)
    return base.draft(base.text)


@capability("typography.curly_apostrophe")
def curly_apostrophe(fillers, rng):
    """Kenya’s president: typographic apostrophes (and quotes) instead of straight ones."""
    base = _Base(fillers, rng)
    return base.draft(base.text.replace("'", "\u2019"))


@capability("typography.nbsp")
def nbsp(fillers, rng):
    """Non-breaking spaces inside names, titles and the date."""
    base = _Base(fillers, rng)
    text = base.text
    for part in (base.a.name, base.b.name, base.when, base.a.title, base.b.title):
        text = text.replace(part, part.replace(" ", "\u00a0"))
    return base.draft(text)


@capability("typography.dashes")
def dashes(fillers, rng):
    """An aside set off by an en or em dash, spaced or not."""
    base = _Base(fillers, rng)
    dash = rng.choice((" \u2014 ", "\u2014", " \u2013 "))
    aside = rng.choice(("officials said", "a sign of warming ties", "according to officials"))
    return base.draft(base.text[:-1] + f"{dash}{aside}.")


@capability("typography.hard_wrap")
def hard_wrap(fillers, rng):
    """A hard line wrap inside the date ("March\\n8") or inside a name."""
    base = _Base(fillers, rng)
    text = base.text
    targets = [base.when] if any(m in base.when for m in MONTHS) else []
    targets += [base.a.name, base.b.name]
    target = rng.choice(targets)
    if target == base.when:
        wrapped = target.replace(" ", "\n", 2).replace("\n", " ", 1)  # "on March\n8"
    else:
        wrapped = target.replace(" ", "\n", 1)
    return base.draft(text.replace(target, wrapped, 1))


@capability("typography.wire_dateline")
def wire_dateline(fillers, rng):
    """ "CITY, Feb 25 (Reuters) -" in front; the facts' own dates still count."""
    base = _Base(fillers, rng)
    agency = rng.choice(("Reuters", "AFP", "AP"))
    dateline = f"{base.place.upper()}, {_short_date(base.published)} ({agency}) - "
    return base.draft(dateline + base.text)


@capability("typography.file_caption")
def file_caption(fillers, rng):
    """A photo caption with its own older date: a "FILE -" line before the text, or a
    "FILE PHOTO:" paragraph after it."""
    base = _Base(fillers, rng)
    old = base.published - dt.timedelta(days=rng.randint(200, 900))
    where = f"in {base.a.capital}, {MONTHS[old.month - 1]} {old.day}, {old.year}"
    if rng.random() < 0.5:
        caption = (
            f"FILE - {simple(rng, base.a)} speaks during a news conference {where}. "
            "(AP Photo, File)"
        )
        return base.draft(caption + "\n\n" + base.text)
    caption = (
        f"FILE PHOTO: {simple(rng, base.a)} attends a ceremony {where}. "
        f"REUTERS/{rng.choice(BYLINE_NAMES)}/File Photo"
    )
    return base.draft(base.text + "\n\n" + caption)


@capability("typography.byline")
def byline(fillers, rng):
    """A byline line ("By Anna Holloway and Tom Whitcombe") before the text."""
    base = _Base(fillers, rng)
    first, second = rng.sample(BYLINE_NAMES, 2)
    line = rng.choice((f"By {first} and {second}", f"By {first}, Reuters", f"By {first.upper()}"))
    return base.draft(line + "\n\n" + base.text, (NoLeader(first),))


@capability("typography.allcaps_dateline")
def allcaps_dateline(fillers, rng):
    """An ALL-CAPS dateline ("NAIROBI, Kenya (AP) —", "NAIROBI -") before the text."""
    base = _Base(fillers, rng)
    city = base.place.upper()
    dateline = rng.choice(
        (
            f"{city}, {base.b.country_name.removeprefix('the ')} (AP) \u2014 ",
            f"{city} - ",
            f"{city} \u2014 ",
        )
    )
    return base.draft(dateline + base.text)
