"""Comparing one gold fact with one predicted fact: the fact types, name and item
normalisation, party matching, and the greedy one-to-one pairing (the rules are in the
package's docstring)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

FACT_TYPES = ("leaders", "countries", "meetings", "gifts", "agreements")
SINGULAR = {
    "leaders": "leader",
    "countries": "country",
    "meetings": "meeting",
    "gifts": "gift",
    "agreements": "agreement",
}
ACCURACIES = (
    "leader_country_accuracy",
    "leader_title_accuracy",
    "meeting_date_accuracy",
    "meeting_kind_accuracy",
    "meeting_host_accuracy",
)
ITEM_STOP_WORDS = frozenset({"a", "an", "the", "of", "from", "with", "and"})
ITEM_MIN_JACCARD = 0.5

Fact = dict[str, Any]


# --- normalisation -----------------------------------------------------------

_DASHES = re.compile(r"[\-\u2010-\u2015\u2212/]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_ISO_CODE = re.compile(r"[A-Z]{2}")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalise_name(name: str | None) -> str:
    """A name's comparison key: no accents, casefolded, no punctuation, single spaces."""
    text = _DASHES.sub(" ", _strip_accents(name or "").casefold())
    text = "".join(ch for ch in text if not unicodedata.category(ch).startswith(("P", "S")))
    return " ".join(text.split())


def item_words(item: str | None) -> frozenset[str]:
    """The content words of a gift's item (see the module docstring)."""
    text = _POSSESSIVE.sub(" ", (item or "").lower())
    return frozenset(normalise_name(text).split()) - ITEM_STOP_WORDS


def items_match(gold_item: str | None, predicted_item: str | None) -> bool:
    """True when one item's content words are a subset of the other's, or Jaccard >= 0.5."""
    return _item_score(item_words(gold_item), item_words(predicted_item)) is not None


def _item_score(a: frozenset[str], b: frozenset[str]) -> float | None:
    if not a or not b:
        return 1.0 if a == b else None
    jaccard = len(a & b) / len(a | b)
    if a <= b or b <= a or jaccard >= ITEM_MIN_JACCARD:
        return jaccard
    return None


def _code(value: str | None) -> str | None:
    value = (value or "").strip().upper()
    return value or None


def _title(value: str | None) -> str | None:
    value = " ".join((value or "").split()).casefold()
    return value or None


def _date(value: Any) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


# --- matching ------------------------------------------------------------------


def _greedy(
    gold: Sequence[Fact],
    predicted: Sequence[Fact],
    score: Callable[[Fact, Fact], tuple | None],
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """One-to-one greedy matching, best score first; ``score`` None means "cannot match".

    Returns the matched (gold index, predicted index) pairs and the
    unmatched gold and predicted indices, each in their original order.
    """
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            s = score(g, p)
            if s is not None:
                candidates.append((s, gi, pi))
    candidates.sort(key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    pairs.sort()
    unmatched_gold = [i for i in range(len(gold)) if i not in used_gold]
    unmatched_pred = [i for i in range(len(predicted)) if i not in used_pred]
    return pairs, unmatched_gold, unmatched_pred


def _names(values: Iterable[str] | None) -> frozenset[str]:
    return frozenset(normalise_name(v) for v in values or ())


def _leader_countries(leaders: Iterable[Fact]) -> dict[str, str]:
    countries = {}
    for leader in leaders:
        code = _code(leader.get("country"))
        if code:
            countries.setdefault(normalise_name(leader.get("name")), code)
    return countries


def _party_countries(parties: Iterable[str] | None, countries: Mapping[str, str]) -> frozenset:
    mapped = set()
    for party in parties or ():
        party = (party or "").strip()
        if _ISO_CODE.fullmatch(party):
            mapped.add(party)
        else:
            key = normalise_name(party)
            mapped.add(countries.get(key, key))
    return frozenset(mapped)


def _parties_score(
    gold_parties, gold_countries: Mapping[str, str], predicted_parties, predicted_countries
) -> int | None:
    if _names(gold_parties) == _names(predicted_parties):
        return 2
    g_mapped = _party_countries(gold_parties, gold_countries)
    if g_mapped and g_mapped == _party_countries(predicted_parties, predicted_countries):
        return 1
    return None


def parties_match(
    gold_parties: Iterable[str] | None,
    gold_leaders: Iterable[Fact],
    predicted_parties: Iterable[str] | None,
    predicted_leaders: Iterable[Fact],
) -> bool:
    """Whether two agreements' parties are the same, as the agreement matcher decides:
    equal names, or equal after mapping each leader to the country their side's
    ``leaders`` give (ISO codes stay as they are)."""
    score = _parties_score(
        list(gold_parties or ()),
        _leader_countries(gold_leaders),
        list(predicted_parties or ()),
        _leader_countries(predicted_leaders),
    )
    return score is not None


def describe(fact_type: str, fact: Any) -> str:
    """A one-line human description of a gold-shaped fact (for reports)."""
    if fact_type == "countries":
        return str(fact)
    if fact_type == "leaders":
        return f"{fact.get('name')} ({fact.get('country')}, {fact.get('title')})"
    if fact_type == "meetings":
        who = " + ".join(fact.get("participants") or ())
        return (
            f"{who} [{fact.get('kind')}, date {fact.get('date')}, "
            f"host {fact.get('host_country')}, place {fact.get('place')}]"
        )
    if fact_type == "gifts":
        return f"{fact.get('giver')} -> {fact.get('recipient')}: {fact.get('item')}"
    if fact_type == "agreements":
        parties = ", ".join(fact.get("parties") or ())
        return f"{fact.get('kind')}/{fact.get('status')} [{parties}]: {fact.get('summary', '')}"
    return repr(fact)
