"""Where person names are, and the title and country written around them.

`name_spans` finds the token spans of personal names: PERSON entities (minus
titles, honorifics and possessive endings), proper-noun runs after a title
that the tagger calls an ORG or GPE ("Chancellor Olaf Scholz"), names in
"the presidents of Senegal, Macky Sall, of Zambia, ..." lists, and later
bare surnames of people already named.  `title_before`, `country_before` and
`title_of_noun` read "US President", "North Korea's leader", "the Emirati
foreign minister" around a name.
"""

from __future__ import annotations

import re

from . import geo
from .countries import code_for
from .lexicon import (
    HONORIFICS,
    NAME_PREFIXES,
    ORG_HEADS,
    PREFIX_WORDS,
    REGNAL,
    ROLE_NOUNS,
    TITLE_HEADS,
    TITLE_SET,
    TITLES,
    VENUE_NOUNS,
)
from .registry import MAX_NAME_WORDS

_TITLE_END = re.compile(
    r"(?:^|[\s,(])(" + "|".join(re.escape(t) for t in TITLES) + r")(s?)\s*$", re.I
)
_PARTICLES = {
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
_QUALIFIERS = {
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
    'King Abdullah' -> ['abdullah'] (so that it joins 'Abdullah bin Abdulaziz')."""
    words = [w.rstrip(".") for w in name.lower().replace("’", "'").split()]
    words = [w for w in words if w not in HONORIFICS and w not in PREFIX_WORDS]
    while len(words) > 1 and (words[0] in TITLE_SET or words[0] in _TITLE_FIRST_WORDS):
        words.pop(0)
    return words


# First words of titles a name may be written after ("crown" of "Crown Prince").
_TITLE_FIRST_WORDS = {t.split()[0] for t in TITLES if " " in t and t.split()[0] != "head"} - {
    "deputy",
    "vice",
    "first",
    "special",
    "national",
    "supreme",
}
_TITLE_STARTS = {t.split()[0].split("-")[0] for t in TITLES}
_PREFIX_FIRST_WORDS = {p.split()[0] for p in NAME_PREFIXES}
_LONGEST_PREFIX = max(len(p.split()) for p in NAME_PREFIXES)
# Ranks after which a title word is a given name ("Brigadier General Amir Hatami").
_RANKS = {"general", "gen", "colonel", "col", "brigadier", "admiral", "marshal", "lieutenant"}


def _prefix_word(tok) -> str:
    return tok.lower_.replace("’", "'").replace(".", " ").replace("'", "").strip()


def prefix_at(doc, i: int) -> int:
    """How many tokens from `i` are honorifics, styles and ranks ('His Royal Highness',
    'Datuk Seri', "Dato' Seri", 'Lt. Gen.'), phrase after phrase; 0 if none."""
    j = i
    while j < len(doc) and _prefix_word(doc[j]) in _PREFIX_FIRST_WORDS:
        for n in range(min(_LONGEST_PREFIX + 1, len(doc) - j), 0, -1):
            toks = doc[j : j + n]
            words = " ".join(w for w in (_prefix_word(t) for t in toks) if w)
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
    """Indices of the tokens whose lower-case form is one of `words`, found on the
    document's array of lower-case hashes rather than token by token (no Token objects)."""
    wanted = {doc.vocab.strings[w] for w in words}
    return [i for i, h in enumerate(doc.to_array("LOWER").tolist()) if h in wanted]


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


# Arabic name particles: a name that has one uses "Sheikh" as an honorific.
_ARABIC_PARTICLES = ("bin", "bint", "ibn", "al", "el", "bin.", "abu")


def _keeps_sheikh(doc, start: int, end: int) -> bool:
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


def _is_honour(doc, start: int, end: int) -> bool:
    return any(t.lower_ in _HONOUR_WORDS and t.text[:1].isupper() for t in doc[start:end])


def _clean_entity(doc, start: int, end: int, prefixes=frozenset()):
    """Trim titles, honorifics, ranks, a country's possessive ("Papua New Guinea's") and
    possessive endings off an entity span, and cut it before a lower-case word that is no
    name particle ('Xi at Horse Guards Parade' -> 'Xi')."""
    for k in range(start + 1, end - 1):
        if doc[k].tag_ == "POS" and geo.country_for(doc[start:k].text):
            start = k + 1
            break
    for n in (3, 2):
        if end - start >= n and doc[start : start + n].text.lower() in TITLE_SET:
            start += n
            break
    while start < end and (
        start in prefixes
        or _is_demonym(doc[start])  # "[Jordanian] King Abdullah II" tagged as one person
        or doc[start].lower_ in HONORIFICS
        or _prefix_word(doc[start]) in NAME_PREFIXES
        or (
            (
                doc[start].lower_.rstrip("s") in TITLE_SET
                or doc[start].lower_ in TITLE_SET
                or doc[start].lower_ in TITLE_HEADS
            )
            and not (start > 0 and _prefix_word(doc[start - 1]) in _RANKS and end - start > 1)
        )
        or doc[start].is_punct
        or doc[start].pos_ not in ("PROPN", "NOUN", "X")
    ):
        start += 1
    for k in range(start + 1, end):
        low = doc[k].lower_
        if low.isalpha() and low == doc[k].text and low not in _PARTICLES:
            end = k
            break
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].lower_ in ("'s", "’s")
    ):
        end -= 1
    return start, end


