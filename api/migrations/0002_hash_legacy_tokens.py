"""Turn the plaintext tokens of rest_framework.authtoken into hashed ApiTokens (the same
keys keep working) and delete the plaintext rows."""

import hashlib

from django.db import migrations


def hash_legacy_tokens(apps, schema_editor):
    try:
        Token = apps.get_model("authtoken", "Token")
    except LookupError:
        return
    ApiToken = apps.get_model("api", "ApiToken")
    for token in Token.objects.select_related("user"):
        user = token.user
        editor = user.is_staff or user.is_superuser or user.groups.filter(name="editors").exists()
        ApiToken.objects.create(
            user=user,
            name="converted DRF token",
            scope="edit" if editor else "read",
            prefix=token.key[:8],
            key_hash=hashlib.sha256(token.key.encode()).hexdigest(),
        )
    Token.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("authtoken", "0004_alter_tokenproxy_options"),
    ]

    operations = [migrations.RunPython(hash_legacy_tokens, migrations.RunPython.noop)]
