"""The maintained counts (``kb.models.tallies``, kept by ``kb.counters``), filled from the
tables once here; every write keeps them up to date from then on."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from kb.counters import recount_all

    recount_all(apps=apps, kinds=("country", "leader"))


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0013_meeting_search_document"),
    ]

    operations = [
        migrations.CreateModel(
            name="CountryTally",
            fields=[
                (
                    "country",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="tally",
                        serialize=False,
                        to="kb.country",
                    ),
                ),
                ("leaders", models.PositiveIntegerField(default=0)),
                ("hosted", models.PositiveIntegerField(default=0)),
                ("attended", models.PositiveIntegerField(default=0)),
                ("attended_home", models.PositiveIntegerField(default=0)),
            ],
            options={
                "verbose_name_plural": "country tallies",
            },
        ),
        migrations.CreateModel(
            name="LeaderTally",
            fields=[
                (
                    "leader",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="tally",
                        serialize=False,
                        to="kb.leader",
                    ),
                ),
                ("meetings", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