def _is_demonym(tok) -> bool:
    match = geo.lookup(tok.text)
    return match is not None and match.kind == "demonym"


def _is_namey(tok) -> bool:
    return tok.pos_ == "PROPN" and (tok.is_title or tok.text.isupper()) and not tok.like_num


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


def _extend_left(doc, s: int, prefixes=frozenset(), place_names=False) -> int:
    """Given names the tagger left out after a dateline: 'KYIV - [Fumio] Kishida'; with
    `place_names`, also one that is a place's name ('[Sofia] Lind, the wife of ...')."""
    while (
        s > 0
        and s - 1 not in prefixes
        and _prefix_word(doc[s - 1]) not in NAME_PREFIXES
        and doc[s - 1].pos_ == "PROPN"
        and doc[s - 1].is_title
        and doc[s - 1].ent_type_ in ("", "PERSON")
        and doc[s - 1].lower_ not in TITLE_SET
        and doc[s - 1].lower_ not in TITLE_HEADS
        and doc[s - 1].lower_.rstrip("s") not in TITLE_SET
        and doc[s - 1].lower_ not in HONORIFICS
        and doc[s - 1].lower_ not in _NOT_GIVEN_NAMES
        and not (s >= 2 and doc[s - 2].text in ("-", "–") and not doc[s - 2].whitespace_)
        and (place_names or not geo.lookup(doc[s - 1].text))
    ):
        s -= 1
    return s


def _entity_names(doc, prefixes=frozenset()) -> list:
    spans = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        s, e = _clean_entity(doc, ent.start, ent.end, prefixes)
        if s >= e:
            continue
        s = _extend_left(doc, s, prefixes)
        if s >= e or any(t.like_num and not t.text.isupper() for t in doc[s:e]):
            continue
        if _is_honour(doc, s, e):
            continue
        if geo.country_for(doc[s:e].text) and not (s > 0 and doc[s - 1].lower_ in TITLE_SET):
            continue
        root = doc[s:e].root
        if (
            e - s == 1
            and root.dep_ == "pobj"
            and root.head.lower_ in ("on", "in", "at", "into", "across")
        ):
            continue
        spans.append((s, e))
    return spans


