"""Token tests shared by the name rules: name words, particles, honorifics and ranks
before a name, and the trimming that turns an entity span into a bare name (the tests at a
span's bounds, left and right of it, are in bounds.py)."""

from __future__ import annotations

import functools
import re

from gazetteer import geo

from ..lexicon import (
    HONORIFICS,
    JOB_QUALIFIERS,
    JOB_WORDS,
    NAME_PREFIXES,
    PREFIX_WORDS,
    TITLE_HEADS,
    TITLE_SET,
    TITLES,
)
from ..tags import NOUN, PROPN, X
from ..text import lower_positions, span_text, tokens_between

PARTICLES = {
    "i",
    "y",
    "e",
    "das",
    "den",
    "ter",
    "ould",
    "bin",
    "bint",
    "ibn",
    "al",
    "el",
    "de",
    "da",
    "do",
    "dos",
    "du",
    "van",
    "von",
    "der",
    "di",
    "la",
    "le",
    "del",
    "ben",
    "abu",
}
QUALIFIERS = {
    "then",
    "former",
    "late",
    "de",
    "facto",
    "new",
    "incoming",
    "outgoing",
    "acting",
    "interim",
    "sitting",
    "current",
    "future",
    "own",
    "first",
    "veteran",
}


def words_of(name: str) -> list:
    """Lower-case words of a name, without honorifics or ranks and without the titles it
    starts with: 'Sheikh Tamim' -> ['tamim'], 'Lt Gen Saikhanbayar' -> ['saikhanbayar'],
    'King Abdullah' -> ['abdullah'] (so that it joins 'Abdullah bin Abdulaziz'). Read once
    per name (persons are compared by their words again and again); a fresh list each time."""
    return list(_words_of(name))


@functools.lru_cache(maxsize=4096)
def _words_of(name: str) -> tuple:
    words = [w.rstrip(".") for w in name.lower().replace("’", "'").split()]
    words = [w for w in words if w not in HONORIFICS and w not in PREFIX_WORDS]
    # 'al-Sisi' is the article and 'Sisi', as news writes him the second time
    words = [p for w in words for p in _split_article(w)]
    while (
        len(words) > 1
        and (words[0] in TITLE_SET or words[0] in _TITLE_FIRST_WORDS)
        and words[1] not in NASAB  # 'Sultan bin Salman': a given name
    ):
        words.pop(0)
    return tuple(words)


_ARTICLE_PREFIX = re.compile(r"^(al|el|ad|ash|as|an|ar|at|az)-(\w[\w'-]*)$")


def _split_article(word: str) -> tuple:
    m = _ARTICLE_PREFIX.match(word)
    return m.groups() if m else (word,)


# First words of titles a name may be written after ("crown" of "Crown Prince").
_TITLE_FIRST_WORDS = {t.split()[0] for t in TITLES if " " in t and t.split()[0] != "head"} - {
    "deputy",
    "vice",
    "first",
    "special",
    "national",
    "supreme",
}
TITLE_STARTS = {t.split()[0].split("-")[0] for t in TITLES}
_PREFIX_FIRST_WORDS = {p.split()[0] for p in NAME_PREFIXES}
_LONGEST_PREFIX = max(len(p.split()) for p in NAME_PREFIXES)
# Ranks after which a title word is a given name ("Brigadier General Amir Hatami").
RANKS = {"general", "gen", "colonel", "col", "brigadier", "admiral", "marshal", "lieutenant"}


def prefix_word(tok) -> str:
    return tok.lower_.replace("’", "'").replace(".", " ").replace("'", "").strip()


def prefix_at(doc, i: int) -> int:
    """How many tokens from `i` are honorifics, styles and ranks ('His Royal Highness',
    'Datuk Seri', "Dato' Seri", 'Lt. Gen.'), phrase after phrase; 0 if none."""
    j = i
    while j < len(doc) and prefix_word(doc[j]) in _PREFIX_FIRST_WORDS:
        for n in range(min(_LONGEST_PREFIX + 1, len(doc) - j), 0, -1):
            toks = doc[j : j + n]
            words = " ".join(w for w in (prefix_word(t) for t in toks) if w)
            if (
                words in NAME_PREFIXES
                and toks[0].text[:1].isalpha()
                and toks[-1].text[:1].isalpha()
            ):
                j += n
                break
        else:
            break
    return j - i


