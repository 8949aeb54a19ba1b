"""Score extracted facts against gold facts (the shared eval SCHEMA shape).

Pure Python, no Django.  Both sides are plain dicts in the gold shape: the
gold files, and ``Extraction.to_gold()`` for the extractor's output.  Only
``leaders``, ``countries``, ``meetings``, ``gifts`` and ``agreements`` are
scored; ``published``, ``topics``, ``summary`` and ``not_facts`` are not.

Scores are micro-averaged over a set of articles, per fact type: the true
positives (tp), false positives (fp) and false negatives (fn) of every
article are summed, then precision = tp / (tp + fp), recall = tp / (tp + fn)
and F1 is their harmonic mean.  With nothing predicted and nothing in the
gold, precision, recall and F1 are all 1.0; otherwise an empty denominator
gives 0.0.

Matching is one-to-one and greedy, per article and per fact type: every
(gold, predicted) pair that *can* match gets a score, the pairs are taken
best score first (ties: earlier gold fact, then earlier predicted fact), and
a pair is kept when neither side is matched yet.  A matched pair is a tp, a
predicted fact left over is an fp, a gold fact left over is an fn.

Names are normalised before any comparison: accents stripped (NFKD),
casefolded, hyphens and dashes turned into spaces, other punctuation
removed, whitespace collapsed ("Raúl Castro" = "Raul Castro",
"Kim Jong-un" = "Kim Jong Un", "George W. Bush" = "George W Bush").

- leaders: match on the normalised full name.  Over the matched leaders,
  ``leader_country_accuracy`` (the ISO codes are equal) and
  ``leader_title_accuracy`` (casefolded titles equal, both null counts as
  equal; informative only) are reported.
- countries: the set of ISO codes of each article (upper-cased).
- meetings: match when the participant sets are equal (normalised names,
  order ignored).  Among candidates with equal participants, a pair with the
  same date is preferred, then the same kind, then the same host country.
  Over the matched meetings, ``meeting_date_accuracy`` (dates equal, both
  null counts as equal), ``meeting_kind_accuracy`` and
  ``meeting_host_accuracy`` are reported.
- gifts: match when giver and recipient are equal (normalised) and the items
  match: both are lowercased, possessive 's and punctuation (quotes too)
  removed, and the stop words a, an, the, of, from, with, and dropped; the
  items match when the remaining word set of one is a subset of the other's,
  or their Jaccard similarity is >= 0.5.  An item with no content word only
  matches another such item.  Better-overlapping items are paired first.
- agreements: match when kind and status are equal and the parties match:
  the normalised party sets are equal, or they are equal after mapping each
  leader name to that leader's country (gold parties through the article's
  gold ``leaders``, predicted parties through the predicted ``leaders``; ISO
  codes stay as they are), so "the US and China agreed" and the two
  presidents agreeing are the same parties.  Pairs equal by name are
  preferred over pairs equal only by country.  ``agreement_status_errors``
  counts the predicted agreements left unmatched that would have matched an
  unmatched gold agreement on kind and parties but have another status.

An accuracy over zero matched facts is "n/a" (None) and never fails a
threshold.  ``conflict_facts`` is an independent audit computed from the
extractor's objects (see :func:`find_conflict_facts`): the predicted
meetings, gifts and agreements whose evidence sentence contains a conflict
cue (:func:`conflict_cue`); it is not shared with the extractor's own rules.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
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


# --- conflict cues -----------------------------------------------------------

_DEAL_NOUNS = r"(?:deal|agreement|accord|bargain|compromise|balance|chord|note|tone|pose)"
_CONFLICT_CUE = re.compile(
    r"\b(?:"
    r"threat(?:en(?:s|ed|ing)?|s)?"
    r"|protest(?:s|ed|ing|ers?)?"
    r"|fight(?:s|ing)?|fought"
    r"|attack(?:s|ed|ing)?"
    r"|sanction(?:s|ed|ing)?"
    r"|demand(?:s|ed|ing)?"
    r"|reject(?:s|ed|ing|ions?)?"
    r"|warn(?:s|ed|ing|ings)?"
    r"|condemn(?:s|ed|ing|ations?)?"
    # "strike a deal" / "struck an agreement" is how deals are made, not a fight
    rf"|(?:strikes?|striking|struck)(?!\s+(?:a|an|the)\s+(?:[\w-]+\s+)?{_DEAL_NOUNS}\b)"
    # "Shell" with a capital is the oil company
    r"|(?-i:shells?)|shell(?:ed|ing)"
    r"|invad(?:e|es|ed|ing)|invasions?"
    r"|clash(?:es|ed|ing)?"
    r")\b",
    re.IGNORECASE,
)


def conflict_cue(sentence: str) -> str | None:
    """The first conflict cue in ``sentence`` (lowercased), or None.

    The cues are the word forms of threaten/threat, protest, fight, attack,
    sanction, demand, reject/rejection, warn/warning, condemn, strike, shell,
    invade/invasion and clash, matched on word boundaries ("treaty" is not
    "threat").  Two readings that are not conflict are left out: "strike /
    struck a deal" (or agreement, accord, bargain...) and "Shell" with a
    capital (the company).
    """
    match = _CONFLICT_CUE.search(sentence or "")
    return match.group(0).lower() if match else None


@dataclass(frozen=True)
class ConflictFact:
    """A predicted fact whose evidence sentence carries a conflict cue."""

    article: str
    fact_type: str  # meetings | gifts | agreements
    fact: str  # a one-line description
    cue: str
    sentence: str


def find_conflict_facts(extraction: Any, article: str) -> list[ConflictFact]:
    """The meetings, gifts and agreements of an ``Extraction`` found in a conflict sentence.

    A fact counts once, for the first of its evidence sentences with a cue.
    """
    found = []
    gold = extraction.to_gold(article)
    for fact_type in ("meetings", "gifts", "agreements"):
        for fact, as_dict in zip(getattr(extraction, fact_type), gold[fact_type], strict=True):
            for evidence in fact.evidence:
                cue = conflict_cue(evidence.span.sentence)
                if cue:
                    found.append(
                        ConflictFact(
                            article=article,
                            fact_type=fact_type,
                            fact=describe(fact_type, as_dict),
                            cue=cue,
                            sentence=evidence.span.sentence,
                        )
                    )
                    break
    return found


# --- result types --------------------------------------------------------------


@dataclass
class Counts:
    """True positives, false positives and false negatives of one fact type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        if self.tp + self.fp == 0:
            return 1.0 if self.fn == 0 else 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.tp + self.fn == 0:
            return 1.0 if self.fp == 0 else 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    """``correct`` out of ``total`` matched facts; ``value`` is None when total is 0."""

    correct: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        self.correct += other.correct
        self.total += other.total

    def count(self, ok: bool) -> None:
        self.correct += int(ok)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        value = self.value
        return {
            "value": None if value is None else round(value, 4),
            "correct": self.correct,
            "total": self.total,
        }


