"""Token tests at a name span's bounds: given names the tagger left out before it,
particles and hyphens that join name words, a title or a spouse set off by commas
after it, and the institutions or lists of countries that a span is rather than a name."""

from __future__ import annotations

import re

from gazetteer import geo

from ..countries import code_for
from ..lexicon import (
    HONORIFICS,
    JOB_WORDS,
    NAME_PREFIXES,
    ORG_HEADS,
    TITLE_HEADS,
    TITLE_SET,
    VENUE_NOUNS,
)
from ..tags import AUX, NOUN, PRON, PROPN, VERB
from .tokens import NASAB, PARTICLES, TITLE_STARTS, given_before_nasab, is_namey, prefix_word

# Capitalised words before a name that are offices, not given names.
_NOT_GIVEN_NAMES = {
    "senator",
    "general",
    "governor",
    "mayor",
    "judge",
    "justice",
    "counsel",
    "colonel",
    "spokesman",
    "spokeswoman",
    "representative",
    "congressman",
    "congresswoman",
    "saint",
    "archbishop",
    "bishop",
    "cardinal",
    "reverend",
    "father",
    "sister",
    "brother",
    "captain",
}


def extend_left(doc, s: int, prefixes=frozenset(), place_names=False) -> int:
    """Given names the tagger left out after a dateline: 'KYIV - [Fumio] Kishida'; with
    `place_names`, also one that is a place's name ('[Sofia] Lind, the wife of ...'); a
    given name that is also a title before a nasab ('Crown Prince [Sultan] bin Hamad')."""
    if s > 0 and doc[s].lower_ in NASAB and given_before_nasab(doc, s - 1):
        return s - 1
    while s >= 2 and doc[s - 1].lower_ in NASAB and given_before_nasab(doc, s - 2):
        s -= 2  # '[Rashid ibn] Talal Al-Qasimi'
    while (
        s > 0
        and s - 1 not in prefixes
        and prefix_word(doc[s - 1]) not in NAME_PREFIXES
        and doc[s - 1].pos == PROPN
        and doc[s - 1].is_title
        and doc[s - 1].ent_type_ in ("", "PERSON")
        and doc[s - 1].lower_ not in TITLE_SET
        and doc[s - 1].lower_ not in TITLE_HEADS
        and doc[s - 1].lower_.rstrip("s") not in TITLE_SET
        and doc[s - 1].lower_ not in HONORIFICS
        and doc[s - 1].lower_ not in _NOT_GIVEN_NAMES
        and doc[s - 1].lower_ not in JOB_WORDS
        and not (s >= 2 and doc[s - 2].text in ("-", "–") and not doc[s - 2].whitespace_)
        and (place_names or not geo.lookup(doc[s - 1].text))
        and not _ends_department(doc, s - 1)
    ):
        s -= 1
        while s >= 2 and doc[s - 1].lower_ in NASAB and given_before_nasab(doc, s - 2):
            s -= 2
    return s


# Words of a department written after "Minister of" ('... of Foreign Affairs and Trade').
_DEPARTMENT_WORDS = {
    "affairs",
    "trade",
    "defense",
    "defence",
    "security",
    "finance",
    "commerce",
    "state",
    "treasury",
    "interior",
    "justice",
    "health",
    "energy",
    "education",
    "agriculture",
    "industry",
    "economy",
    "planning",
    "development",
    "cooperation",
}


def _ends_department(doc, i: int) -> bool:
    """'Minister of Foreign Affairs and [Trade] Penny Wong': token i ends a department's
    name written after 'of' or 'and', so it is no given name."""
    if doc[i].lower_ not in _DEPARTMENT_WORDS:
        return False
    k = i - 1
    while k >= 0 and k > i - 4 and doc[k].lower_ not in ("of", "and", "&", "for"):
        k -= 1
    return k >= 0 and doc[k].lower_ in ("of", "and", "&", "for")