def _titled_names(doc, taken: set, prefixes=frozenset()) -> list:
    """Proper-noun runs right after a title word: 'Chairman Kim', 'Chancellor Olaf Scholz',
    'Defence Minister of Kazakhstan Lieutenant General Aidos Serikov' (after a rank, two
    words at least), honorifics between title and name skipped ('President Sheikh X')."""
    spans = []
    for tok in doc:
        ranked = tok.i in prefixes and tok.i + 1 not in prefixes
        role = tok.lower_ in ROLE_NOUNS  # "her Ecuadorian counterpart Ricardo Patino"
        ranked = ranked or role
        if tok.lower_ not in TITLE_SET and tok.lower_.rstrip("s") not in TITLE_SET and not ranked:
            continue
        if not (tok.is_title or tok.text.isupper() or role) or tok.i + 1 >= len(doc):
            continue
        s = tok.i + 1
        while s < len(doc) and s in prefixes:
            s += 1
        e = s
        while e < len(doc) and (_is_namey(doc[e]) or _particle_before_name(doc, e)):
            after_particle = e > s and doc[e - 1].lower_ in _PARTICLES
            if doc[e].lower_ in TITLE_SET or (
                doc[e].ent_type_ in ("GPE", "NORP", "DATE") and not after_particle
            ):
                break
            e += 1
        if e > s and s not in taken and not geo.country_for(doc[s:e].text):
            if doc[s].lower_ in HONORIFICS and e - s == 1:
                continue
            if ranked and (e - s < 2 or _is_institution(doc, s, e)):
                continue  # "General Assembly", "Admiral Kuznetsov Street"
            if _is_honour(doc, s, e):
                continue
            spans.append((s, e))
    return spans


