"""The span finders behind the name rules: each returns the (start, end) token spans of
the names one construction shows; `rules.name_spans` runs them in order and merges.
The finders of names already known (registry names, later mentions of known name words)
are in registry_spans."""

from __future__ import annotations

from gazetteer import geo

from ..countries import code_for
from ..lexicon import HONORIFICS, NAME_PREFIXES, ROLE_NOUNS, TITLE_HEADS, TITLE_SET
from ..places import known_place_span
from ..tags import NOUN, PROPN
from ..text import doc_ents, kids, span_text, token_texts, tokens_between, tokens_of
from .bounds import (
    INSTITUTION_WORDS,
    country_count,
    extend_left,
    is_institution,
    joins_hyphen,
    office_list_items,
    particle_before_name,
    spouse_after_comma,
    title_after_comma,
    title_before_comma,
)
from .titles import department_end, ends_name
from .tokens import (
    NASAB,
    PARTICLES,
    clean_entity,
    family_end,
    given_before_nasab,
    indices_of_words,
    is_honour,
    is_namey,
    prefix_word,
)


def entity_names(doc, prefixes=frozenset()) -> list:
    spans = []
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON":
            continue
        s, e = clean_entity(doc, ent.start, ent.end, prefixes)
        e = _before_title(doc, s, e)
        if s >= e:
            continue
        s = extend_left(doc, s, prefixes)
        if s >= e or any(t.like_num and not t.text.isupper() for t in tokens_between(doc, s, e)):
            continue
        if is_honour(doc, s, e):
            continue
        if geo.country_for(span_text(doc, s, e)) and not (s > 0 and doc[s - 1].lower_ in TITLE_SET):
            continue
        if _ends_country_name(doc, s, e) or _starts_country_name(doc, s, e):
            continue  # "Trinidad and [Tobago]", "[Costa] Rica's President"
        root = doc[s:e].root
        if (
            e - s == 1
            and root.dep_ == "pobj"
            and root.head.lower_ in ("on", "in", "at", "into", "across")
        ):
            continue
        spans.append((s, e))
    return spans


def _before_title(doc, s: int, e: int) -> int:
    """'[Macedonian Foreign] Minister X' tagged as a person: an entity whose last words
    start a title that goes on after it ends where the title starts."""
    for k in range(s, e):
        for extra in (1, 2):
            if e + extra <= len(doc) and span_text(doc, k, e + extra).lower() in TITLE_SET:
                return k
    return e


# Common nouns a lone name may modify and still be a person ('the Biden administration').
_PERSONAL_HEADS = {
    "administration",
    "government",
    "cabinet",
    "family",
    "household",
    "dynasty",
    "camp",
    "team",
    "aide",
    "aides",
    "side",
    "office",
    "presidency",
    "premiership",
    "era",
    "years",
    "regime",
    "doctrine",
    "visit",
    "trip",
    "tour",
    "talks",
    "summit",
    "meeting",
    "call",
    "delegation",
    "speech",
    "statement",
    "letter",
    "campaign",
}
_ARTICLES = {"a", "an", "the", "two", "three", "several", "some"}


# Capitalised words of an office that TITLES does not hold ("Britain's Heir Apparent").
_OFFICE_WORDS = {"heir", "apparent", "speaker", "custodian", "governor", "commander", "envoy"}
# Capitalised nouns after a name that make it the name of a place or a body
# ('the King Abdulaziz Center', 'King Fahd Causeway', 'Nelson Mandela Bridge').
_NAMED_AFTER = INSTITUTION_WORDS | {
    "center",
    "centre",
    "street",
    "road",
    "stadium",
    "mosque",
    "bridge",
    "causeway",
    "prize",
    "award",
    "library",
    "hall",
    "square",
    "park",
    "highway",
    "station",
}


def names_a_place(doc, end: int) -> bool:
    """Whether the capitalised noun right after a name makes it a place's or a body's."""
    return end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in _NAMED_AFTER


