"""``manage.py load_registry [FILE]``: load the leader registry the project ships.

Idempotent: a second run reports every term unchanged and writes nothing. A field an
editor changed is kept; a bad file is refused with its line number and nothing changes.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gazetteer.registry import SHIPPED_FILE, RegistryFileError
from kb.registry.load import registry_file_rows, registry_load


class Command(BaseCommand):
    help = "Load the leader registry (kb/data/registry.csv, or FILE) into the database."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, default=SHIPPED_FILE)

    def handle(self, *args, file: Path, **options):
        try:
            rows = registry_file_rows(file)
            report = registry_load(rows=rows, where=file.name)
        except FileNotFoundError:
            raise CommandError(f"{file}: no such file") from None
        except (RegistryFileError, UnicodeDecodeError) as exc:
            raise CommandError(f"nothing loaded: {exc}") from None
        self.stdout.write(f"registry {file.name}: {report.summary()}")