def _particle_before_name(doc, i: int) -> bool:
    """'van den [Broek]', 'de la [Cruz]': a particle, or a run of them, before a name word."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].lower_ in _PARTICLES:
        j += 1
    return j > i and j < len(doc) and _is_namey(doc[j])


def _is_institution(doc, start: int, end: int) -> bool:
    return any(
        t.lower_ in _INSTITUTION_WORDS or t.lower_ in ORG_HEADS or t.lower_ in VENUE_NOUNS
        for t in doc[start : end + 1 if end < len(doc) else end]
    )


# Capitalised words that make a "<Word> de <Word>" span an institution or a place.
_INSTITUTION_WORDS = {
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


def _particle_names(doc, taken: set) -> list:
    """Names with a lower-case particle that the tagger calls an organisation ('Charles de
    Gaulle', 'Ursula von der Leyen'): a given name, particles, a surname, and no word that
    makes it an institution or a place."""
    spans = []
    for ent in doc.ents:
        s, e = ent.start, ent.end
        if ent.label_ != "ORG" or not 3 <= e - s <= 5 or s in taken:
            continue
        toks = list(doc[s:e])
        inner = toks[1:-1]
        if not (_is_namey(toks[0]) and _is_namey(toks[-1])):
            continue
        if not any(t.text in _PARTICLES for t in inner):
            continue
        if not all(t.text in _PARTICLES or _is_namey(t) for t in inner):
            continue
        if any(t.lower_ in _INSTITUTION_WORDS or geo.lookup(t.text) for t in toks):
            continue
        if e < len(doc) and doc[e].lower_ in _INSTITUTION_WORDS:
            continue  # "Charles de Gaulle Airport"
        spans.append((s, e))
    return spans


def _listed_names(doc, taken: set) -> list:
    """'the presidents of Senegal, Macky Sall, of Zambia, ...': names after 'of <country>,';
    'the prime ministers of Greece and Turkey, A B and C D': as many names as countries."""
    spans = []
    for i in indices_of_words(doc, (",",)):
        if i < 2 or i + 2 >= len(doc):
            continue
        k = i - 1
        while k > 0 and doc[k].lower_ != "of" and i - k < 9:
            k -= 1
        if doc[k].lower_ != "of":
            continue
        wanted = _country_count(doc, k + 1, i)
        s = i + 1
        while wanted and s < len(doc):
            e = s
            while e < len(doc) and (_is_namey(doc[e]) or _joins_hyphen(doc, e)):
                e += 1
            if e - s < 2 or geo.country_for(doc[s:e].text):
                break
            if s not in taken:
                spans.append((s, e))
            wanted -= 1
            if e + 1 >= len(doc) or doc[e].lower_ not in ("and", ","):
                break
            s = e + 1
    return spans


def _joins_hyphen(doc, i: int) -> bool:
    """'Akufo[-]Addo': a hyphen written without spaces between two name words."""
    return (
        doc[i].text == "-"
        and not doc[i].whitespace_
        and i > 0
        and not doc[i - 1].whitespace_
        and i + 1 < len(doc)
        and _is_namey(doc[i + 1])
    )


def _country_count(doc, start: int, end: int) -> int:
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


def _appositive_names(doc, taken: set) -> list:
    """A name the tagger calls an organisation or a place but that a title sets off by
    commas: 'Olaf Scholz, the chancellor of Germany,', "Kenya's president, William Ruto,"."""
    spans = []
    for ent in doc.ents:
        s, e = ent.start, ent.end
        if ent.label_ not in ("ORG", "GPE", "NORP") or not 2 <= e - s <= 4 or s in taken:
            continue
        toks = list(doc[s:e])
        if not (_is_namey(toks[0]) and _is_namey(toks[-1])):
            continue
        if not all(_is_namey(t) or t.lower_ in _PARTICLES or _joins_hyphen(doc, t.i) for t in toks):
            continue
        # 'Sofia Lind, the wife of ...': a given name that is also a city names a spouse
        spouse = _spouse_after_comma(doc, e) and not geo.lookup(ent.text)
        if any((geo.lookup(t.text) and not spouse) or t.lower_ in TITLE_HEADS for t in toks):
            continue
        if _is_institution(doc, s, e) or _is_honour(doc, s, e):
            continue
        if _title_after_comma(doc, e) or _title_before_comma(doc, s):
            spans.append((s, e))
    return spans


def _of_country_names(doc, taken: set, prefixes=frozenset()) -> list:
    """'the Defence Minister of Kazakhstan Aidos Serikov': two or more name words right
    after "<title> of <country>", honorifics and ranks skipped."""
    spans = []
    for i in indices_of_words(doc, ("of",)):
        tok = doc[i]
        if i < 1 or doc[i - 1].lower_ not in TITLE_HEADS:
            continue
        for n in (3, 2, 1):
            s = tok.i + 1 + n
            if s >= len(doc) or any(t.is_punct for t in doc[tok.i + 1 : s]):
                continue
            if doc[s].is_sent_start or not code_for(doc[tok.i + 1 : s].text):
                continue
            while s < len(doc) and s in prefixes:
                s += 1
            e = s
            while e < len(doc) and (_is_namey(doc[e]) or _particle_before_name(doc, e)):
                e += 1
            if e - s >= 2 and not any(i in taken for i in range(s, e)):
                if not geo.lookup(doc[s].text) and not _is_institution(doc, s, e):
                    spans.append((s, e))
            break
    return spans


# Spouses set off by commas after their own name ('Ana Lopes, the wife of President X,',
# 'Ana Lopes, his wife,'): the name is a person even when the tagger calls it a body.
_SPOUSE_NOUNS = {"wife", "husband", "spouse", "widow", "widower", "consort"}


def _spouse_after_comma(doc, end: int) -> bool:
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    first, second = doc[end + 1], doc[end + 2]
    return first.lower_ in ("the", "his", "her") and second.lower_ in _SPOUSE_NOUNS


def _title_after_comma(doc, end: int) -> bool:
    if _spouse_after_comma(doc, end):
        return True
    if end + 2 >= len(doc) or doc[end].text != ",":
        return False
    first = doc[end + 1]
    opens = first.lower_ in ("the", "a") or first.lower_ in _TITLE_STARTS
    if not (opens or first.tag_ == "POS" or code_for(first.text)):
        if not (end + 2 < len(doc) and doc[end + 2].tag_ == "POS"):
            return False
    for tok in doc[end + 1 : min(len(doc), end + 9)]:
        if tok.is_punct:
            return False
        if tok.lower_ in TITLE_HEADS and tok.pos_ in ("NOUN", "PROPN"):
            return True
        if tok.pos_ in ("NOUN", "VERB", "AUX", "PRON") and tok.lower_ not in _TITLE_STARTS:
            return False  # "Goldman Sachs, the investment bank whose chairman ..."
    return False


def _title_before_comma(doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].lower_ in TITLE_HEADS


def _coordinated_names(doc, taken: set) -> list:
    """A proper-noun name the tagger missed but coordinated with a person it found:
    '[Pierre Dubois] and Ivan Petrov spent ...'."""
    spans = []
    for tok in doc:
        if tok.ent_type_ != "PERSON" or tok.dep_ != "conj":
            continue
        head = tok.head
        if head.pos_ != "PROPN" or not head.is_title or head.ent_type_ not in ("", "PERSON"):
            continue
        if head.lower_ in TITLE_HEADS or _prefix_word(head) in NAME_PREFIXES:
            continue  # "State Councilor and Foreign Minister Wang Yi"
        s = head.i
        while s > 0 and doc[s - 1].dep_ == "compound" and doc[s - 1].head == head:
            prev = doc[s - 1]
            if not (_is_namey(prev) and prev.is_title) or prev.lower_ in TITLE_SET:
                break
            if prev.ent_type_ not in ("", "PERSON") or geo.lookup(prev.text):
                break
            s -= 1
        if head.i - s >= 1 and not any(i in taken for i in range(s, head.i + 1)):
            spans.append((s, head.i + 1))
    return spans


def _surname_mentions(doc, known: set, taken: set, prefixes=frozenset()) -> list:
    """Later mentions of known name words the tagger missed ('Modi' tagged GPE, 'the Bidens')."""
    spans = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        text = tok.text
        hit = text in known or (text.endswith("s") and text[:-1] in known and tok.tag_ == "NNPS")
        if i in taken or not hit or tok.ent_type_ == "DATE":
            i += 1
            continue
        e = i + 1
        while e < len(doc) and e not in taken:
            if doc[e].text in known:
                e += 1
            elif _joins_hyphen(doc, e) and doc[e + 1].text in known and e + 1 not in taken:
                e += 2  # 'Lind-Berg': both halves of a hyphenated surname, never one
            else:
                break
        if not geo.country_for(doc[i:e].text):
            spouse = _spouse_after_comma(doc, e)  # 'Sofia Lind, his wife,'
            start = _extend_left(doc, i, prefixes, spouse) if i - 1 not in taken else i
            spans.append((start, e))
        i = e
    return spans


def _registry_names(doc, registry, published=None, prefixes=frozenset()) -> list:
    """Spans of registry names and aliases ('Yoon Suk Yeol', 'Jokowi').

    A match must start at a capitalised proper noun and end at a word of the name: the
    registry fixes names the NER model cuts short or misses, it does not find people in
    common words. Of overlapping matches the one reaching furthest wins ('King Bhumibol
    Adulyadej' over the alias 'King Bhumibol')."""
    found = []
    for tok in doc:
        i = tok.i
        if not (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON") or not tok.text[:1].isupper():
            continue
        words = [t.text for t in doc[i : i + MAX_NAME_WORDS + 4]]
        n = registry.match_at(words)
        if n and all(not t.is_punct or t.text in ("-", "'", ".") for t in doc[i : i + n]):
            # a title in an alias ('Sheikh ...', 'Crown Prince ...') stays a title
            start = i
            while start < i + n - 1 and (_is_title_word(doc[start]) or start in prefixes):
                start += 1
            found.append((start, i + n))
        elif _office_holder_surname(tok, registry, published):
            found.append((i, i + 1))
    spans, taken = [], set()
    for s, e in sorted(found, key=lambda span: (-span[1], span[0])):
        if not any(i in taken for i in range(s, e)):
            spans.append((s, e))
            taken.update(range(s, e))
    return sorted(spans)


def _is_title_word(tok) -> bool:
    low = tok.lower_
    return low in TITLE_SET or low in HONORIFICS or low in ("crown", "his", "her", "majesty")


def _office_holder_surname(tok, registry, published) -> bool:
    """'Macron met Modi': a lone surname the registry gives to exactly one person in office
    on the article's date, and that is not a place."""
    if tok.pos_ != "PROPN" or len(tok.text) < 2 or not tok.text[0].isupper():
        return False
    if published is None or not registry.knows_surname(tok.text):
        return False
    if tok.ent_type_ in ("DATE", "TIME", "MONEY"):
        return False
    if geo.country_for(tok.text) or geo.country_for_place(tok.text):
        return False
    return registry.person_by_surname(tok.text, published) is not None


def _with_registry_names(doc, spans: list, registry, published=None, prefixes=frozenset()):
    """NER spans, where a registry name covers more of the same words, replaced by it."""
    if not registry:
        return spans
    found = _registry_names(doc, registry, published, prefixes)
    if not found:
        return spans
    out = []
    for s, e in found:
        overlapping = [(a, b) for a, b in spans if a < e and s < b]
        if all(s <= a and b <= e for a, b in overlapping):
            out.append((s, e))
    covered = {i for s, e in out for i in range(s, e)}
    out += [(s, e) for s, e in spans if not any(i in covered for i in range(s, e))]
    return sorted(out)


def _longer_after_title(doc, spans: list, titled_spans: list) -> list:
    """A name the tagger cut short after a title or rank ('Lt Gen [Saikhanbayar] Gursed'):
    the proper-noun run after the title, when it starts where the name does and runs on
    over untagged words."""
    titled = {s: e for s, e in titled_spans}
    starts = {s for s, _ in spans}
    out = []
    for s, e in spans:
        longer = titled.get(s, e)
        cut_at_particle = doc[e - 1].lower_ in _PARTICLES  # "[Jan van] den Broek"
        if longer > e and not any(
            i in starts or (doc[i].ent_type_ not in ("", "PERSON") and not cut_at_particle)
            for i in range(e, longer)
        ):
            e = longer
        out.append((s, e))
    return out


def name_spans(idx) -> list:
    """Sorted, non-overlapping (start, end) token spans of personal names."""
    doc = idx.doc
    prefixes = prefixes_of(idx)
    spans = _with_registry_names(
        doc,
        _entity_names(doc, prefixes),
        getattr(idx, "registry", None),
        getattr(idx, "published", None),
        prefixes,
    )
    titled = _titled_names(doc, set(), prefixes)
    spans = _longer_after_title(doc, spans, titled)
    taken = {i for s, e in spans for i in range(s, e)}
    finders = (
        lambda doc, taken: [(s, e) for s, e in titled if s not in taken],
        lambda doc, taken: _of_country_names(doc, taken, prefixes),
        _listed_names,
        _appositive_names,
        _coordinated_names,
        _particle_names,
    )
    for n, finder in enumerate(finders):
        for s, e in finder(doc, taken):
            while s < e and s in prefixes:
                s += 1  # "of Tajikistan, [Colonel General] X"
            if s >= e:
                continue
            inside = [(a, b) for a, b in spans if a < e and s < b]
            # a listed or appositive name may take in a surname found alone ('Karamanlis')
            if not inside or (n > 0 and all(s <= a and b <= e for a, b in inside)):
                spans = [span for span in spans if span not in inside] + [(s, e)]
                taken.update(range(s, e))
    known = set()
    for s, e in spans:
        known.update(
            t.text
            for t in doc[s:e]
            if len(t.text) > 1
            and t.lower_ not in _PARTICLES
            and t.lower_ not in TITLE_SET
            and t.lower_ not in TITLE_HEADS
            and t.lower_ not in HONORIFICS
            and t.is_title
            and not t.like_num
        )
    spans.extend(_surname_mentions(doc, known, taken, prefixes))
    spans = [(s - 1 if _keeps_sheikh(doc, s, e) else s, e) for s, e in spans]
    return sorted({(s, e) for s, e in spans if not _dateline_source(doc, s, e)})


_DASHES = {"-", "–", "—", "--"}


def _dateline_source(doc, start: int, end: int) -> bool:
    """'Amman, Al-Rai Daily — King X ...': the news source between a dateline's place
    and its dash, at the start of a sentence, is no person."""
    k = start - 2
    return (
        k >= 0
        and (k == 0 or doc[k].is_sent_start or doc[k - 1].is_space)
        and doc[start - 1].text == ","
        and end < len(doc)
        and doc[end].text in _DASHES
        and geo.lookup(doc[k].text) is not None
    )


def _window_start(doc, end: int, sent_start: int, limit: int = 7) -> int:
    a = end
    while a > max(sent_start, end - limit):
        t = doc[a - 1]
        if (t.is_punct and (t.text not in ("-", "–", ".") or t.whitespace_)) or t.lower_ in (
            "and",
            "or",
            "with",
            "by",
            "to",
        ):
            break
        a -= 1
    return a


def title_before(doc, start: int, idx):
    """The title right before a name ('US President' -> 'President') and the token
    where it starts."""
    sent = idx.sent(doc[start])
    a = _window_start(doc, start, sent.start)
    if a >= start:
        return None, start
    window = doc[a:start]
    m = _TITLE_END.search(window.text)
    if not m:
        return None, start
    char = window.start_char + m.start(1)
    tstart = next((t.i for t in window if t.idx >= char), start)
    return window.text[m.start(1) : m.end(1)], tstart


def of_country_title(doc, start: int):
    """'the Defence Minister of Kazakhstan [Lt Gen] Aidos Serikov', no comma between: the
    title noun before "of <country>" and the country's code, else (None, None)."""
    for n in (1, 2, 3):
        k = start - n
        if k < 2 or doc[k - 1].lower_ != "of" or doc[k - 2].lower_ not in TITLE_HEADS:
            continue
        if any(t.is_punct for t in doc[k:start]) or any(
            t.is_sent_start for t in doc[k - 1 : start + 1]
        ):
            continue
        code = code_for(doc[k:start].text)
        if code:
            return doc[k - 2], code
    return None, None


def country_before(doc, pos: int, idx):
    """Country or organisation written before a title: 'North Korean' leader, 'Singapore's' PM."""
    sent = idx.sent(doc[pos]) if pos < len(doc) else None
    if sent is None or pos <= sent.start:
        return None, None
    a = _window_start(doc, pos, sent.start, limit=5)
    toks = [t for t in doc[a:pos]]
    while toks and (
        toks[-1].lower_ in _QUALIFIERS
        or (toks[-1].lower_ in ROLE_NOUNS and len(toks) > 1)  # "her Chinese counterpart"
        or toks[-1].tag_ == "POS"
        or toks[-1].lower_ in ("'s", "’s")
        or toks[-1].lower_ in _DEPARTMENTS  # "US Commerce Secretary"
        or _prefix_word(toks[-1]) in _STYLE_WORDS  # "H.E. President X": a style, not a body
    ):
        toks = toks[:-1]
    for k in range(min(4, len(toks)), 0, -1):
        text = doc[toks[-k].i : toks[-1].i + 1].text
        code = code_for(text)
        if code:
            return code, None
        org = geo.organisation_for(text)
        if org:
            return None, org
    if toks and toks[-1].ent_type_ == "ORG" and not geo.lookup(toks[-1].text):
        # "FIFA president X", "Acme chief executive Y": an office in a body that is not a state
        ent = next(e for e in doc.ents if e.start <= toks[-1].i < e.end)
        if ent.end > pos:
            return None, None  # "PM Modi" tagged as one organisation: no body before a name
        if not all(t.lower_ in _DEPARTMENTS for t in ent):  # "Commerce Secretary" is a minister
            return None, ent.text
    return None, None


# Courtesy styles written before a title ("H.E. President", "His Excellency Prime
# Minister"): never the body whose office the title is.
_STYLE_WORDS = {"h e", "hon", "rt hon", "excellency", "majesty", "highness", "hrh"}

# Government departments written before a minister's title ("Commerce Secretary").
_DEPARTMENTS = {
    "commerce",
    "defense",
    "defence",
    "treasury",
    "state",
    "interior",
    "energy",
    "trade",
    "foreign",
    "home",
    "justice",
    "health",
    "education",
    "transport",
    "transportation",
    "agriculture",
    "labor",
    "labour",
    "finance",
    "homeland",
    "security",
    "environment",
    "culture",
    "economy",
    "industry",
    "war",
    "navy",
    "army",
}


def is_private(person) -> bool:
    """Whether a person holds office in a body that is neither a state nor an
    intergovernmental organisation (a sports federation, a company, a party)."""
    return bool(person.org) and geo.organisation_for(person.org) is None


def _suffix_country(doc, start: int, end: int):
    """(code, text) of the longest run of tokens ending at `end` that names a country
    ('OSLO - Chile' -> Chile), else (None, full text)."""
    for a in range(start, end + 1):
        if doc[a].is_punct:
            continue
        text = re.sub(r"['’]s$", "", doc[a : end + 1].text)
        code = code_for(text)
        if code:
            return code, text
    return None, re.sub(r"['’]s$", "", doc[start : end + 1].text)


def title_of_noun(noun):
    """(title, country, org) of a title noun phrase: 'the North Korean leader',
    "India's defence minister"."""
    doc = noun.doc
    left = noun.i
    while (
        left > 0
        and doc[left - 1].head.i in range(left, noun.i + 1)
        and doc[left - 1].dep_
        in ("compound", "amod", "nmod", "poss", "case", "punct", "advmod", "npadvmod")
        and doc[left - 1].dep_ != "det"
    ):
        left -= 1
    title = None
    for s in range(left, noun.i + 1):
        text = doc[s : noun.i + 1].text
        if text.lower() in TITLE_SET or text.lower().rstrip("s") in TITLE_SET:
            title = text
            break
    country = org = None
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in ("poss", "amod", "compound", "nmod", "npadvmod"):
            continue
        code, text = _suffix_country(doc, child.left_edge.i, child.i)
        if code and not country:
            country = code
        elif not code and not org:
            org = geo.organisation_for(text)
    # "the president of Nigeria", "Crown Prince and Prime Minister of Qatar"
    heads = [noun] + [c for c in noun.children if c.dep_ == "conj" and c.lower_ in TITLE_HEADS]
    for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            code = geo.country_for(doc[obj.left_edge.i : obj.i + 1].text)
            country = country or code
    if title and title.lower() in REGNAL | {"crown prince"} and not country:
        pass
    return title, country, org


def relation_owner(noun, builder):
    """Who 'his'/'X's' refers to in 'his host', "Castro's brother"; None if unstated."""
    for child in noun.children:
        if child.dep_ != "poss":
            continue
        if child.pos_ == "PRON":
            return builder.resolve_pronoun(child)
        pids = builder.people.pids(child)
        if pids:
            return pids[0]
    return None


def listed_country(doc, start: int):
    """'..., of Zambia, Hakainde Hichilema': (country, plural title noun) before a listed name."""
    if start < 3 or doc[start - 1].text != ",":
        return None, None
    k = start - 2
    while k > 0 and doc[k].lower_ != "of" and start - k < 6:
        k -= 1
    if doc[k].lower_ != "of":
        return None, None
    code = geo.country_for(doc[k + 1 : start - 1].text)
    if not code:
        return None, None
    sent_start = doc[start].sent.start
    for j in range(k - 1, max(sent_start, k - 40) - 1, -1):
        low = doc[j].lower_
        if doc[j].tag_ in ("NNS", "NNPS") and low[:-1] in TITLE_SET and doc[j + 1].lower_ == "of":
            return code, doc[j].text[:-1]
    return code, None