def in_place_name(doc, start: int, end: int) -> bool:
    """Whether a name span is part of a longer known city's name ('[Dar] es Salaam',
    'Port [Louis]', 'Bandar Seri Begawan' tagged as a person): a place, not a person."""
    place = known_place_span(doc, start)
    return place is not None and place.start <= start and end <= place.end


def joined_nasab(doc, spans) -> list:
    """'[Khalid ibn] [Zayed Al-Qasimi]': two name spans the tagger split at a nasab
    particle ('bin', 'ibn') are one name; one cut before its family name ('Al Marri')
    takes it in."""
    out = []
    for s, e in sorted(spans):
        end = family_end(doc, s, e)
        if end > e and not any(a < end and e <= a for a, _ in spans if a != s):
            e = end
        if out:
            ps, pe = out[-1]
            if (pe == s and doc[pe - 1].lower_ in NASAB) or (
                s == pe + 1 and doc[pe].lower_ in NASAB
            ):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


def thing_words(doc, spans) -> set:
    """Lone capitalised words found as names that the article also writes as a thing:
    'the Teesta river', 'the Teesta deal', 'a Pungsan named Maru', 'two Pungsan dogs'
    (a river, a breed), each time with an article before and a common noun after, or an
    indefinite article before. A word that is part of a longer name found in the
    article ('Joe Biden' ... 'the Biden administration') is never one."""
    lone = {doc[s].text for s, e in spans if e - s == 1}
    texts = token_texts(doc)
    lone -= {texts[i] for s, e in spans if e - s > 1 for i in range(s, e)}
    out = set()
    for i in indices_of_words(doc, {w.lower() for w in lone}) if lone else ():
        tok = doc[i]
        if tok.text not in lone or i == 0 or i + 1 >= len(doc):
            continue
        before, after = doc[i - 1].lower_, doc[i + 1]
        if before in ("a", "an") and not after.text[:1].isupper():
            out.add(tok.text)
        elif (
            before in _ARTICLES
            and after.pos == NOUN
            and after.text.islower()
            and after.lower_ not in TITLE_HEADS
            and after.lower_ not in ROLE_NOUNS
            and after.lower_ not in _PERSONAL_HEADS
        ):
            out.add(tok.text)
    return out


def _ends_country_name(doc, start: int, end: int) -> bool:
    """Whether the words before a span and the span itself name one country ('Trinidad and
    Tobago', 'Antigua and Barbuda'): the span is the end of a country's name."""
    if start < 2 or doc[start - 1].lower_ not in ("and", "&"):
        return False
    return any(geo.country_for(doc[k:end].text) for k in range(max(0, start - 4), start - 1))


def _starts_country_name(doc, start: int, end: int) -> bool:
    """Whether the span and the words after it name one country ('[Costa] Rica')."""
    if end >= len(doc) or not doc[end].text[:1].isupper():
        return False
    stop = min(len(doc), end + 3)
    return any(geo.country_for(doc[start:k].text) for k in range(end + 1, stop + 1))


