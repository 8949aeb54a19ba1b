"""Capability suites: generated behavioural tests of the extractor, in the style of
CheckList (Ribeiro et al., 2020).

Each capability is one behaviour the extractor must have ("A was received by B is a
meeting", "a warm welcome is no gift", "a curly apostrophe changes nothing"), written
as a template filled from real leaders of the shipped registry (in office on the
case's date, with their title and country), countries and capitals, verbs, voices,
dates, items and typographic variants.  :func:`generate` writes the cases (pure
Python, deterministic for a seed, no Django, no spaCy); :func:`run` extracts them all
in one batch and scores each capability; ``manage.py capabilities`` prints the table
and holds the floors in ``floors.json``.

Modules: :mod:`.fillers` (what templates draw from), :mod:`.expectations` (what a case
expects, checked with ``manage.py evaluate``'s matcher), :mod:`.base` (cases and the
capability register) and one module of templates per stage: :mod:`.meetings` (and
:mod:`.meeting_presence`: who was there, :mod:`.meeting_acts`: acts done in person, and
:mod:`.delegations`: a delegation on a mission, :mod:`.meeting_rounds`: rounds and
retellings in the words of news),
:mod:`.gifts`, :mod:`.agreements`, :mod:`.people` (leaders and links),
:mod:`.people_edges` (bare offices, name edges, lists and one side's aides),
:mod:`.occasions` (a meeting's day and host), :mod:`.settings` (its setting told
around it: earlier meetings, away from home, 'here', parts of a day, the sentence
before), :mod:`.summits` (a gathering's people told across sentences) and
:mod:`.typography`.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import (  # noqa: F401 (registers)
    agreements,
    delegations,
    gatherings,
    gifts,
    honours,
    kinds,
    meeting_acts,
    meeting_clauses,
    meeting_news,
    meeting_presence,
    meeting_rounds,
    meetings,
    occasions,
    people,
    people_edges,
    pledges,
    settings,
    styles,
    summits,
    typography,
)
from .base import CAPABILITIES, Capability, Case
from .expectations import Result
from .fillers import Fillers

__all__ = [
    "CAPABILITIES",
    "Capability",
    "Case",
    "CapabilityScore",
    "DEFAULT_PER_CAPABILITY",
    "DEFAULT_SEED",
    "FLOORS_FILE",
    "TARGET",
    "generate",
    "read_floors",
    "run",
    "select",
    "write_floors",
]

DEFAULT_SEED = 11
DEFAULT_PER_CAPABILITY = 100
TARGET = 0.95  # issue 11: every capability at least this
FLOOR_MARGIN = 0.02  # a floor sits this far under the rate it was measured at
FLOORS_FILE = Path(__file__).with_name("floors.json")
# Attempts per wanted case: a template may repeat a text it already wrote.
_ATTEMPTS = 4


def select(only: str | Iterable[str] | None = None) -> list[Capability]:
    """The capabilities whose names start with one of the prefixes (all without any),
    in name order; ValueError when a prefix selects nothing."""
    prefixes = [only] if isinstance(only, str) else list(only or ())
    prefixes = [p.strip() for part in prefixes for p in part.split(",") if p.strip()]
    chosen = [c for name, c in sorted(CAPABILITIES.items())]
    if prefixes:
        chosen = [c for c in chosen if c.name.startswith(tuple(prefixes))]
        if not chosen:
            raise ValueError(f"no capability starts with {', '.join(prefixes)}")
    return chosen


def generate(
    *,
    seed: int = DEFAULT_SEED,
    per_capability: int = DEFAULT_PER_CAPABILITY,
    only: str | Iterable[str] | None = None,
    fillers: Fillers | None = None,
) -> list[Case]:
    """``per_capability`` distinct cases of every selected capability, the same for the
    same seed.  Each capability draws from its own generator (seed and name), so one
    capability's cases do not depend on which others are selected."""
    fillers = fillers if fillers is not None else Fillers(seed)
    cases: list[Case] = []
    for cap in select(only):
        rng = random.Random(f"{seed}:{cap.name}")
        seen: set[str] = set()
        for _ in range(per_capability * _ATTEMPTS):
            draft = cap.template(fillers, rng)
            if draft.text in seen:
                continue
            seen.add(draft.text)
            cases.append(
                Case(cap.name, draft.text, draft.published, draft.expectations, draft.leaders)
            )
            if len(seen) == per_capability:
                break
    return cases


@dataclass
class CapabilityScore:
    name: str
    cases: int = 0
    passed: int = 0
    failures: list[tuple[Case, list[str]]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.passed / self.cases if self.cases else 1.0


Extractor = Callable[[Sequence[Case]], Iterable[object]]


def run(cases: Sequence[Case], extract: Extractor) -> dict[str, CapabilityScore]:
    """Score every case: ``extract`` turns the cases into one `Extraction` each, in
    order (``extract_many`` over ``(case.text, case.published)`` in production).
    Returns the scores by capability name, in the cases' order."""
    scores: dict[str, CapabilityScore] = {}
    extractions = iter(extract(cases))
    for case in cases:
        extraction = next(extractions)
        score = scores.setdefault(case.capability, CapabilityScore(case.capability))
        score.cases += 1
        failed = case.failures(Result(extraction))
        if failed:
            score.failures.append((case, failed))
        else:
            score.passed += 1
    return scores


def read_floors(path: Path = FLOORS_FILE) -> dict[str, float]:
    """The floors file: ``{"capability": minimum rate, ...}``; ValueError when it is not
    such an object or names a capability that does not exist."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot be read as JSON ({exc})") from None
    floors = data.get("floors") if isinstance(data, dict) else None
    if not isinstance(floors, dict) or not all(
        isinstance(v, int | float) and not isinstance(v, bool) for v in floors.values()
    ):
        raise ValueError(f'{path}: expected {{"floors": {{"capability": rate, ...}}}}')
    unknown = sorted(set(floors) - set(CAPABILITIES))
    if unknown:
        raise ValueError(f"{path}: unknown capabilities {', '.join(unknown)}")
    return {name: float(value) for name, value in floors.items()}


def write_floors(
    path: Path, scores: dict[str, CapabilityScore], *, seed: int, per_capability: int
) -> dict[str, float]:
    """Ratchet a floors file: each scored capability's floor becomes its rate minus
    FLOOR_MARGIN (rounded down to 0.01), unless the file already holds a higher one;
    floors of capabilities not scored stay.  Returns the floors written."""
    path = Path(path)
    floors = read_floors(path) if path.exists() else {}
    for name, score in scores.items():
        measured = max(0.0, math.floor((score.rate - FLOOR_MARGIN) * 100 + 1e-9) / 100)
        floors[name] = max(floors.get(name, 0.0), measured)
    data = {
        "about": (
            "Minimum pass rate per capability (manage.py capabilities --floors). Each is "
            f"the rate measured minus {FLOOR_MARGIN} (seed {seed}, {per_capability} cases "
            f"per capability); the target is {TARGET} for every capability. Raise with "
            "--write-floors; lower only by hand, saying why in the commit."
        ),
        "floors": dict(sorted(floors.items())),
    }
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return floors
