from django.core.management.base import BaseCommand

from gazetteer.countries import countries_sync
from kb.models import Country


class Command(BaseCommand):
    help = "Load or refresh every country from pycountry and the project's demonym table."

    def handle(self, *args, **options):
        count = countries_sync(Country)
        self.stdout.write(f"{count} countries loaded.")
