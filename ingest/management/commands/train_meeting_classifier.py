"""``manage.py train_meeting_classifier [--seed 0] [--out ingest/meeting_clf]``: train the
held-meeting classifier (:mod:`ingest.extract.classifier`) on CPU.

Writes labelled sentences from the capability generators and the templates of
:mod:`ingest.training.meeting_data` (registry leaders, never an evaluation text), trains
spaCy's text classifier on a blank English pipeline (:mod:`ingest.training.meeting_train`)
with a fixed seed, saves it to ``--out`` and prints its accuracy on sentences of another
seed.  The shipped model is this command's output with its defaults (about a minute on
one core); the same seed, arguments and spaCy version rebuild the same files.
"""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ingest.extract.classifier import MODEL_DIR


class Command(BaseCommand):
    help = "Train the held-meeting text classifier (CPU, fixed seed) and save it."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=0)
        parser.add_argument("--out", default=str(MODEL_DIR))
        parser.add_argument("--epochs", type=int, default=8)
        parser.add_argument("--arch", choices=("bow", "ensemble"), default="bow")
        parser.add_argument("--per-capability", type=int, default=30)
        parser.add_argument("--per-template", type=int, default=30)

    def handle(self, *args, **opts):
        from ingest.training.meeting_data import HELD, sentences
        from ingest.training.meeting_train import accuracy, train

        if opts["epochs"] < 1 or opts["per_capability"] < 1 or opts["per_template"] < 1:
            raise CommandError("--epochs, --per-capability and --per-template must be >= 1")
        start = time.monotonic()
        data = sentences(opts["seed"], opts["per_capability"], opts["per_template"])
        held = sum(label == HELD for _, label in data)
        self.stdout.write(f"{len(data)} sentences ({held} held, {len(data) - held} not held)")
        out = Path(opts["out"])
        nlp = train(
            data,
            out,
            seed=opts["seed"],
            epochs=opts["epochs"],
            arch=opts["arch"],
            log=self.stdout.write,
        )
        other = sentences(opts["seed"] + 1, max(1, opts["per_capability"] // 3),
                          max(1, opts["per_template"] // 3))  # fmt: skip
        self.stdout.write(f"accuracy on seed {opts['seed'] + 1}'s sentences: "
                          f"{accuracy(nlp, other):.3f} ({len(other)})")  # fmt: skip
        size = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
        self.stdout.write(
            f"saved to {out} ({size / 1e6:.2f} MB) in {time.monotonic() - start:.0f} s"
        )