def _counts() -> dict[str, Counts]:
    return {fact_type: Counts() for fact_type in FACT_TYPES}


def _ratios() -> dict[str, Ratio]:
    return {name: Ratio() for name in ACCURACIES}


def _lists() -> dict[str, list]:
    return {fact_type: [] for fact_type in FACT_TYPES}


@dataclass
class ArticleScore:
    """One article's counts, accuracies and misses.

    ``false_positives`` / ``false_negatives`` hold, per fact type, the
    predicted / gold facts left unmatched (dicts, or ISO codes for
    countries).  ``mismatches`` describes wrong attributes of matched facts
    (a meeting's date, a leader's country...) and status errors.
    """

    article: str
    counts: dict[str, Counts] = field(default_factory=_counts)
    accuracies: dict[str, Ratio] = field(default_factory=_ratios)
    agreement_status_errors: int = 0
    false_positives: dict[str, list] = field(default_factory=_lists)
    false_negatives: dict[str, list] = field(default_factory=_lists)
    mismatches: list[str] = field(default_factory=list)

    @property
    def perfect(self) -> bool:
        return not self.mismatches and all(c.fp == 0 and c.fn == 0 for c in self.counts.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "counts": {t: c.to_dict() for t, c in self.counts.items()},
            "accuracies": {name: r.to_dict() for name, r in self.accuracies.items()},
            "agreement_status_errors": self.agreement_status_errors,
            "false_positives": self.false_positives,
            "false_negatives": self.false_negatives,
            "mismatches": self.mismatches,
        }


