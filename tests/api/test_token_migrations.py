"""Tokens made before final revocation, makers and expiry: what the migrations do to them."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from api.models import ApiToken, hash_key
from tests.api.test_tokens import with_key

BEFORE = [("api", "0002_hash_legacy_tokens")]


def migrate(targets=None):
    """Migrate to ``targets`` (default: the latest); returns the models as they were then."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_existing_tokens_get_a_lifetime_from_the_migration_and_revoked_keys_stay_dead(settings):
    settings.API_TOKEN_LIFETIME_DAYS = 30
    old = migrate(BEFORE)
    user = old.get_model("auth", "User").objects.create(username="service")
    Token = old.get_model("api", "ApiToken")
    made = timezone.now() - timedelta(days=400)
    for key, revoked_at in (("smt_live-key", None), ("smt_dead-key", made)):
        token = Token.objects.create(
            user=user, prefix=key[:12], key_hash=hash_key(key), revoked_at=revoked_at
        )
        Token.objects.filter(pk=token.pk).update(created_at=made)

    migrated_at = timezone.now()
    migrate()

    live = ApiToken.objects.get(prefix="smt_live-key")
    lifetime = live.expires_at - migrated_at
    assert timedelta(days=30) <= lifetime < timedelta(days=30, minutes=5)
    assert live.created_via == "unrecorded" and live.created_by is None
    assert with_key("smt_live-key").get("/api/leaders/").status_code == 200

    dead = ApiToken.objects.get(prefix="smt_dead-key")
    expected = hashlib.sha256(f"revoked:{hash_key('smt_dead-key')}".encode()).hexdigest()
    assert dead.key_hash == expected
    ApiToken.objects.filter(pk=dead.pk).update(revoked_at=None)
    assert with_key("smt_dead-key").get("/api/leaders/").status_code == 401
