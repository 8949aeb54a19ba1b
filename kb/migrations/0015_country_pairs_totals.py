"""Two more maintained counts (``kb.counters``): the meetings each pair of countries
shared (a country page's counterparts) and the home page's totals, filled from the
tables once here."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from kb.counters import recount_all

    recount_all(apps=apps, kinds=("pair", "total"))


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0014_counters"),
    ]

    operations = [
        migrations.CreateModel(
            name="Total",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=20)),
                ("slot", models.PositiveSmallIntegerField(default=0)),
                ("n", models.IntegerField(default=0)),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(fields=("name", "slot"), name="kb_total_slot")
                ],
            },
        ),
        migrations.CreateModel(
            name="CountryPairTally",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("meetings", models.PositiveIntegerField(default=0)),
                ("last_met", models.DateField(blank=True, null=True)),
                (
                    "country_a",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="kb.country",
                    ),
                ),
                (
                    "country_b",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="kb.country",
                    ),
                ),
            ],
            options={
                "verbose_name_plural": "country pair tallies",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("country_a", "country_b"), name="kb_country_pair"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("country_a__lt", models.F("country_b"))),
                        name="kb_country_pair_in_order",
                    ),
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