@dataclass
class EvaluationResult:
    """Micro-averaged scores over a set of articles, with the per-article details."""

    articles: list[ArticleScore] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=_counts)
    accuracies: dict[str, Ratio] = field(default_factory=_ratios)
    agreement_status_errors: int = 0
    conflicts: list[ConflictFact] = field(default_factory=list)

    @property
    def conflict_facts(self) -> int:
        return len(self.conflicts)

    def add(self, score: ArticleScore) -> None:
        self.articles.append(score)
        for fact_type, counts in score.counts.items():
            self.counts[fact_type].add(counts)
        for name, ratio in score.accuracies.items():
            self.accuracies[name].add(ratio)
        self.agreement_status_errors += score.agreement_status_errors

    def metrics(self) -> dict[str, float | None]:
        """Every score by a flat name: ``<type>_precision|_recall|_f1``, the accuracies,
        ``agreement_status_errors`` and ``conflict_facts``."""
        flat: dict[str, float | None] = {}
        for fact_type, counts in self.counts.items():
            flat[f"{fact_type}_precision"] = counts.precision
            flat[f"{fact_type}_recall"] = counts.recall
            flat[f"{fact_type}_f1"] = counts.f1
        for name, ratio in self.accuracies.items():
            flat[name] = ratio.value
        flat["agreement_status_errors"] = self.agreement_status_errors
        flat["conflict_facts"] = self.conflict_facts
        return flat

    def check(
        self,
        *,
        min_f1: Mapping[str, float] | None = None,
        min_metrics: Mapping[str, float] | None = None,
        max_conflict_facts: int | None = None,
    ) -> list[str]:
        """The thresholds this result fails, one message each (empty when all pass).

        ``min_f1`` maps fact types to a minimum F1; ``min_metrics`` maps any
        name of :meth:`metrics` to a minimum (an accuracy that is n/a passes).
        """
        failures = []
        for fact_type, minimum in (min_f1 or {}).items():
            f1 = self.counts[fact_type].f1
            if f1 < minimum:
                failures.append(f"{fact_type} F1 {f1:.3f} < {minimum:g}")
        metrics = self.metrics()
        for name, minimum in (min_metrics or {}).items():
            value = metrics[name]
            if value is not None and value < minimum:
                failures.append(f"{name} {value:.3f} < {minimum:g}")
        if max_conflict_facts is not None and self.conflict_facts > max_conflict_facts:
            failures.append(f"conflict_facts {self.conflict_facts} > {max_conflict_facts}")
        return failures

    def to_dict(self, *, details: bool = False) -> dict[str, Any]:
        """The scores as JSON-ready data; ``details`` adds per-article misses and conflicts."""
        data: dict[str, Any] = {
            "articles": len(self.articles),
            "scores": {t: c.to_dict() for t, c in self.counts.items()},
            "accuracies": {name: r.to_dict() for name, r in self.accuracies.items()},
            "agreement_status_errors": self.agreement_status_errors,
            "conflict_facts": self.conflict_facts,
        }
        if details:
            data["per_article"] = [a.to_dict() for a in self.articles]
            data["conflicts"] = [
                {
                    "article": c.article,
                    "type": c.fact_type,
                    "fact": c.fact,
                    "cue": c.cue,
                    "sentence": c.sentence,
                }
                for c in self.conflicts
            ]
        return data


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


