"""The network's pairs of leaders (``kb.models.network``, kept by ``kb.leader_pairs``),
counted from the tables once here; every write keeps them up to date from then on."""

import django.db.models.deletion
from django.db import migrations, models


def fill(apps, schema_editor):
    from kb.leader_pairs import rebuild

    rebuild(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("kb", "0016_drop_unused_search_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="LeaderPair",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
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
                        models.OrderBy(models.F("meetings"), descending=True),
                        models.F("leader_a"),
                        condition=models.Q(("leader_a", models.F("leader_b")), ("meetings__gt", 0)),
                        name="kb_leaderpair_node_busiest",
                    )
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("leader_a", "leader_b"), name="kb_leaderpair_unique"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("leader_a__lte", models.F("leader_b"))),
                        name="kb_leaderpair_ordered",
                    ),
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
