"""Rebuild the maintained counts (``kb.models.tallies``, and the network's pairs of
leaders in ``kb.models.network``) from the tables.

    python manage.py recount            # every tally, pair, total and count by year
    python manage.py recount --check    # only report the rows that differ (exit 1 if any)

The counts are kept up to date by every write (``kb.counters``, ``kb.leader_pairs``);
this is for after a bulk load that bypassed them, or to check that they still agree.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from kb import changes, counters, leader_pairs


class Command(BaseCommand):
    help = (
        "Rebuild the maintained counts (countries, leaders, pairs of countries and of"
        " leaders, totals) from the tables."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Report differences only; change nothing."
        )

    def handle(self, *args, check, **options):
        if check:
            wrong = counters.differences() + leader_pairs.differences()
            for line in wrong:
                self.stdout.write(line)
            if wrong:
                raise CommandError(f"{len(wrong)} maintained counts differ from a recount")
            self.stdout.write("The maintained counts agree with a recount.")
            return
        made = counters.recount_all()
        pairs = leader_pairs.rebuild()
        # Written in bulk (no signals): pages showing the counts read them again.
        changes.kb_changed(changes.MEETINGS, changes.LEADERS, changes.COUNTRIES)
        self.stdout.write(
            f"Recounted: {made['countries']} countries, {made['leaders']} leaders and"
            f" {made['pairs']} pairs of countries with counts, {pairs} pairs of leaders,"
            f" {made['years']} counts of meetings by year (and month) and kind,"
            f" {made['host_years']} of hosted meetings, {made['leader_years']} and"
            f" {made['country_years']} pairs of leaders and of countries by year and kind,"
            " and the totals."
        )
