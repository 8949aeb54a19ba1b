"""Name normalisation used to resolve leaders: "Putin", "President Putin" and
"Vladimir Putin" are one person; "Lula da Silva" matches "Luiz Inácio Lula da Silva"."""

from __future__ import annotations

import re
import unicodedata

_TITLE_WORDS = {
    "president",
    "prime",
    "minister",
    "chancellor",
    "king",
    "queen",
    "emir",
    "crown",
    "prince",
    "princess",
    "sheikh",
    "sultan",
    "pope",
    "patriarch",
    "chairman",
    "premier",
    "general",
    "secretary",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "his",
    "her",
    "majesty",
    "highness",
    "first",
    "lady",
    "vice",
    "foreign",
    "supreme",
    "leader",
    "the",
}


def normalise_name(name: str) -> str:
    """Casefolded, accent-free, punctuation-free, single-spaced."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[’'`]s\b", "", plain)
    plain = re.sub(r"[^\w\s-]", " ", plain.casefold()).replace("-", " ")
    return " ".join(plain.split())


def strip_titles(name: str) -> str:
    words = normalise_name(name).split()
    while words and words[0] in _TITLE_WORDS:
        words.pop(0)
    return " ".join(words)


def name_keys(name: str, other_names: list[str] | tuple[str, ...] = ()) -> set[str]:
    """Every key under which this person may be looked up."""
    keys = {normalise_name(name), strip_titles(name)}
    keys.update(normalise_name(n) for n in other_names)
    keys.update(strip_titles(n) for n in other_names)
    return {k for k in keys if k}


def surname(name: str) -> str:
    words = strip_titles(name).split()
    return words[-1] if words else ""


_ITEM_STOP_WORDS = {"a", "an", "the", "of", "from", "with", "and", "its", "his", "her", "their"}


def item_words(item: str) -> frozenset[str]:
    """The words that say what a gift is: "a clay jug" and "the Clay Jug" are one gift."""
    return frozenset(w for w in normalise_name(item).split() if w not in _ITEM_STOP_WORDS)


def item_key(item: str) -> str:
    """``item_words`` as stored on ``Gift.item_key``: sorted, each word between spaces
    (" clay jug "), so that a query can ask for a word (``contains " jug "``) or strip
    them; empty when no word is left."""
    words = sorted(item_words(item))
    return f" {' '.join(words)} " if words else ""
