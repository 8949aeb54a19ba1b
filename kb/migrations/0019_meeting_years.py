"""Meetings per year and kind (``kb.models.periods.MeetingYear``, kept by ``kb.counters``):
the timeline's bars, read from here instead of from every meeting; filled from the
tables once here, kept by every write from then on."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from kb.counters import recount_all

    recount_all(apps=apps, kinds=("year",))


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
