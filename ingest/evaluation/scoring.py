"""Scoring an article and a set of articles, reading an evaluation article's text, and
parsing threshold options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from ingest.evaluation.conflict import (
    ConflictFact,
)
from ingest.evaluation.matching import (
    SINGULAR,
    _code,
    _date,
    _greedy,
    _item_score,
    _leader_countries,
    _names,
    _parties_score,
    _title,
    describe,
    item_words,
    normalise_name,
)
from ingest.evaluation.results import (
    ArticleScore,
    Counts,
    EvaluationResult,
)


def score_article(gold: Mapping[str, Any], predicted: Mapping[str, Any]) -> ArticleScore:
    """Match one article's predicted facts against its gold facts (see ``ingest.evaluation``).

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
