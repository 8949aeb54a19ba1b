"""``manage.py import_registry FILE.csv``: merge a Wikidata export (README: the query).

Persons are matched by Wikidata QID first, then by name and country. Prints rows added,
changed, unchanged and refused (with each refusal's line and reason). A malformed file
is refused with its line number and nothing changes: the import is one transaction.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gazetteer.registry import RegistryFileError
from kb.registry.wikidata import registry_import, wikidata_rows


class Command(BaseCommand):
    help = "Merge a Wikidata SPARQL export of office-holders into the leader registry."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        try:
            with open(file, encoding="utf-8-sig", newline="") as handle:
                rows = wikidata_rows(handle, where=file.name)
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        except (RegistryFileError, UnicodeDecodeError, ValueError) as exc:
            raise CommandError(f"nothing imported: {exc}") from None
        report = registry_import(rows=rows)
        self.stdout.write(f"import {file.name}: {report.summary()}")
        for reason in report.refused:
            self.stdout.write(f"  refused {reason}")
