"""Load every country from pycountry (with the project's demonyms and capitals)."""

from django.db import migrations


def load(apps, schema_editor):
    from kb.countries import countries_sync

    countries_sync(apps.get_model("kb", "Country"))


class Migration(migrations.Migration):
    dependencies = [("kb", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
