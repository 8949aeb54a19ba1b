"""``manage.py registry_coverage [FILE]``: which states and years the leader registry
covers (the shipped file by default), as a table and a list of gaps."""

from pathlib import Path

from django.core.management.base import BaseCommand

from gazetteer.registry import SHIPPED_FILE, read_registry_file
from kb.registry_coverage import QUESTIONS, STATES, registry_coverage


class Command(BaseCommand):
    help = "Coverage of the leader registry per state and year, and its gaps."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, default=SHIPPED_FILE)
        parser.add_argument("--first-year", type=int, default=1990)
        parser.add_argument("--last-year", type=int, default=2025)

    def handle(self, *args, file, first_year, last_year, **options):
        registry = read_registry_file(file)
        coverage = registry_coverage(registry, first_year=first_year, last_year=last_year)
        terms = sum(len(p.terms) for p in registry.persons.values())
        self.stdout.write(
            f"{len(registry)} persons, {terms} terms; {len(STATES)} states, "
            f"{first_year}–{last_year} (foreign ministers from 2000)"
        )
        self.stdout.write(f"{'office':<20} {'state-years':>11} {'missing':>8} {'covered':>8}")
        for question in QUESTIONS:
            self.stdout.write(
                f"{question:<20} {coverage.asked.get(question, 0):>11} "
                f"{coverage.missing(question):>8} {coverage.share(question):>8.3f}"
            )
        self.stdout.write("gaps:")
        for line in coverage.gap_lines():
            self.stdout.write(f"  {line}")