# Offices whose title ends in "General" ("Secretary-General", "Attorney General").
_GENERAL_OFFICES = {
    "secretary",
    "attorney",
    "governor",
    "surgeon",
    "inspector",
    "director",
    "solicitor",
    "auditor",
    "consul",
    "prosecutor",
    "procurator",
    "comptroller",
    "postmaster",
    "adjutant",
    "registrar",
}


def _starts_prefix(doc, i: int) -> bool:
    tok = doc[i]
    if not (tok.text[:1].isupper() or tok.lower_ in ("his", "her")):
        return False
    if i > 0 and doc[i - 1].text in ("-", "–") and not doc[i - 1].whitespace_:
        return False  # "Secretary-General"
    return not (i > 0 and tok.lower_ == "general" and doc[i - 1].lower_ in _GENERAL_OFFICES)


def prefixes_of(idx) -> frozenset:
    """`prefix_tokens` of the index's document, computed once per document."""
    if "name_prefixes" not in idx.cache:
        idx.cache["name_prefixes"] = prefix_tokens(idx.doc)
    return idx.cache["name_prefixes"]


def indices_of_words(doc, words) -> list:
    """Indices of the tokens whose lower-case form is one of `words`, in order, looked up
    in the Doc's once-built table of lower-case forms (`text.lower_positions`): no Token
    objects, and no array pass per call (numpy's set test cost more than the lookup)."""
    positions = lower_positions(doc)
    found = [i for w in set(words) for i in positions.get(w, ())]
    found.sort()
    return found


_PREFIX_FORMS = {f for w in _PREFIX_FIRST_WORDS for f in (w, w + ".")} | {"h.e."}


def prefix_tokens(doc) -> frozenset:
    """Indices of honorific and rank tokens written right before a capitalised word."""
    out = set()
    for i in indices_of_words(doc, _PREFIX_FORMS):
        if i in out or not _starts_prefix(doc, i):
            continue
        n = prefix_at(doc, i)
        if n and i + n < len(doc) and doc[i + n].text[:1].isupper():
            out.update(range(i, i + n))
    return frozenset(out)


# The particles of an Arabic nasab ('son of'): a title word right before one is a given
# name ('Sultan bin Salman', 'Emir Sultan ibn Hamad').
NASAB = {"bin", "ibn", "bint", "binti", "ben"}


def given_before_nasab(doc, i: int) -> bool:
    return i + 1 < len(doc) and doc[i + 1].lower_ in NASAB and doc[i].text[:1].isupper()


def family_end(doc, s: int, e: int) -> int:
    """'Khalid ibn Talal [Al Marri]', 'Sultan bin Turki [Al-Qasimi]': the family name the
    tagger left out after a name with a nasab; the end of the name with it."""
    if not any(t.lower_ in NASAB for t in tokens_between(doc, s, e)):
        return e
    if e + 1 < len(doc) and doc[e - 1].text in ("Al", "El") and doc[e].text == "-":
        return e + 2 if doc[e + 1].text[:1].isupper() and not doc[e - 1].whitespace_ else e
    if e + 1 < len(doc) and doc[e].text in ("Al", "Al-", "El") and doc[e].whitespace_:
        nxt = doc[e + 1]
        return e + 2 if nxt.text[:1].isupper() and nxt.is_alpha else e
    if e + 2 < len(doc) and doc[e].text in ("Al", "El") and doc[e + 1].text == "-":
        nxt = doc[e + 2]
        return e + 3 if nxt.text[:1].isupper() and not doc[e].whitespace_ else e
    return e


# Arabic name particles: a name that has one uses "Sheikh" as an honorific.
_ARABIC_PARTICLES = ("bin", "bint", "ibn", "al", "el", "bin.", "abu")


def keeps_sheikh(doc, start: int, end: int) -> bool:
    """'Sheikh Hasina', 'Sheikh Mujibur Rahman': Sheikh is part of the name; 'Sheikh
    Mohammed bin Zayed Al Nahyan', 'Sheikh Sabah al-Ahmad': it is an honorific."""
    if start == 0 or doc[start - 1].lower_ not in ("sheikh", "shaikh", "sheik"):
        return False
    if not doc[start - 1].text[:1].isupper():
        return False
    for tok in doc[start:end]:
        low = tok.lower_
        if low in _ARABIC_PARTICLES or low.startswith(("al-", "el-")) or low.endswith("-al"):
            return False
    return True


