"""Meetings per year and kind (``kb.models.periods.MeetingYear``, kept by ``kb.counters``):
the timeline's bars, read from here instead of from every meeting; kept by every write
from then on. Filled from the tables by 0021, which adds the months: the counting code
of today writes months that this table has no column for yet."""

from django.db import migrations, models


def fill(apps, schema_editor):
    """Nothing: 0021 fills the table (months included)."""


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0018_country_tally_linked"),
    ]

    operations = [
        migrations.CreateModel(
            name="MeetingYear",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField()),
                ("kind", models.CharField(max_length=16)),
                ("slot", models.PositiveSmallIntegerField(default=0)),
                ("n", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("year", "kind", "slot"), name="kb_meetingyear_slot"
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