def particle_before_name(doc, i: int) -> bool:
    """'van den [Broek]', 'de la [Cruz]': a particle, or a run of them, before a name word."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].lower_ in PARTICLES:
        j += 1
    return j > i and j < len(doc) and is_namey(doc[j])


def is_institution(doc, start: int, end: int) -> bool:
    return any(
        t.lower_ in INSTITUTION_WORDS or t.lower_ in ORG_HEADS or t.lower_ in VENUE_NOUNS
        for t in doc[start : end + 1 if end < len(doc) else end]
    )


# Capitalised words that make a "<Word> de <Word>" span an institution or a place.
INSTITUTION_WORDS = {
    "bank",
    "banco",
    "banque",
    "university",
    "universidad",
    "universidade",
    "université",
    "institute",
    "instituto",
    "institut",
    "college",
    "colegio",
    "school",
    "escuela",
    "museum",
    "museo",
    "musée",
    "palace",
    "palacio",
    "palais",
    "plaza",
    "place",
    "rue",
    "avenue",
    "avenida",
    "rio",
    "san",
    "santa",
    "são",
    "saint",
    "port",
    "porto",
    "puerto",
    "costa",
    "ciudad",
    "airport",
    "aeroport",
    "aéroport",
    "party",
    "partido",
    "parti",
    "front",
    "frente",
    "club",
    "hotel",
    "hospital",
    "church",
    "iglesia",
    "église",
    "cathedral",
    "company",
    "group",
    "grupo",
    "groupe",
    "foundation",
    "fundación",
    "fondation",
    "council",
    "consejo",
    "conseil",
    "ministry",
    "ministerio",
    "ministère",
    "court",
    "corte",
    "tribunal",
    "cour",
    "villa",
}


def joins_hyphen(doc, i: int) -> bool:
    """'Akufo[-]Addo': a hyphen written without spaces between two name words."""
    return (
        doc[i].text == "-"
        and not doc[i].whitespace_
        and i > 0
        and not doc[i - 1].whitespace_
        and i + 1 < len(doc)
        and is_namey(doc[i + 1])
    )


def country_count(doc, start: int, end: int) -> int:
    """How many countries 'Greece', 'Greece and Turkey', 'Chad, Mali and Niger' list; 0 if
    the words are not a list of countries."""
    parts, part = [], []
    for tok in doc[start:end]:
        if tok.lower_ in ("and", ",", "&"):
            parts.append(part)
            part = []
        else:
            part.append(tok)
    parts.append(part)
    if not all(p and geo.country_for(doc[p[0].i : p[-1].i + 1].text) for p in parts):
        return 0
    return len(parts)


# Spouses set off by commas after their own name ('Ana Lopes, the wife of President X,',
# 'Ana Lopes, his wife,'): the name is a person even when the tagger calls it a body.
_SPOUSE_NOUNS = {"wife", "husband", "spouse", "widow", "widower", "consort"}


def spouse_after_comma(doc, end: int) -> bool:
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    first, second = doc[end + 1], doc[end + 2]
    return first.lower_ in ("the", "his", "her") and second.lower_ in _SPOUSE_NOUNS


def title_after_comma(doc, end: int) -> bool:
    if spouse_after_comma(doc, end):
        return True
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    first = doc[end + 1]
    opens = first.lower_ in ("the", "a") or first.lower_ in TITLE_STARTS
    if not (opens or first.tag_ == "POS" or code_for(first.text)):
        if not (end + 2 < len(doc) and doc[end + 2].tag_ == "POS"):
            return False
    for tok in doc[end + 1 : min(len(doc), end + 9)]:
        if tok.is_punct:
            return False
        if tok.lower_ in TITLE_HEADS and tok.pos in (NOUN, PROPN):
            return True
        if tok.pos in (NOUN, VERB, AUX, PRON) and tok.lower_ not in TITLE_STARTS:
            return False  # "Goldman Sachs, the investment bank whose chairman ..."
    return False


def title_before_comma(doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in TITLE_HEADS


# Initials written before a family name: "A.B.", "S.", "H.W." (dotted), or a single
# capital letter in a run of two or more ("S M Krishna", "A P J Abdul Kalam").
_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
_LETTER = re.compile(r"[A-Z]")


def initials_before(doc, start: int) -> int:
    """Where a name starts once the initials right before it are taken in ('[A.B.]
    Vajpayee', '[S M] Krishna'); `start` when there are none. A dotted run that is a
    country ('U.S.') or a title ('P.M.') is no initials, and neither is one undotted letter
    ('A Kenyan')."""
    s = start
    while s > 0 and _initials(doc[s - 1].text):
        s -= 1
    if s < start:
        return s
    while s > 0 and _LETTER.fullmatch(doc[s - 1].text):
        s -= 1
    # 'P [V Menon]': a letter before a span that itself opens with one is a run of two
    opens = start < len(doc) and _LETTER.fullmatch(doc[start].text) is not None
    return s if start - s >= 2 or (s < start and opens) else start


def after_initials(doc, start: int, end: int) -> int:
    """The first token of [start, end) after the initials that open it ('A.B. [Varma]',
    'A P J [Kalam]'); `start` when it opens with none."""
    k = start
    while k < end and (_initials(doc[k].text) or _LETTER.fullmatch(doc[k].text)):
        k += 1
    return k if k < end and initials_before(doc, k) <= start else start


def _initials(text: str) -> bool:
    """Dotted initials, not a title ('P.M.'), a style ('H.E.') or a country ('U.S.')."""
    return (
        _DOTTED_INITIALS.fullmatch(text) is not None
        and text.replace(".", "").lower() not in TITLE_SET
        and " ".join(text.replace(".", " ").lower().split()) not in NAME_PREFIXES
        and not geo.lookup(text)
    )


# Plural office nouns an interleaved list follows ("the prime ministers of ...").
_PLURAL_GENERIC = {"leaders", "heads"}


def office_list_items(doc, of: int) -> list:
    """'the prime ministers of Chile A, Peru B and Norway C': [(country, name start, name
    end)] for each country written right before its holder's name, in a list of two or
    more after a plural office's "of" at `of`; [] when the words are no such list."""
    low = doc[of - 1].lower_ if of > 0 else ""
    if low not in _PLURAL_GENERIC and not (low.endswith("s") and low[:-1] in TITLE_SET):
        return []  # the tagger may call "Ministers" singular: its "s" tells
    items, pos = [], of + 1
    while pos < len(doc):
        item = _country_and_name(doc, pos)
        if item is None:
            break
        items.append(item)
        end = item[2]
        if end < len(doc) and doc[end].text == ",":
            end += 1
        if end < len(doc) and doc[end].lower_ == "and":
            end += 1
        if end == item[2]:
            break
        pos = end
    return items if len(items) >= 2 else []


def _country_and_name(doc, pos: int):
    """(country, start, end) of 'Chile Tomas Herrera' or 'the Netherlands Mark Rutte' at
    pos, else None."""
    if pos < len(doc) and doc[pos].lower_ == "the":
        pos += 1
    for n in (4, 3, 2, 1):
        s = pos + n
        if s >= len(doc) or not is_namey(doc[s]):
            continue
        code = geo.country_for(doc[pos:s].text)
        if not code:
            continue
        e = s
        while e < len(doc) and (
            is_namey(doc[e]) or particle_before_name(doc, e) or joins_hyphen(doc, e)
        ):
            e += 1
        one_word = e - s == 1 and doc[s].ent_type_ != "PERSON"
        if one_word or geo.lookup(doc[s:e].text) or is_institution(doc, s, e):
            return None
        return code, s, e
    return None