# Words that make a capitalised span an honour or a decoration, never a person
# ("Grand Companion of the Order of Logohu", "Companion of Honour").
_HONOUR_WORDS = {
    "order",
    "companion",
    "commander",
    "grand",
    "medal",
    "collar",
    "sash",
    "decoration",
    "award",
    "prize",
    "legion",
    "knight",
    "cross",
}


def is_honour(doc, start: int, end: int) -> bool:
    return any(
        t.lower_ in _HONOUR_WORDS and t.text[:1].isupper() for t in tokens_between(doc, start, end)
    )


def clean_entity(doc, start: int, end: int, prefixes=frozenset()):
    """Trim titles, honorifics, ranks, a country's possessive ("Papua New Guinea's") and
    possessive endings off an entity span, and cut it before a lower-case word that is no
    name particle ('Xi at Horse Guards Parade' -> 'Xi')."""
    for k in range(start + 1, end - 1):
        if doc[k].tag_ == "POS" and geo.country_for(span_text(doc, start, k)):
            start = k + 1
            break
    start += _title_words_at(doc, start, end)
    while start < end and (
        _title_words_at(doc, start, end)  # "[Antiguan Defence Ministers] A and B"
        or start in prefixes
        or is_demonym(doc[start])  # "[Jordanian] King Abdullah II" tagged as one person
        or doc[start].lower_ in HONORIFICS
        or prefix_word(doc[start]) in NAME_PREFIXES
        or (
            (
                doc[start].lower_.rstrip("s") in TITLE_SET
                or doc[start].lower_ in TITLE_SET
                or doc[start].lower_ in TITLE_HEADS
            )
            and not (start > 0 and prefix_word(doc[start - 1]) in RANKS and end - start > 1)
            and not given_before_nasab(doc, start)
        )
        or doc[start].is_punct
        or doc[start].pos not in (PROPN, NOUN, X)
    ):
        start += 1
    for k in range(start + 1, end):
        low = doc[k].lower_
        if low.isalpha() and low == doc[k].text and low not in PARTICLES:
            if hyphen_syllable(doc, k):
                continue  # 'Ban Ki-[moon]', 'Moon Jae-[in]': the end of a given name
            end = k
            break
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")
    ):
        end -= 1
    if end - start > 1 and doc[end - 1].lower_ in PARTICLES and doc[end - 1].text.islower():
        # 'Ursula von der [Leyen]', 'Jan van [den Broek]': the tagger stopped in the
        # particles, the name goes on to the next name word
        j = end
        while j < len(doc) and j - end < 2 and doc[j].text.islower() and doc[j].lower_ in PARTICLES:
            j += 1
        if j < len(doc) and is_namey(doc[j]):
            end = j + 1
    return start, end


def _title_words_at(doc, start: int, end: int) -> int:
    """How many words of a title of two or three words ('Prime Minister', 'Defence
    Ministers') open [start, end), 0 if none."""
    for n in (3, 2):
        words = span_text(doc, start, start + n).lower() if end - start > n else ""
        if words in TITLE_SET or (words.endswith("s") and words[:-1] in TITLE_SET):
            return n
    return 0


def after_job_words(doc, start: int, end: int) -> int:
    """'[Monitor] A. Smith', '[Chief Negotiator] B': the first token after job words
    written like a title at the start of a span, when a name word is left; else start."""
    k = start
    while k < end and doc[k].lower_ in JOB_QUALIFIERS:
        k += 1
    if k == end or doc[k].lower_ not in JOB_WORDS:
        return start
    k += 1
    return k if k < end and doc[k].text[:1].isupper() else start


def hyphen_syllable(doc, k: int) -> bool:
    """'Ki-[moon]', 'Jae-[in]': a lower-case syllable joined by a hyphen, with no spaces,
    to a capitalised one, as Korean given names are written."""
    return (
        k >= 2
        and doc[k - 1].text == "-"
        and not doc[k - 1].whitespace_
        and not doc[k - 2].whitespace_
        and doc[k - 2].text[:1].isupper()
        and doc[k - 2].is_alpha
    )


def is_demonym(tok) -> bool:
    match = geo.lookup(tok.text)
    return match is not None and match.kind == "demonym"


def is_namey(tok) -> bool:
    return tok.pos == PROPN and (tok.is_title or tok.text.isupper()) and not tok.like_num