def titled_names(doc, taken: set, prefixes=frozenset()) -> list:
    """Proper-noun runs right after a title word: 'Chairman Kim', 'Chancellor Olaf Scholz',
    'Defence Minister of Kazakhstan Lieutenant General Aidos Serikov' (after a rank, two
    words at least), honorifics between title and name skipped ('President Sheikh X')."""
    spans = []
    for i, text in enumerate(token_texts(doc)):  # a Token only for a title word
        low = text.lower()
        ranked = i in prefixes and i + 1 not in prefixes
        role = low in ROLE_NOUNS  # "her Ecuadorian counterpart Ricardo Patino"
        ranked = ranked or role
        if (
            low not in TITLE_SET
            and low.rstrip("s") not in TITLE_SET
            and not ranked
            and not _hyphenated_title(doc, i)  # "Secretary-General Ines Moreau"
        ):
            continue
        tok = doc[i]
        if not (tok.is_title or tok.text.isupper() or role) or tok.i + 1 >= len(doc):
            continue
        s = tok.i + 1
        if tok.lower_ in ("secretary", "minister"):
            s = department_end(doc, s)  # "Secretary of Defense Jim Mattis"
        s = _after_bracketed_abbreviation(doc, s)  # "Prime Minister (PM) X"
        while s < len(doc) and s in prefixes:
            s += 1
        e = s
        while e < len(doc) and (is_namey(doc[e]) or particle_before_name(doc, e)):
            after_particle = e > s and doc[e - 1].lower_ in PARTICLES
            if (doc[e].lower_ in TITLE_SET and not given_before_nasab(doc, e)) or (
                doc[e].ent_type_ in ("GPE", "NORP", "DATE") and not after_particle
            ):
                break
            e += 1
        if e > s and s not in taken and not geo.country_for(doc[s:e].text):
            if doc[s].lower_ in HONORIFICS and e - s == 1:
                continue
            if ranked and (e - s < 2 or is_institution(doc, s, e)):
                continue  # "General Assembly", "Admiral Kuznetsov Street"
            if is_honour(doc, s, e):
                continue
            spans.append((s, e))
    return spans


def _after_bracketed_abbreviation(doc, i: int) -> int:
    """'Prime Minister [(PM)] X': the token after an abbreviation in brackets at i, else i."""
    if i + 3 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
        return i + 3 if doc[i + 1].text.isupper() and doc[i + 1].is_alpha else i
    return i


def _hyphenated_title(doc, i: int) -> bool:
    """Whether token i ends a title written with a hyphen ('Secretary-General',
    'Governor-General', 'Vice-President'): three tokens, no spaces between them."""
    if i < 2 or token_texts(doc)[i - 1] != "-":
        return False
    if doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    return f"{doc[i - 2].lower_}-{doc[i].lower_}" in TITLE_SET


def particle_names(doc, taken: set) -> list:
    """Names with a lower-case particle that the tagger calls an organisation ('Charles de
    Gaulle', 'Ursula von der Leyen'): a given name, particles, a surname, and no word that
    makes it an institution or a place."""
    spans = []
    for ent in doc_ents(doc):
        s, e = ent.start, ent.end
        if ent.label_ != "ORG" or not 3 <= e - s <= 5 or s in taken:
            continue
        toks = list(doc[s:e])
        inner = toks[1:-1]
        if not (is_namey(toks[0]) and is_namey(toks[-1])):
            continue
        if not any(t.text in PARTICLES for t in inner):
            continue
        if not all(t.text in PARTICLES or is_namey(t) for t in inner):
            continue
        if any(t.lower_ in INSTITUTION_WORDS or geo.lookup(t.text) for t in toks):
            continue
        if e < len(doc) and doc[e].lower_ in INSTITUTION_WORDS:
            continue  # "Charles de Gaulle Airport"
        spans.append((s, e))
    return spans


def listed_names(doc, taken: set) -> list:
    """'the presidents of Senegal, Macky Sall, of Zambia, ...': names after 'of <country>,';
    'the prime ministers of Greece and Turkey, A B and C D': as many names as countries."""
    spans = []
    for i in indices_of_words(doc, (",",)):
        if i < 2 or i + 2 >= len(doc):
            continue
        k = i - 1
        while k > 0 and doc[k].lower_ != "of" and i - k < 9:
            k -= 1
        if doc[k].lower_ != "of" or ends_name(doc[k - 1]):
            continue  # "President A of Ukraine, Prime Minister B": Ukraine is A's
        wanted = country_count(doc, k + 1, i)
        s = i + 1
        while wanted and s < len(doc):
            e = s
            while e < len(doc) and (is_namey(doc[e]) or joins_hyphen(doc, e)):
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


