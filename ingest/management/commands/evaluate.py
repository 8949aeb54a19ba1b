"""``manage.py evaluate DIR [DIR...]``: score the extractor against gold files.

Every ``NAME.txt`` in the given folders that has a ``NAME.gold.json`` beside
it is read (its leading dateline split off as the published date), run
through the extractor (the spaCy model loads once; ``extract_many``) and
scored with :mod:`ingest.evaluation` (matching rules in its docstring).

Prints one row per fact type (tp, fp, fn, precision, recall, F1), the
accuracies over matched facts, ``agreement_status_errors``,
``conflict_facts``, the number of articles and the elapsed seconds.
``--verbose`` adds every article's misses (false positives, false
negatives, wrong attributes) and the conflict facts; ``--json`` prints the
scores as JSON instead of the table.

Thresholds (``--min-f1 leaders=0.9,...``, ``--min leader_country_accuracy=0.95``,
``--max-conflict-facts 0``) make the command fail with a CommandError (exit
status 1) naming each threshold missed.  The database is never touched, so
the command runs before ``migrate``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.evaluation.conflict import find_conflict_facts
from ingest.evaluation.matching import FACT_TYPES, SINGULAR, describe
from ingest.evaluation.results import EvaluationResult
from ingest.evaluation.scoring import article_text, evaluate, parse_thresholds
from ingest.management.commands.extract import read_text_file

GOLD_SUFFIX = ".gold.json"


def find_articles(dirs: list[Path]) -> list[tuple[str, Path, Path]]:
    """(label, text path, gold path) for every ``*.txt`` with a gold file beside it.

    The label is the file name, prefixed by its folder's name when several
    folders are given.
    """
    found = []
    for folder in dirs:
        if not folder.is_dir():
            raise CommandError(f"{folder}: not a directory")
        for text_path in sorted(folder.glob("*.txt")):
            gold_path = text_path.with_name(text_path.stem + GOLD_SUFFIX)
            if gold_path.is_file():
                label = f"{folder.name}/{text_path.name}" if len(dirs) > 1 else text_path.name
                found.append((label, text_path, gold_path))
    return found


def load_gold(path: Path) -> dict:
    try:
        gold = json.loads(read_text_file(path))
    except json.JSONDecodeError as exc:
        raise CommandError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    if not isinstance(gold, dict):
        raise CommandError(f"{path}: expected a JSON object")
    return gold


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


class Command(BaseCommand):
    help = "Run the extractor on *.txt files with *.gold.json beside them and score it."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-registry",
            action="store_true",
            help="Extract without the leader registry (to measure what it adds).",
        )
        parser.add_argument("dirs", nargs="+", type=Path, metavar="DIR")
        parser.add_argument("--verbose", action="store_true", help="Print per-article misses.")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="Print the scores as JSON."
        )
        parser.add_argument(
            "--min-f1",
            default="",
            metavar="TYPE=F1,...",
            help="Minimum F1 per fact type, e.g. leaders=0.9,meetings=0.85.",
        )
        parser.add_argument(
            "--min",
            default="",
            dest="min_metrics",
            metavar="METRIC=VALUE,...",
            help="Minimum of other metrics, e.g. leader_country_accuracy=0.95.",
        )
        parser.add_argument(
            "--max-conflict-facts",
            type=int,
            default=None,
            metavar="N",
            help="Fail when more predicted facts than this come from conflict sentences.",
        )

    def handle(
        self, *args, dirs, verbose, as_json, min_f1, min_metrics, max_conflict_facts, **options
    ):
        counts = ("agreement_status_errors", "conflict_facts")
        metric_names = [name for name in EvaluationResult().metrics() if name not in counts]
        try:
            min_f1 = parse_thresholds(min_f1, allowed=FACT_TYPES, option="--min-f1")
            min_metrics = parse_thresholds(min_metrics, allowed=metric_names, option="--min")
        except ValueError as exc:
            raise CommandError(str(exc)) from None

        articles = find_articles(dirs)
        if not articles:
            raise CommandError(
                "no articles to evaluate: no *.txt with a *.gold.json beside it in "
                + ", ".join(str(d) for d in dirs)
            )
        golds, texts = [], []
        for _, text_path, gold_path in articles:
            golds.append(load_gold(gold_path))
            published, text = article_text(read_text_file(text_path))
            texts.append((text, published))

        from gazetteer.registry import EMPTY, read_registry_file
        from ingest.extract import extract_many
        from ingest.nlp import get_nlp

        # The shipped registry file, not the database: these commands never touch it.
        registry = EMPTY if options.get("no_registry") else read_registry_file()

        started = time.perf_counter()
        nlp = get_nlp()
        load_seconds = time.perf_counter() - started
        extractions = list(extract_many(texts, nlp=nlp, registry=registry))
        elapsed = time.perf_counter() - started

        pairs, conflicts = [], []
        for (label, text_path, _), gold, extraction in zip(
            articles, golds, extractions, strict=True
        ):
            predicted = extraction.to_gold(text_path.name)
            pairs.append(({**gold, "article": label}, predicted))
            conflicts.extend(find_conflict_facts(extraction, label))
        result = evaluate(pairs, conflicts)

        if as_json:
            data = result.to_dict(details=verbose)
            data["seconds"] = round(elapsed, 3)
            data["model_load_seconds"] = round(load_seconds, 3)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            if verbose:
                self._write_details(result)
            self._write_table(result, elapsed=elapsed, load_seconds=load_seconds)

        failures = result.check(
            min_f1=min_f1, min_metrics=min_metrics, max_conflict_facts=max_conflict_facts
        )
        if failures:
            raise CommandError("thresholds not met: " + "; ".join(failures))

    def _write_table(self, result: EvaluationResult, *, elapsed: float, load_seconds: float):
        out = self.stdout.write
        out(f"{'fact type':<12}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for fact_type, c in result.counts.items():
            out(
                f"{fact_type:<12}{c.tp:>6}{c.fp:>6}{c.fn:>6}"
                f"{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}"
            )
        out("")
        for name, ratio in result.accuracies.items():
            out(f"{name:<26}{_fmt(ratio.value):>6}  ({ratio.correct}/{ratio.total})")
        out(f"{'agreement_status_errors':<26}{result.agreement_status_errors:>6}")
        out(f"{'conflict_facts':<26}{result.conflict_facts:>6}")
        out(f"{'articles':<26}{len(result.articles):>6}")
        out(f"{'elapsed seconds':<26}{elapsed:>6.1f}  (model load {load_seconds:.1f})")

    def _write_details(self, result: EvaluationResult):
        out = self.stdout.write
        for score in result.articles:
            if score.perfect:
                continue
            out(f"== {score.article}")
            for fact_type in FACT_TYPES:
                for fact in score.false_negatives[fact_type]:
                    out(f"  FN {SINGULAR[fact_type]}: {describe(fact_type, fact)}")
                for fact in score.false_positives[fact_type]:
                    out(f"  FP {SINGULAR[fact_type]}: {describe(fact_type, fact)}")
            for note in score.mismatches:
                out(f"  ~~ {note}")
        if result.conflicts:
            out("== conflict facts")
            for c in result.conflicts:
                what = f"{SINGULAR[c.fact_type]} {c.fact}"
                out(f"  {c.article}: {what} (cue {c.cue!r}): {c.sentence}")
        out("")
