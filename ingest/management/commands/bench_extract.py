"""``manage.py bench_extract [--repeat N] [--dir DIR]``: extraction speed against spaCy's own.

Measures, in one process and over the same texts: (a) spaCy's ``nlp.pipe``
alone and (b) the full extraction ``extract_many``, both with the same batch
size, and prints each throughput in words per second (whitespace-separated
words of the input), the ratio extraction / spaCy (the target is >= 0.75),
the model load time and the process's peak memory (``ru_maxrss``).

To damp noise there is one untimed warm-up of each, then ``--repeat``
rounds that alternate which of the two runs first; the median and the best
round of each are reported, and the ratio is the median over the rounds of
extraction / spaCy within a round (the two runs of a round are back to
back, so a busy machine slows both).  The texts are
repeated until each run covers at least ``--min-words`` words.

Texts: by default the project's demo articles (``kb/demo/articles/*.txt``),
else sentences generated here; ``--dir`` reads ``*.txt`` from another
folder.  Datelines are split off as in ``evaluate``.  The database is never
touched.
"""

from __future__ import annotations

import datetime as dt
import resource
import statistics
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ingest.evaluation.scoring import article_text
from ingest.management.commands.extract import read_text_file

TARGET_RATIO = 0.75
BATCH_SIZE = 16

_LEADERS = [
    ("Prime Minister", "Ingrid Solheim", "Norwegian", "Oslo"),
    ("President", "Mateo Ibarra", "Chilean", "Santiago"),
    ("Chancellor", "Jonas Albrecht", "German", "Berlin"),
    ("President", "Amara Mensah", "Ghanaian", "Accra"),
    ("Prime Minister", "Hiro Tanabe", "Japanese", "Tokyo"),
    ("President", "Wanjiru Kamau", "Kenyan", "Nairobi"),
]
_TEMPLATES = [
    "{dem1} {title1} {name1} welcomed {dem2} {title2} {name2} to {city1} on Tuesday "
    "for a two-day state visit, the first in more than a decade.",
    "The two leaders held talks on trade, energy and climate at the presidential palace, "
    "officials said.",
    "{name2} presented {name1} with a hand-carved wooden bowl, and {name1} gave "
    "{name2} a first edition of a national epic.",
    "{name1} and {name2} signed an agreement on renewable energy cooperation and agreed "
    "to meet again in {city2} next year.",
    "Speaking to reporters, {name2} said the visit marked a new chapter in relations "
    "between the two countries.",
    "The ministers of both governments also signed a memorandum of understanding on "
    "student exchanges.",
    "On Wednesday {name1} spoke by telephone with {name3}, the {dem3} leader, about "
    "a regional summit planned for the spring.",
]


def generated_texts(count: int = 12) -> list[str]:
    """Articles of made-up diplomatic news, for when no folder of texts is available."""
    texts = []
    for i in range(count):
        a = _LEADERS[i % len(_LEADERS)]
        b = _LEADERS[(i + 1) % len(_LEADERS)]
        c = _LEADERS[(i + 3) % len(_LEADERS)]
        fields = {
            "title1": a[0], "name1": a[1], "dem1": a[2], "city1": a[3],
            "title2": b[0], "name2": b[1], "dem2": b[2], "city2": b[3],
            "name3": c[1], "dem3": c[2],
        }  # fmt: skip
        paragraphs = [t.format(**fields) for t in _TEMPLATES]
        texts.append(f"{a[1]} hosts {b[1]}\n\n" + "\n\n".join(paragraphs))
    return texts


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # kilobytes on Linux, bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


