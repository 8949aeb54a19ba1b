"""``manage.py extract PATH... [--jsonl] [--evidence]``: print extracted facts, save nothing.

Each input is an article file whose text may start with a ``date
YYYY-MM-DD`` dateline; the command prints one JSON line per article in the
gold shape (the shared eval SCHEMA) with ``"article"`` set to the file name.
With ``--jsonl`` each input file holds one JSON object per line,
``{"id", "text", "published"}`` (``published`` null or ``YYYY-MM-DD``; the
text may still start with a dateline, which is split off and used when
``published`` is null), and each output line starts with that ``"id"``.
``--evidence`` adds to every leader, meeting, gift and agreement the list
of its evidence (sentence, start, end, confidence, rule), and to every gift and
agreement its ``meeting`` (an index into ``meetings``, or null) and ``date``.

All inputs are read and checked before the spaCy model loads (once, for
everything: ``extract_many``).  Bad input fails with a CommandError naming
the file (and line), exit status 1, before anything is printed.  The
database is never touched.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ingest.evaluation.scoring import article_text


def read_text_file(path: Path) -> str:
    """A file's text (UTF-8); CommandError naming the file if it cannot be read."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{path}: is a directory, not a file") from None
    except UnicodeDecodeError as exc:
        raise CommandError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read ({exc.strerror})") from None


def evidence_dicts(evidence) -> list[dict[str, Any]]:
    """A fact's evidence as JSON-ready dicts."""
    return [
        {
            "sentence": e.span.sentence,
            "start": e.span.start,
            "end": e.span.end,
            "confidence": round(e.confidence, 4),
            "rule": e.rule,
        }
        for e in evidence
    ]


def gold_with_evidence(extraction, article: str) -> dict[str, Any]:
    """``extraction.to_gold(article)`` with an ``"evidence"`` list on every fact that has one,
    and the meeting and date of each gift and agreement."""
    gold = extraction.to_gold(article)
    for fact_type in ("leaders", "meetings", "gifts", "agreements"):
        for as_dict, fact in zip(gold[fact_type], getattr(extraction, fact_type), strict=True):
            as_dict["evidence"] = evidence_dicts(fact.evidence)
            if fact_type in ("gifts", "agreements"):
                as_dict["meeting"] = fact.meeting  # index into "meetings", or null
                as_dict["date"] = fact.date.isoformat() if fact.date else None
    return gold


def _jsonl_items(path: Path) -> list[tuple[Any, str, dt.date | None]]:
    items = []
    for lineno, line in enumerate(read_text_file(path).splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}, line {lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CommandError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise CommandError(f"{where}: expected a JSON object with id, text, published")
        if "id" not in record:
            raise CommandError(f"{where}: missing 'id'")
        text = record.get("text")
        if not isinstance(text, str):
            raise CommandError(f"{where}: 'text' must be a string")
        published = record.get("published")
        if published is not None:
            try:
                published = dt.date.fromisoformat(published)
            except (TypeError, ValueError):
                raise CommandError(
                    f"{where}: 'published' must be null or YYYY-MM-DD, got {published!r}"
                ) from None
        dateline, body = article_text(text)
        items.append((record["id"], body, published or dateline))
    return items


class Command(BaseCommand):
    help = (
        "Extract facts from article files and print one JSON line per article in the gold "
        "shape; nothing is saved."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-registry",
            action="store_true",
            help="Extract without the leader registry (to measure what it adds).",
        )
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--jsonl",
            action="store_true",
            help='Inputs hold one {"id", "text", "published"} object per line.',
        )
        parser.add_argument(
            "--evidence",
            action="store_true",
            help="Add each fact's evidence (sentence, start, end, confidence, rule).",
        )

    def handle(self, *args, paths, jsonl, evidence, **options):
        # (id or None, article name, text, published) for every article, checked up front
        articles: list[tuple[Any, str, str, dt.date | None]] = []
        for path in paths:
            if jsonl:
                for item_id, text, published in _jsonl_items(path):
                    articles.append((item_id, path.name, text, published))
            else:
                published, text = article_text(read_text_file(path))
                articles.append((None, path.name, text, published))

        from gazetteer.registry import EMPTY, read_registry_file
        from ingest.extract import extract_many
        from ingest.nlp import get_nlp

        # The shipped registry file, not the database: these commands never touch it.
        registry = EMPTY if options.get("no_registry") else read_registry_file()

        nlp = get_nlp()
        items = ((text, published) for _, _, text, published in articles)
        extractions = extract_many(items, nlp=nlp, registry=registry)
        for (item_id, name, _, _), extraction in zip(articles, extractions, strict=True):
            gold = gold_with_evidence(extraction, name) if evidence else extraction.to_gold(name)
            line = {"id": item_id, **gold} if jsonl else gold
            self.stdout.write(json.dumps(line, ensure_ascii=False))
