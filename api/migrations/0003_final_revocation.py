"""Revocation becomes final: the keys of tokens revoked before this have their stored hash
replaced, as ``ApiToken.revoke`` now does, so clearing ``revoked_at`` cannot revive them."""

import hashlib

from django.db import migrations, models


def rehash_revoked_tokens(apps, schema_editor):
    ApiToken = apps.get_model("api", "ApiToken")
    for token in ApiToken.objects.filter(revoked_at__isnull=False).only("key_hash"):
        token.key_hash = hashlib.sha256(f"revoked:{token.key_hash}".encode()).hexdigest()
        token.save(update_fields=["key_hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0002_hash_legacy_tokens"),
    ]

    operations = [
        migrations.AlterField(
            model_name="apitoken",
            name="revoked_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        # Not reversible in effect: a revoked key stays unusable after migrating back.
        migrations.RunPython(rehash_revoked_tokens, migrations.RunPython.noop),
    ]
