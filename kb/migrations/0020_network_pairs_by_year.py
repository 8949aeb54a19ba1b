"""The network's pairs of leaders and of countries by year and kind of meeting
(``kb.models.periods``, kept by ``kb.counters``): what a network filtered by dates or
kind sums, instead of pairing the participations of every meeting selected; counted
from the tables once here, kept by every write from then on."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from kb.counters import recount_all

    recount_all(apps=apps, kinds=("leader_year", "country_year"))


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0019_meeting_years"),
    ]

    operations = [
        migrations.CreateModel(
            name="CountryPairYear",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField()),
                ("kind", models.CharField(max_length=16)),
                ("meetings", models.PositiveIntegerField(default=0)),
                (
                    "country_a",
                    models.ForeignKey(
                        db_index=False,
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
                "indexes": [
                    models.Index(
                        condition=models.Q(("country_a", models.F("country_b"))),
                        fields=["year", "kind", "country_a", "meetings"],
                        name="kb_countrypairyear_node",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("country_a", "country_b", "year", "kind"),
                        name="kb_countrypairyear_unique",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("country_a__lte", models.F("country_b"))),
                        name="kb_countrypairyear_ordered",
                    ),
                ],
            },
        ),
        migrations.CreateModel(
            name="LeaderPairYear",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField()),
                ("kind", models.CharField(max_length=16)),
                ("meetings", models.PositiveIntegerField(default=0)),
                (
                    "leader_a",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="kb.leader",
                    ),
                ),
                (
                    "leader_b",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="kb.leader",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        condition=models.Q(("leader_a", models.F("leader_b"))),
                        fields=["year", "kind", "leader_a", "meetings"],
                        name="kb_leaderpairyear_node",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("leader_a", "leader_b", "year", "kind"),
                        name="kb_leaderpairyear_unique",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("leader_a__lte", models.F("leader_b"))),
                        name="kb_leaderpairyear_ordered",
                    ),
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
