"""``manage.py capabilities``: the extractor's pass rate per capability.

Generates the capability suites (:mod:`ingest.capabilities`; ``--seed``,
``--per-capability``, ``--only PREFIX[,PREFIX]``), extracts every case in one batch
(the spaCy model and the shipped registry load once; ``extract_many``) and prints one
row per capability: cases, passed, rate, the floor it is held to and the issue's
target (0.95).  ``--show-failures K`` prints up to K failed cases per capability with
what was missing; ``--json`` prints the scores as JSON instead.

``--floors FILE`` (CI: ``ingest/capabilities/floors.json``) holds each capability to
its own floor; ``--min RATE`` holds every selected capability to one rate.  A rate
under its floor fails the command with a CommandError (exit status 1) naming each
capability.  ``--write-floors FILE`` ratchets a floors file: each capability run gets
its rate minus 0.02, unless its floor there is already higher (lower one by editing
the file, with the reason in the commit).  The database is never touched.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.capabilities import (
    DEFAULT_PER_CAPABILITY,
    DEFAULT_SEED,
    TARGET,
    CapabilityScore,
    generate,
    read_floors,
    run,
    write_floors,
)


def extract_cases(cases):
    """The production extractor over the cases: spaCy's ``nlp.pipe`` and the shipped
    registry, as ``manage.py evaluate`` runs it."""
    from gazetteer.registry import read_registry_file
    from ingest.extract import extract_many
    from ingest.nlp import get_nlp

    return extract_many(
        ((case.text, case.published) for case in cases),
        nlp=get_nlp(),
        registry=read_registry_file(),
        batch_size=64,
    )


def _fraction(value: str) -> float:
    rate = float(value)
    if not 0 <= rate <= 1:
        raise ValueError(value)
    return rate


class Command(BaseCommand):
    help = "Run the generated capability suites against the extractor and print pass rates."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False
    # The extractor the cases run through; tests replace it with a fake.
    extract = staticmethod(extract_cases)

    def add_arguments(self, parser):
        parser.add_argument("--only", default="", metavar="PREFIX[,PREFIX]")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
        parser.add_argument(
            "--per-capability", type=int, default=DEFAULT_PER_CAPABILITY, metavar="N"
        )
        parser.add_argument("--json", action="store_true", dest="as_json")
        parser.add_argument("--show-failures", type=int, default=0, metavar="K")
        floors = parser.add_mutually_exclusive_group()
        floors.add_argument("--min", type=_fraction, default=None, metavar="RATE")
        floors.add_argument("--floors", type=Path, default=None, metavar="FILE")
        parser.add_argument(
            "--write-floors",
            type=Path,
            default=None,
            metavar="FILE",
            help="Raise the floors in FILE to each measured rate minus 0.02 (never lower one).",
        )

    def handle(self, *args, only, seed, per_capability, as_json, show_failures, **options):
        if per_capability < 1:
            raise CommandError("--per-capability must be at least 1")
        try:
            cases = generate(seed=seed, per_capability=per_capability, only=only)
            floors = self._floors(options["min"], options["floors"], cases)
        except ValueError as exc:
            raise CommandError(str(exc)) from None

        started = time.perf_counter()
        scores = run(cases, self.extract)
        elapsed = time.perf_counter() - started

        if as_json:
            self.stdout.write(json.dumps(self._as_json(scores, floors, elapsed), indent=2))
        else:
            if show_failures:
                self._write_failures(scores, show_failures)
            self._write_table(scores, floors, elapsed)

        if options["write_floors"] is not None:
            path = options["write_floors"]
            written = write_floors(path, scores, seed=seed, per_capability=per_capability)
            self.stdout.write(f"wrote {len(written)} floors to {path}")

        missed = [
            f"{name} {scores[name].rate:.3f} < {floor:g}"
            for name, floor in floors.items()
            if name in scores and scores[name].rate < floor
        ]
        if missed:
            raise CommandError("capability floors not met: " + "; ".join(missed))

    def _floors(self, minimum, path, cases) -> dict[str, float]:
        names = sorted({case.capability for case in cases})
        if minimum is not None:
            return {name: minimum for name in names}
        if path is not None:
            return read_floors(path)
        return {}

    def _write_table(self, scores: dict[str, CapabilityScore], floors, elapsed: float):
        out = self.stdout.write
        width = max([len("capability"), *map(len, scores)]) + 2
        out(f"{'capability':<{width}}{'cases':>7}{'passed':>8}{'rate':>8}{'floor':>8}{'target':>8}")
        total = passed = 0
        for name in sorted(scores):
            score = scores[name]
            total, passed = total + score.cases, passed + score.passed
            floor = f"{floors[name]:.2f}" if name in floors else "-"
            mark = "" if score.rate >= TARGET else "  *"
            out(
                f"{name:<{width}}{score.cases:>7}{score.passed:>8}{score.rate:>8.3f}"
                f"{floor:>8}{TARGET:>8.2f}{mark}"
            )
        overall = passed / total if total else 1.0
        out(f"{'all':<{width}}{total:>7}{passed:>8}{overall:>8.3f}")
        below = sum(1 for s in scores.values() if s.rate < TARGET)
        out(f"{below} of {len(scores)} capabilities below the target {TARGET:.2f} (marked *)")
        out(f"elapsed seconds {elapsed:.1f}")

    def _write_failures(self, scores: dict[str, CapabilityScore], limit: int):
        out = self.stdout.write
        for name in sorted(scores):
            for case, reasons in scores[name].failures[:limit]:
                out(f"== {name} (published {case.published})")
                out(f"  {case.text!r}")
                for reason in reasons:
                    out(f"  - {reason}")
        out("")

    def _as_json(self, scores, floors, elapsed: float) -> dict:
        return {
            "target": TARGET,
            "seconds": round(elapsed, 3),
            "capabilities": {
                name: {
                    "cases": s.cases,
                    "passed": s.passed,
                    "rate": round(s.rate, 4),
                    "floor": floors.get(name),
                }
                for name, s in sorted(scores.items())
            },
        }
