"""What scoring returns: counts and ratios per fact type, an article's score, and the
result over a set of articles with its table and its threshold check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ingest.evaluation.conflict import (
    ConflictFact,
)
from ingest.evaluation.matching import (
    ACCURACIES,
    FACT_TYPES,
)


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
