"""Each country's meetings with a leader of another country (``CountryTally.linked``):
its weight in the network by country, read from here instead of from every
participation; filled from the tables once here, kept by every write from then on."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from kb.counters import recount_all

    recount_all(apps=apps, kinds=("country",))


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0017_leader_pairs_network"),
    ]

    operations = [
        migrations.AddField(
            model_name="countrytally",
            name="linked",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