class Command(BaseCommand):
    help = "Compare the extractor's throughput with spaCy's nlp.pipe over the same texts."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-registry",
            action="store_true",
            help="Extract without the leader registry (to measure what it adds).",
        )
        parser.add_argument(
            "--repeat", type=int, default=3, metavar="N", help="Timed rounds (default 3)."
        )
        parser.add_argument(
            "--dir",
            dest="folder",
            type=Path,
            default=None,
            help="Folder of *.txt articles to use instead.",
        )
        parser.add_argument(
            "--min-words",
            type=int,
            default=20000,
            metavar="N",
            help="Repeat the texts until each run covers this many words (default 20000).",
        )

    def handle(self, *args, repeat, folder, min_words, **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1")
        source, raw_texts = self._texts(folder)
        articles = [article_text(raw) for raw in raw_texts]
        articles = [(text, published) for published, text in articles if text.strip()]
        if not articles:
            raise CommandError(f"{source}: no non-empty texts")
        words_once = sum(len(text.split()) for text, _ in articles)
        copies = max(1, -(-min_words // max(words_once, 1)))
        items: list[tuple[str, dt.date | None]] = articles * copies
        texts = [text for text, _ in items]
        words = words_once * copies

        from gazetteer.registry import EMPTY, read_registry_file
        from ingest.extract import extract_many
        from ingest.nlp import get_nlp

        # The shipped registry file, not the database: these commands never touch it.
        registry = EMPTY if options.get("no_registry") else read_registry_file()

        started = time.perf_counter()
        nlp = get_nlp()
        load_seconds = time.perf_counter() - started

        def run_spacy() -> float:
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=BATCH_SIZE):
                pass
            return time.perf_counter() - t0

        def run_extract() -> float:
            t0 = time.perf_counter()
            for _ in extract_many(items, nlp=nlp, batch_size=BATCH_SIZE, registry=registry):
                pass
            return time.perf_counter() - t0

        # warm-up (lazy initialisation, caches), on a few texts
        for _ in nlp.pipe(texts[:BATCH_SIZE], batch_size=BATCH_SIZE):
            pass
        for _ in extract_many(
            items[:BATCH_SIZE], nlp=nlp, batch_size=BATCH_SIZE, registry=registry
        ):
            pass

        spacy_rates: list[float] = []
        extract_rates: list[float] = []
        for round_no in range(repeat):
            if round_no % 2:
                extract_rates.append(words / run_extract())
                spacy_rates.append(words / run_spacy())
            else:
                spacy_rates.append(words / run_spacy())
                extract_rates.append(words / run_extract())

        spacy_median = statistics.median(spacy_rates)
        extract_median = statistics.median(extract_rates)
        # each round's two runs are back to back, so their ratio shares the machine's load
        ratio = statistics.median(e / s for e, s in zip(extract_rates, spacy_rates, strict=True))
        out = self.stdout.write
        out(
            f"texts: {len(articles)} from {source}, x{copies} = {len(items)} documents, "
            f"{words} words per run, {repeat} rounds, batch size {BATCH_SIZE}"
        )
        out(f"model load                {load_seconds:8.2f} s")
        out(
            f"spaCy nlp.pipe            {spacy_median:8.0f} words/s median "
            f"(best {max(spacy_rates):.0f})"
        )
        out(
            f"extract_many              {extract_median:8.0f} words/s median "
            f"(best {max(extract_rates):.0f})"
        )
        verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
        out(
            f"ratio extraction/spaCy    {ratio:8.2f}   ({verdict} the target >= {TARGET_RATIO}; "
            f"best/best {max(extract_rates) / max(spacy_rates):.2f})"
        )
        out(f"peak memory (ru_maxrss)   {_peak_rss_mb():8.0f} MB")

    def _texts(self, folder: Path | None) -> tuple[str, list[str]]:
        if folder is not None:
            if not folder.is_dir():
                raise CommandError(f"{folder}: not a directory")
            paths = sorted(folder.glob("*.txt"))
            if not paths:
                raise CommandError(f"{folder}: no *.txt files")
            return str(folder), [read_text_file(p) for p in paths]
        demo = Path(settings.BASE_DIR) / "kb" / "demo" / "articles"
        paths = sorted(demo.glob("*.txt"))
        if paths:
            return str(demo), [read_text_file(p) for p in paths]
        return "generated sentences", generated_texts()
