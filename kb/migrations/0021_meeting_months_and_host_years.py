"""Meetings per month besides per year (``MeetingYear.month``; 0 for the whole year) and
meetings hosted per country, year, month and kind (``HostYear``), kept by
``kb.counters``: dates that cut into a year read its months' rows instead of its
meetings, and the charts' host bars sum rows instead of grouping every meeting. Both
filled from the tables here, kept by every write from then on."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from kb.counters import recount_all

    recount_all(apps=apps, kinds=("year", "host_year"))


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0020_network_pairs_by_year"),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="meetingyear", name="kb_meetingyear_slot"),
        migrations.AddField(
            model_name="meetingyear",
            name="month",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddConstraint(
            model_name="meetingyear",
            constraint=models.UniqueConstraint(
                fields=("year", "month", "kind", "slot"), name="kb_meetingyear_month_slot"
            ),
        ),
        migrations.CreateModel(
            name="HostYear",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField()),
                ("month", models.PositiveSmallIntegerField(default=0)),
                ("kind", models.CharField(max_length=16)),
                ("meetings", models.PositiveIntegerField(default=0)),
                (
                    "host_country",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="kb.country",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("year", "month", "kind", "host_country"),
                        name="kb_hostyear_unique",
                    )
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
