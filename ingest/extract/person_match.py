"""When two names denote one person: short forms, titled names, registry surnames,
and the spouse titles that keep a leader and a spouse apart."""

from __future__ import annotations

import re

from .lexicon import HONORIFICS, PREFIX_WORDS, REGNAL, TITLE_HEADS, TITLE_SET
from .persons import Person


def same_surname_in_office(registry, person: Person, day):
    """'Chimed Saikhanbileg' for the registry's 'Chimediin Saikhanbileg', 'M Abdul Hamid'
    for 'Mohammad Abdul Hamid': the one office-holder of that surname on the day (else the
    only person of that surname in the registry), when one of their names starts with the
    same letter or holds every whole word the article gives."""
    words = [w for w in person.name.split() if w[:1].isalpha()]
    if not words or (len(words) > 1 and words[-2].lower() in ("bin", "ibn", "bint", "binti")):
        return None  # 'Talal bin Muhammad': the last word is the father's name, no surname
    found = registry.person_by_surname(words[-1], day, person.country)
    if found is None:
        found = registry.person_by_surname(words[-1], day, person.country, ever=True)
    if found is None:
        return None
    given = words[0][:1].casefold()
    spelled = {w.casefold() for w in words if len(w) > 2}
    for form in (found.name, *found.aliases):
        parts = [w.casefold() for w in form.split()]
        if parts and (parts[0][:1] == given or spelled <= set(parts)):
            return found
    return None


NOT_INCUMBENT = {"former", "ex", "late", "then", "previous", "past", "future", "next", "outgoing"}


def untitled(name: str) -> list[str]:
    """The name without each of the titles and honorifics written before it
    ('King Sultan Azlan Shah' -> 'Sultan Azlan Shah', 'Azlan Shah')."""
    words, out = name.split(), []
    while len(words) > 1 and (
        words[0].lower() in TITLE_HEADS
        or words[0].lower() in HONORIFICS
        or words[0].lower().rstrip(".") in PREFIX_WORDS
    ):
        words.pop(0)
        out.append(" ".join(words))
    return out


def coordinated_title_start(doc, title_start: int) -> int:
    """Where a title coordinated before this one starts ('[State Councilor] and Foreign
    Minister'), else `title_start` itself."""
    k = title_start
    if k < 2 or doc[k - 1].lower_ != "and" or doc[k - 2].lower_ not in TITLE_HEADS:
        return title_start
    k -= 2
    while (
        k > 0
        and doc[k - 1].text[:1].isupper()
        and (
            doc[k - 1].lower_ in TITLE_HEADS or f"{doc[k - 1].lower_} {doc[k].lower_}" in TITLE_SET
        )
    ):
        k -= 1
    return k


def joins(short_name: str, short_words: list, long_words: list) -> bool:
    """Whether a name's words are a short form of another's: every word in it; a titled
    single name must be the other's first name ('King Abdullah' is 'Abdullah bin Abdulaziz
    Al Saud', 'King Saud' is not)."""
    if not short_words or not set(short_words) <= set(long_words):
        return False
    titled = short_name.split()[0].lower() if short_name.split() else ""
    if len(short_words) == 1 and len(long_words) > 1 and titled in TITLE_SET | REGNAL:
        return long_words[0] == short_words[0]
    return True


# A leader's spouse's own title: 'President Lee' and 'First Lady Ana Lee' are two people.
SPOUSE_TITLES = {"first lady", "first gentleman"}


def compatible(person: Person, words: list, title) -> bool:
    """Whether a name written after `title` may be a known person sharing its words: a
    spouse's title and a leader's never denote one person; a spouse's full name may join
    an untitled mention of that same full name."""
    if not title:
        return True
    spouse = title.lower() in SPOUSE_TITLES
    if not person.title:
        return not spouse or person.words == words
    return spouse == (person.title.lower() in SPOUSE_TITLES)


# A monarch the registry knows by a regnal name ('Salman of Saudi Arabia', 'Elizabeth II',
# 'Pope Francis'), not by a personal one ('Hamad bin Isa Al Khalifa').
_REGNAL_ENTRY = re.compile(r" of [A-Z]|\s[IVXL]+$|^Pope ")


def regnal_name(registry, person) -> None:
    """'King Abdullah bin Abdulaziz Al Saud': a monarch known by a regnal name keeps the
    regnal title in the name however long the name is written, as with a short one."""
    if not (registry and person.registry_key and person.title):
        return
    title = person.title.lower()
    if title not in REGNAL or person.name.split()[0].lower() in REGNAL:
        return
    if not _REGNAL_ENTRY.search(registry.person(person.registry_key).name):
        return
    person.aliases.add(person.name)
    person.name = f"{title.capitalize()} {person.name}"


def shared_plural_title(doc, lead: int, covered, idx):
    """'Foreign ministers A and [B]', 'Kenyan ministers A, B and [C]': the plural title
    written before the first name of a list of names serves each of them; (title, where
    it starts, so that its country serves them too), else (None, None)."""
    from .names import title_before

    j = lead - 1
    if j < 1 or doc[j].lower_ not in ("and", ","):
        return None, None
    first = None
    while j >= 0 and (doc[j].lower_ in ("and", ",") or j in covered):
        if j in covered:
            first = j
        j -= 1
    if first is None or j < 0:
        return None, None
    word = doc[j].lower_
    if not (word.endswith("s") and word[:-1] in TITLE_HEADS):
        return None, None
    return title_before(doc, first, idx)
