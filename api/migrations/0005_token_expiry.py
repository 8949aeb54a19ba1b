"""Tokens expire. Tokens made before this get API_TOKEN_LIFETIME_DAYS (90 unless set) from
the time of the migration, not from when they were made: no service loses its token at the
deploy, and every token has an end. Revoked ones get the same date (it changes nothing)."""

from datetime import timedelta

from django.conf import settings
from django.db import migrations, models
from django.utils import timezone

import api.models


def set_existing_expiry(apps, schema_editor):
    ApiToken = apps.get_model("api", "ApiToken")
    expiry = timezone.now() + timedelta(days=getattr(settings, "API_TOKEN_LIFETIME_DAYS", 90))
    ApiToken.objects.filter(expires_at__isnull=True).update(expires_at=expiry)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0004_token_maker"),
    ]

    operations = [
        migrations.AddField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(editable=False, null=True),
        ),
        migrations.RunPython(set_existing_expiry, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="apitoken",
            name="expires_at",
            field=models.DateTimeField(
                default=api.models.default_expiry,
                editable=False,
                help_text="After this the key is refused.",
            ),
        ),
    ]
