"""Countries, demonyms, capitals and the places that are not countries.

Pure Python (no Django).  Every lookup normalises its input the same way and then
does one dict hit against tables precomputed at import time, so the functions are
cheap enough for the extractor's per-token loops.

Normalisation of a mention:

* curly quotes and dashes become straight ones; surrounding punctuation and a
  trailing hyphen ("North Korea-") are stripped, as are a possessive "'s" / "’s"
  and a leading "the " ("the Kremlin's" -> "Kremlin");
* the lookup key is case- and accent-insensitive and ignores dots, hyphens and
  commas ("Élysée" = "Elysee", "Guinea-Bissau" = "Guinea Bissau");
* but the mention itself must start with an upper-case letter, so common words
  ("turkey", "chad", "china") never match; abbreviations ("US", "U.S.", "UK",
  "DPRK", "UN", "WHO") are matched case-sensitively ("Us"/"Who" do not match).

Ambiguous names ("Congo", "Congolese", "Korea", "Korean", "Central African")
resolve to no country: a wrong country is worse than none.  "Dominican" means
the Dominican Republic, not Dominica.

The sovereign states are the 193 UN members plus the two observer states, the
Holy See (VA) and Palestine (PS).  Other ISO 3166 entries (territories, and TW,
HK, MO) are never returned by :func:`country_for`; :func:`territory_for` gives
their codes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import pycountry

from gazetteer import geo_data as data

COUNTRY_KINDS = frozenset({"name", "abbreviation", "demonym", "metonym", "capital"})
"""Kinds of :class:`GeoMatch` that denote a sovereign state."""

SOVEREIGN_CODES = frozenset(data.STATES)
"""ISO alpha-2 codes of the 195 sovereign states (UN members, VA and PS)."""

_MAX_PREFIX_TOKENS = 6


class GeoMatch(NamedTuple):
    """What a mention refers to.

    ``kind`` is one of ``COUNTRY_KINDS`` (``code`` is then a sovereign state),
    ``"territory"`` (``code`` is a non-sovereign ISO 3166 entry),
    ``"organisation"`` (``organisation`` is its canonical short name),
    ``"non_state"`` (a region, sea, sub-national unit, disputed or historic
    entity) or ``"ambiguous"`` (could be more than one state).
    """

    kind: str
    code: str | None = None
    organisation: str | None = None

    @property
    def is_country(self) -> bool:
        return self.code is not None and self.kind in COUNTRY_KINDS


# --------------------------------------------------------------------------- normalising

_CHAR_MAP = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "`": "'",
        "\u00b4": "'",
        "\u02bc": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_FOLD_MAP = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "ß": "ss",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ı": "i",
        "œ": "oe",
        "Œ": "OE",
    }
)
_EDGE = " \t\r\n\"'()[]{}<>,.;:!?*_/|-"
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s,\-/]+")
_ABBR_STRIP = re.compile(r"[.\s]")


def clean_mention(text: str) -> str:
    """The mention with quotes, edge punctuation, a possessive and a leading "the"
    removed, case and accents kept: ``"the Kremlin’s"`` -> ``"Kremlin"``."""
    s = text.translate(_CHAR_MAP).strip(_EDGE)
    if s[-2:] in ("'s", "'S"):
        s = s[:-2].strip(_EDGE)
    return _LEADING_THE.sub("", s).strip(_EDGE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD_MAP))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _key(cleaned: str) -> str:
    s = _fold(cleaned).lower().replace(".", "").replace("&", " and ")
    return _SEPARATORS.sub(" ", s).strip()


def normalise(text: str) -> str:
    """The lookup key for a mention: cleaned, accent-folded, lower-cased, without
    dots and with hyphens/commas as spaces (``"Côte d’Ivoire's"`` -> ``"cote d'ivoire"``)."""
    return _key(clean_mention(text))


def _abbr(cleaned: str) -> str:
    return _ABBR_STRIP.sub("", cleaned)


# --------------------------------------------------------------------------- tables


def _plural(demonym: str) -> str | None:
    if demonym.endswith(("s", "sh", "ch", "ese", "x", "z")):
        return None
    return demonym + "s"


def _pycountry_names(entry: object) -> list[str]:
    return [
        n for n in (getattr(entry, a, None) for a in ("name", "official_name", "common_name")) if n
    ]


def _build_country_index() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    """(key -> (code, kind)) for names, demonyms, metonyms and capitals, in that
    order of precedence, and (key -> code) for capitals and metonyms only."""
    index: dict[str, tuple[str, str]] = {}
    capitals: dict[str, str] = {}

    def add(name: str, code: str, kind: str) -> None:
        key = normalise(name)
        if key:
            index.setdefault(key, (code, kind))

    for code, (common, aliases, _demonyms, _capitals) in data.STATES.items():
        for name in (common, *aliases, *_pycountry_names(pycountry.countries.get(alpha_2=code))):
            add(name, code, "name")
    for code, (_common, _aliases, demonyms, _capitals) in data.STATES.items():
        for demonym in demonyms:
            add(demonym, code, "demonym")
            plural = _plural(demonym)
            if plural:
                add(plural, code, "demonym")
    index[normalise("Dominican")] = ("DO", "demonym")  # not Dominica
    index[normalise("Dominicans")] = ("DO", "demonym")
    for name, code in data.METONYMS.items():
        add(name, code, "metonym")
        capitals.setdefault(normalise(name), code)
    for code, (_common, _aliases, _demonyms, caps) in data.STATES.items():
        for capital in caps:
            if capital in data.CAPITALS_NOT_LOOKED_UP:
                continue
            add(capital, code, "capital")
            capitals.setdefault(normalise(capital), code)
    return index, capitals


def _build_territory_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in pycountry.countries:
        if entry.alpha_2 not in SOVEREIGN_CODES:
            for name in _pycountry_names(entry):
                index.setdefault(normalise(name), entry.alpha_2)
    extra = {
        "British Virgin Islands": "VG",
        "US Virgin Islands": "VI",
        "U.S. Virgin Islands": "VI",
        "Falklands": "FK",
        "Falkland Islands": "FK",
        "Macau": "MO",
        "Faroes": "FO",
        "Faroe Islands": "FO",
    }
    for name, code in extra.items():
        index.setdefault(normalise(name), code)
    return index


def _build_org_index() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    abbreviations: dict[str, str] = {}
    for canonical, (org_names, org_abbrs) in data.ORGANISATIONS.items():
        for name in org_names:
            names[normalise(name)] = canonical
        for abbr in org_abbrs:
            abbreviations[_abbr(abbr)] = canonical
    return names, abbreviations


_COUNTRY_INDEX, _CAPITAL_INDEX = _build_country_index()
_TERRITORY_INDEX = _build_territory_index()
_ORG_NAMES, _ORG_ABBREVIATIONS = _build_org_index()
_COUNTRY_ABBREVIATIONS: dict[str, str] = {_abbr(a): c for a, c in data.ABBREVIATIONS.items()}
_PLACE_INDEX: dict[str, str] = {normalise(name): code for name, code in data.PLACES.items()}
# The first word of every city, capital and venue key: a word outside it begins none of them.
_PLACE_FIRST_WORDS = frozenset(key.split(" ")[0] for key in (*_PLACE_INDEX, *_CAPITAL_INDEX))
_NON_STATE_KEYS = frozenset(normalise(name) for name in data.NON_STATES)
_AMBIGUOUS_KEYS = frozenset(normalise(name) for name in data.AMBIGUOUS)


# --------------------------------------------------------------------------- lookups


@lru_cache(maxsize=65536)
def lookup(text: str) -> GeoMatch | None:
    """Classify a mention as a country (with how it was named), a territory, an
    organisation, a known non-state, an ambiguous name, or None if unknown."""
    cleaned = clean_mention(text)
    if not cleaned:
        return None
    abbr = _abbr(cleaned)
    if abbr in _COUNTRY_ABBREVIATIONS:
        return GeoMatch("abbreviation", _COUNTRY_ABBREVIATIONS[abbr])
    if abbr in _ORG_ABBREVIATIONS:
        return GeoMatch("organisation", organisation=_ORG_ABBREVIATIONS[abbr])
    if not cleaned[0].isupper():
        return None
    key = _key(cleaned)
    if key in _ORG_NAMES:
        return GeoMatch("organisation", organisation=_ORG_NAMES[key])
    if key in _NON_STATE_KEYS:
        return GeoMatch("non_state")
    if key in _AMBIGUOUS_KEYS:
        return GeoMatch("ambiguous")
    hit = _COUNTRY_INDEX.get(key)
    if hit is not None:
        return GeoMatch(hit[1], hit[0])
    territory = _TERRITORY_INDEX.get(key)
    if territory is not None:
        return GeoMatch("territory", territory)
    return None


def country_for(text: str) -> str | None:
    """ISO alpha-2 for a country name, short/official form, demonym or capital used as a
    government ("Seoul", "North Korean", "DPRK", "U.S.", "the Kremlin"), or None
    (including for blocs, regions and organisations such as "the West", "EU", "NATO",
    for territories such as "Taiwan" or "Hong Kong" and for ambiguous names)."""
    match = lookup(text)
    return match.code if match is not None and match.kind in COUNTRY_KINDS else None


@lru_cache(maxsize=65536)
def _cased_key(text: str) -> str | None:
    cleaned = clean_mention(text)
    if not cleaned or not cleaned[0].isupper():
        return None
    return _key(cleaned)


def country_for_capital(text: str) -> str | None:
    """ISO alpha-2 for a capital or seat of government ("Seoul", "The Hague", "Abu Dhabi")
    or a government metonym ("the Kremlin", "Downing Street"); None otherwise."""
    key = _cased_key(text)
    return _CAPITAL_INDEX.get(key) if key else None


def country_for_place(text: str) -> str | None:
    """ISO alpha-2 for a well-known city or venue: an unambiguous major city ("Sochi",
    "Geneva", "Camp David", "Dubai") or any capital/metonym; None for country names."""
    key = _cased_key(text)
    if not key:
        return None
    return _PLACE_INDEX.get(key) or _CAPITAL_INDEX.get(key)


@lru_cache(maxsize=8192)
def may_begin_place(word: str) -> bool:
    """False when no city, capital or venue `country_for_place` knows can begin with this
    word (the first of a name's words, as the name is written): a cheap test before trying
    the spans a word begins. A word with no key of its own may begin one."""
    key = _cased_key(word)
    return not key or key.split(" ")[0] in _PLACE_FIRST_WORDS


def territory_for(text: str) -> str | None:
    """ISO alpha-2 for a non-sovereign ISO 3166 entry ("Greenland" -> GL, "Taiwan" ->
    TW, "Hong Kong" -> HK); None otherwise."""
    key = _cased_key(text)
    return _TERRITORY_INDEX.get(key) if key else None


def organisation_for(text: str) -> str | None:
    """Canonical short name of an international organisation or bloc ("EU", "NATO",
    "UN", "G7", "African Union", ...); None otherwise."""
    match = lookup(text)
    return match.organisation if match is not None else None


def is_non_state(text: str) -> bool:
    """True for known names that are not sovereign states: organisations and blocs,
    regions and seas, sub-national, disputed and historic entities, and territories."""
    match = lookup(text)
    return match is not None and match.kind in ("non_state", "organisation", "territory")


def is_ambiguous(text: str) -> bool:
    """True for names that could mean more than one state ("Congo", "Korean")."""
    match = lookup(text)
    return match is not None and match.kind == "ambiguous"


def is_sovereign(code: str) -> bool:
    """True for the ISO alpha-2 code of a UN member or observer state."""
    return code.upper() in SOVEREIGN_CODES


def country_name(code: str) -> str:
    """The common English short name for an ISO alpha-2 code ("RU" -> "Russia").
    Raises KeyError for a code that is not in ISO 3166-1."""
    code = code.upper()
    if code in data.STATES:
        return data.STATES[code][0]
    entry = pycountry.countries.get(alpha_2=code)
    if entry is None:
        raise KeyError(code)
    return getattr(entry, "common_name", None) or entry.name


def demonym_for(code: str) -> str | None:
    """The nationality adjective for a sovereign state ("KR" -> "South Korean")."""
    state = data.STATES.get(code.upper())
    return state[2][0] if state and state[2] else None


def capital_of(code: str) -> str | None:
    """The capital (seat of government first) of a sovereign state ("JP" -> "Tokyo")."""
    state = data.STATES.get(code.upper())
    return state[3][0] if state and state[3] else None


# --------------------------------------------------------------------------- token streams


@lru_cache(maxsize=16384)
def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token) and token.translate(_CHAR_MAP) not in ("'s", "'S")


def match_geo_prefix(
    tokens: list[str],
    max_tokens: int = _MAX_PREFIX_TOKENS,
) -> tuple[GeoMatch, int] | None:
    """The longest known name (country, territory, organisation, non-state or ambiguous
    name) made of ``tokens[:n]``, n <= max_tokens, as ``(match, n)``; None if none.

    A window may not start or end on punctuation or a possessive "'s" token, so
    ``["Russia", "-", "Ukraine"]`` gives Russia with n=1.  Callers scanning a token
    stream should skip all n tokens of any match, so that "Latin American" or
    "West Bank" is consumed rather than yielding "American" or nothing.
    """
    if not tokens or not _is_word(tokens[0]):
        return None
    for n in range(min(max_tokens, len(tokens)), 0, -1):
        if not _is_word(tokens[n - 1]):
            continue
        match = lookup(" ".join(tokens[:n]))
        if match is not None:
            return match, n
    return None


def match_country_prefix(
    tokens: list[str], max_tokens: int = _MAX_PREFIX_TOKENS, include_capitals: bool = True
) -> tuple[str, int] | None:
    """``(code, n)`` for the longest country name, abbreviation, demonym, metonym or
    (if ``include_capitals``) capital made of ``tokens[:n]``, e.g.
    ``["North", "Korean", "troops"]`` -> ``("KP", 2)``.

    A longer non-country match blocks shorter ones: ``["West", "Bank"]`` and
    ``["Latin", "American"]`` give None, not a country for a shorter window.
    """
    if not tokens or not _is_word(tokens[0]):
        return None
    for n in range(min(max_tokens, len(tokens)), 0, -1):
        if not _is_word(tokens[n - 1]):
            continue
        match = lookup(" ".join(tokens[:n]))
        if match is None:
            continue
        if match.kind == "capital" and not include_capitals:
            continue
        return (match.code, n) if match.is_country else None
    return None