def interleaved_names(doc) -> list:
    """'the prime ministers of Chile A, Peru B and Norway C': each name after its country
    (`bounds.office_list_items`)."""
    return [
        (s, e) for of in indices_of_words(doc, ("of",)) for _, s, e in office_list_items(doc, of)
    ]


def appositive_names(doc, taken: set) -> list:
    """A name the tagger calls an organisation or a place but that a title sets off by
    commas: 'Olaf Scholz, the chancellor of Germany,', "Kenya's president, William Ruto,"."""
    spans = []
    for ent in doc_ents(doc):
        s, e = ent.start, ent.end
        if ent.label_ not in ("ORG", "GPE", "NORP") or not 1 <= e - s <= 4 or s in taken:
            continue
        if e - s == 1 and not _titled_appositive(doc, s):
            continue  # one word: only with its title in apposition ('Lula, Brazil's president,')
        toks = tokens_between(doc, s, e)
        if not (is_namey(toks[0]) and is_namey(toks[-1])):
            continue
        if not all(is_namey(t) or t.lower_ in PARTICLES or joins_hyphen(doc, t.i) for t in toks):
            continue
        # 'Sofia Lind, the wife of ...': a given name that is also a city names a spouse
        spouse = spouse_after_comma(doc, e) and not geo.lookup(ent.text)
        if any((geo.lookup(t.text) and not spouse) or t.lower_ in TITLE_HEADS for t in toks):
            continue
        if is_institution(doc, s, e) or is_honour(doc, s, e):
            continue
        if any(t.lower_ in _OFFICE_WORDS for t in toks):
            continue  # "Norway's Heir Apparent, Prince Olav"
        if title_after_comma(doc, e) or title_before_comma(doc, s):
            spans.append((s, e))
    return spans


def _titled_appositive(doc, i: int) -> bool:
    """'Lula, Brazil's president, ...': a title noun after the comma that the parser reads
    as the word's apposition (not 'Ukraine, the president said')."""
    tok = doc[i]
    if tok.lower_ in TITLE_SET or geo.lookup(tok.text) or not is_namey(tok):
        return False
    return any(c.dep_ == "appos" and c.lower_ in TITLE_HEADS and c.i > i + 1 for c in kids(tok))


def of_country_names(doc, taken: set, prefixes=frozenset()) -> list:
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
            while e < len(doc) and (is_namey(doc[e]) or particle_before_name(doc, e)):
                e += 1
            if e - s >= 2 and not any(i in taken for i in range(s, e)):
                if not geo.lookup(doc[s].text) and not is_institution(doc, s, e):
                    spans.append((s, e))
            break
    return spans


# Words that make a capitalised run after a country's possessive a body, not a person.
_BODY_WORDS = {
    "fleet", "army", "navy", "force", "forces", "guard", "command", "corps", "ministry",
    "cabinet", "government", "embassy", "airways", "airlines", "railways", "league", "cup",
}  # fmt: skip


def country_possessive_names(doc, taken: set) -> list:
    """ "Bolivia's Ana Fuentes", "Nigeria's Musa Danjuma": two to four name words right
    after a country's possessive, with no title between, that the tagger left untagged or
    called a body; not an office, a place, a body or an institution ("Kenya's State
    House", "Russia's Northern Fleet")."""
    spans = []
    for i in indices_of_words(doc, ("'s", "’s")):
        if i < 1 or not code_for(doc[i - 1].text) or i + 2 >= len(doc):
            continue
        s = e = i + 1
        while e < len(doc) and e - s < 4 and is_namey(doc[e]) and doc[e].lower_ not in TITLE_SET:
            e += 1
        if e - s < 2 or any(k in taken for k in range(s, e)):
            continue
        if any(doc[k].ent_type_ not in ("", "PERSON", "ORG") for k in range(s, e)):
            continue  # "Kenya's Rift Valley" (LOC)
        if any(doc[k].lower_ in _BODY_WORDS or doc[k].lower_ in _OFFICE_WORDS for k in range(s, e)):
            continue  # "Russia's Northern Fleet", "Britain's Heir Apparent"
        if geo.lookup(doc[s].text) or is_institution(doc, s, e) or is_honour(doc, s, e):
            continue
        if doc[s].lower_ in TITLE_HEADS or doc[e - 1].lower_ in TITLE_HEADS:
            continue
        spans.append((s, e))
    return spans