def score_article(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> ArticleScore:
    """Match one article's predicted facts against its gold facts (see the module docstring).

    Missing keys count as empty lists.  The article's name is the gold's
    ``article`` (else the prediction's).
    """
    article = str(gold.get("article") or predicted.get("article") or "")
    result = ArticleScore(article=article)

    def record(fact_type, gold_facts, pred_facts, unmatched_gold, unmatched_pred, n_pairs):
        result.counts[fact_type] = Counts(
            tp=n_pairs, fp=len(unmatched_pred), fn=len(unmatched_gold)
        )
        result.false_negatives[fact_type] = [gold_facts[i] for i in unmatched_gold]
        result.false_positives[fact_type] = [pred_facts[i] for i in unmatched_pred]

    def mismatch(fact_type, fact, what, gold_value, pred_value):
        result.mismatches.append(
            f"{SINGULAR[fact_type]} {describe(fact_type, fact)}: {what} gold {gold_value!r}, "
            f"predicted {pred_value!r}"
        )

    # leaders
    g_leaders = list(gold.get("leaders") or ())
    p_leaders = list(predicted.get("leaders") or ())

    def leader_score(g, p):
        if normalise_name(g.get("name")) != normalise_name(p.get("name")):
            return None
        same_country = _code(g.get("country")) == _code(p.get("country"))
        return (same_country, _title(g.get("title")) == _title(p.get("title")))

    pairs, ug, up = _greedy(g_leaders, p_leaders, leader_score)
    record("leaders", g_leaders, p_leaders, ug, up, len(pairs))
    for gi, pi in pairs:
        g, p = g_leaders[gi], p_leaders[pi]
        country_ok = _code(g.get("country")) == _code(p.get("country"))
        result.accuracies["leader_country_accuracy"].count(country_ok)
        if not country_ok:
            mismatch("leaders", g, "country", g.get("country"), p.get("country"))
        result.accuracies["leader_title_accuracy"].count(
            _title(g.get("title")) == _title(p.get("title"))
        )

    # countries
    g_countries = sorted({c for c in map(_code, gold.get("countries") or ()) if c})
    p_countries = sorted({c for c in map(_code, predicted.get("countries") or ()) if c})
    result.counts["countries"] = Counts(
        tp=len(set(g_countries) & set(p_countries)),
        fp=len(set(p_countries) - set(g_countries)),
        fn=len(set(g_countries) - set(p_countries)),
    )
    result.false_positives["countries"] = [c for c in p_countries if c not in g_countries]
    result.false_negatives["countries"] = [c for c in g_countries if c not in p_countries]

    # meetings
    g_meetings = list(gold.get("meetings") or ())
    p_meetings = list(predicted.get("meetings") or ())

    def meeting_score(g, p):
        if _names(g.get("participants")) != _names(p.get("participants")):
            return None
        return (
            _date(g.get("date")) == _date(p.get("date")),
            g.get("kind") == p.get("kind"),
            _code(g.get("host_country")) == _code(p.get("host_country")),
            normalise_name(g.get("place")) == normalise_name(p.get("place")),
        )

    pairs, ug, up = _greedy(g_meetings, p_meetings, meeting_score)
    record("meetings", g_meetings, p_meetings, ug, up, len(pairs))
    for gi, pi in pairs:
        g, p = g_meetings[gi], p_meetings[pi]
        for name, key, norm in (
            ("meeting_date_accuracy", "date", _date),
            ("meeting_kind_accuracy", "kind", lambda v: v),
            ("meeting_host_accuracy", "host_country", _code),
        ):
            ok = norm(g.get(key)) == norm(p.get(key))
            result.accuracies[name].count(ok)
            if not ok:
                mismatch("meetings", g, key, g.get(key), p.get(key))

    # gifts
    g_gifts = list(gold.get("gifts") or ())
    p_gifts = list(predicted.get("gifts") or ())

    def gift_score(g, p):
        if normalise_name(g.get("giver")) != normalise_name(p.get("giver")):
            return None
        if normalise_name(g.get("recipient")) != normalise_name(p.get("recipient")):
            return None
        overlap = _item_score(item_words(g.get("item")), item_words(p.get("item")))
        return None if overlap is None else (overlap,)

    pairs, ug, up = _greedy(g_gifts, p_gifts, gift_score)
    record("gifts", g_gifts, p_gifts, ug, up, len(pairs))

    # agreements
    g_agreements = list(gold.get("agreements") or ())
    p_agreements = list(predicted.get("agreements") or ())
    g_countries_of = _leader_countries(g_leaders)
    p_countries_of = _leader_countries(p_leaders)

    def parties_score(g, p):
        return _parties_score(g.get("parties"), g_countries_of, p.get("parties"), p_countries_of)

    def agreement_score(g, p):
        if g.get("kind") != p.get("kind") or g.get("status") != p.get("status"):
            return None
        parties = parties_score(g, p)
        if parties is None:
            return None
        summary = _item_score(item_words(g.get("summary")), item_words(p.get("summary")))
        return (parties, summary or 0.0)

    pairs, ug, up = _greedy(g_agreements, p_agreements, agreement_score)
    record("agreements", g_agreements, p_agreements, ug, up, len(pairs))

    def wrong_status_score(g, p):
        if g.get("kind") != p.get("kind"):
            return None
        parties = parties_score(g, p)
        return None if parties is None else (parties,)

    left_gold = [g_agreements[i] for i in ug]
    left_pred = [p_agreements[i] for i in up]
    status_pairs, _, _ = _greedy(left_gold, left_pred, wrong_status_score)
    result.agreement_status_errors = len(status_pairs)
    for gi, pi in status_pairs:
        g, p = left_gold[gi], left_pred[pi]
        mismatch("agreements", g, "status", g.get("status"), p.get("status"))

    return result


def evaluate(
    pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]],
    conflicts: Iterable[ConflictFact] = (),
) -> EvaluationResult:
    """Score (gold, predicted) article pairs and micro-average them per fact type."""
    result = EvaluationResult()
    for gold, predicted in pairs:
        result.add(score_article(gold, predicted))
    result.conflicts.extend(conflicts)
    return result


def parse_thresholds(spec: str | None, *, allowed: Iterable[str], option: str) -> dict[str, float]:
    """Parse ``"name=0.9,other=0.8"``; raise ValueError naming the option on bad input."""
    allowed = tuple(allowed)
    thresholds: dict[str, float] = {}
    for part in (spec or "").split(","):
        part = part.strip()
        if not part:
            continue
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep:
            raise ValueError(f"{option}: expected NAME=VALUE, got {part!r}")
        if name not in allowed:
            raise ValueError(f"{option}: unknown name {name!r} (choose from {', '.join(allowed)})")
        try:
            thresholds[name] = float(value)
        except ValueError:
            raise ValueError(f"{option}: {value.strip()!r} is not a number") from None
    return thresholds


def article_text(raw: str) -> tuple[dt.date | None, str]:
    """An article file's text as the reader would store it: (dateline date, body).

    Line ends and surrounding whitespace are normalised (``ingest.read``) and
    a leading ``date YYYY-MM-DD`` is split off; without one the date is None.
    """
    from ingest.read import normalise_text, split_dateline

    return split_dateline(normalise_text(raw.removeprefix("\ufeff")))