def coordinated_names(doc, taken: set) -> list:
    """A proper-noun name the tagger missed but coordinated with a person it found:
    '[Pierre Dubois] and Ivan Petrov spent ...'."""
    spans = []
    for tok in tokens_of(doc):
        if tok.ent_type_ != "PERSON" or tok.dep_ != "conj":
            continue
        head = tok.head
        if head.pos != PROPN or not head.is_title or head.ent_type_ not in ("", "PERSON"):
            continue
        if head.lower_ in TITLE_HEADS or prefix_word(head) in NAME_PREFIXES:
            continue  # "State Councilor and Foreign Minister Wang Yi"
        s = head.i
        while s > 0 and doc[s - 1].dep_ == "compound" and doc[s - 1].head == head:
            prev = doc[s - 1]
            if not (is_namey(prev) and prev.is_title) or prev.lower_ in TITLE_SET:
                break
            if prev.ent_type_ not in ("", "PERSON") or geo.lookup(prev.text):
                break
            s -= 1
        if head.i - s >= 1 and not any(i in taken for i in range(s, head.i + 1)):
            spans.append((s, head.i + 1))
    return spans + _after_plural_title(doc, taken)


def _after_plural_title(doc, taken: set) -> list:
    """'Foreign Ministers A B and [C D]': a run of two name words the tagger called a
    place or a body, coordinated with a person named right after a plural title (the
    title says both are persons)."""
    spans = []
    for tok in tokens_of(doc):
        if tok.dep_ != "conj" or tok.ent_type_ not in ("GPE", "ORG", "NORP", ""):
            continue
        head = tok.head
        if head.ent_type_ != "PERSON" and head.i not in taken:
            continue
        first = head
        while first.i > 0 and (doc[first.i - 1].ent_type_ == "PERSON" or first.i - 1 in taken):
            first = doc[first.i - 1]
        title = doc[first.i - 1] if first.i > 0 else None
        if title is None or not (title.lower_.endswith("s") and title.lower_[:-1] in TITLE_SET):
            continue
        s = tok.i
        while s > 0 and doc[s - 1].dep_ == "compound" and doc[s - 1].head == tok:
            s -= 1
        run = doc[s : tok.i + 1]
        if (
            len(run) < 2
            or not all(is_namey(t) for t in run)
            or any(i in taken for i in range(s, tok.i + 1))
        ):
            continue
        if (
            geo.lookup(run.text)
            or any(geo.lookup(t.text) for t in run)
            or is_institution(doc, s, tok.i + 1)
        ):
            continue
        spans.append((s, tok.i + 1))
    return spans


def longer_after_title(doc, spans: list, titled_spans: list) -> list:
    """A name the tagger cut short after a title or rank ('Lt Gen [Saikhanbayar] Gursed'):
    the proper-noun run after the title, when it starts where the name does and runs on
    over untagged words."""
    titled = {s: e for s, e in titled_spans}
    starts = {s for s, _ in spans}
    out = []
    for s, e in spans:
        longer = titled.get(s, e)
        cut_at_particle = doc[e - 1].lower_ in PARTICLES  # "[Jan van] den Broek"
        if longer > e and not any(
            i in starts or (doc[i].ent_type_ not in ("", "PERSON") and not cut_at_particle)
            for i in range(e, longer)
        ):
            e = longer
        out.append((s, e))
    return out


_DASHES = {"-", "–", "—", "--"}


def dateline_source(doc, start: int, end: int) -> bool:
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
