"""Tables the API owns: service tokens (hashed at rest) and tombstones (the change feed
of deleted and merged records)."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "smt_"
PREFIX_LENGTH = len(TOKEN_PREFIX) + 8  # what is kept of a key to recognise it by
#: How long ``last_used_at`` may lag behind (saves a write on every request).
LAST_USED_RESOLUTION = 60


class TokenScope(models.TextChoices):
    READ = "read", "Read only"
    EDIT = "edit", "Read and edit (editors only)"


class TokenOrigin(models.TextChoices):
    """Where a token was made (with ``ApiToken.created_by``, who made it)."""

    ADMIN = "admin", "In the admin"
    COMMAND = "command", "By manage.py create_api_token"
    CONVERTED = "converted", "Converted from a DRF token"
    UNRECORDED = "unrecorded", "Not recorded (made before makers were recorded)"


def hash_key(key: str) -> str:
    """SHA-256 of a token. Keys are 256-bit random strings, so a fast hash is enough: there
    is nothing to brute-force that a slow hash would protect."""
    return hashlib.sha256(key.encode()).hexdigest()


def revoked_hash(key_hash: str) -> str:
    """What a revoked token's hash becomes: the hash of no key. Clearing ``revoked_at``
    afterwards, by any path, leaves a row that no key matches."""
    return hash_key(f"revoked:{key_hash}")


def utc_minute(moment: datetime) -> str:
    """A time as messages give it: ``2027-03-06 19:00 UTC``."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def default_expiry():
    """When a token made now expires: ``API_TOKEN_LIFETIME_DAYS`` from now."""
    return timezone.now() + timedelta(days=settings.API_TOKEN_LIFETIME_DAYS)


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        """Tokens whose key works: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class ApiToken(models.Model):
    """A service's credential. Only its SHA-256 is stored; the key is shown once, when made.

    Every token expires (``expires_at``, ``API_TOKEN_LIFETIME_DAYS`` after it is made unless
    made shorter); an expiry is never extended: a service that needs more time gets a new
    token. Revocation is final: ``revoke`` also replaces the stored hash (``revoked_hash``), and
    ``save`` refuses to clear a revocation, so no form, command or update brings a key back.

    A token is made by its owner or by a superuser (``created_by``; empty when made on the
    server, by a command). The scope caps what the token may do whatever its user may: a
    ``read`` token never writes, even an editor's. An ``edit`` token writes only while its
    user is an editor.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, blank=True, help_text="What the token is for.")
    scope = models.CharField(max_length=4, choices=TokenScope.choices, default=TokenScope.READ)
    prefix = models.CharField(
        max_length=PREFIX_LENGTH,
        editable=False,
        db_index=True,
        help_text="The key's first characters.",
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    expires_at = models.DateTimeField(
        default=default_expiry, editable=False, help_text="After this the key is refused."
    )
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        help_text="Who made the token: its owner, or a superuser.",
    )
    created_via = models.CharField(
        max_length=10,
        choices=TokenOrigin.choices,
        default=TokenOrigin.UNRECORDED,
        editable=False,
    )

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user}, {self.scope})"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            self._refuse_to_unrevoke()
        super().save(*args, **kwargs)

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and not self.is_expired

    def set_key(self, key: str) -> None:
        self.prefix = key[:PREFIX_LENGTH]
        self.key_hash = hash_key(key)

    @classmethod
    def issue(
        cls,
        *,
        user,
        scope: str = TokenScope.READ,
        name: str = "",
        created_by=None,
        created_via: str = TokenOrigin.UNRECORDED,
        lifetime_days: int | None = None,
    ) -> tuple[ApiToken, str]:
        """Make a token; returns it and its key (the only time the key is known). Checks
        nothing: ``api.tokens.issue_token`` decides who may have one."""
        key = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls(
            user=user,
            scope=scope,
            name=name[:100],
            created_by=created_by,
            created_via=created_via,
        )
        if lifetime_days is not None:
            token.expires_at = timezone.now() + timedelta(days=lifetime_days)
        token.set_key(key)
        token.save()
        return token, key

    def _refuse_to_unrevoke(self) -> None:
        stored = ApiToken.objects.filter(pk=self.pk).values_list("revoked_at", "key_hash").first()
        if stored and stored[0] is not None and (self.revoked_at, self.key_hash) != stored:
            raise ValidationError(
                "Revocation is final: a revoked token cannot be restored; issue a new one."
            )

    def revoke(self) -> None:
        """Revoke for good (one conditional update, so two revocations cannot race)."""
        if self.revoked_at is not None:
            return
        now, hashed = timezone.now(), revoked_hash(self.key_hash)
        unrevoked = ApiToken.objects.filter(pk=self.pk, revoked_at__isnull=True)
        if unrevoked.update(revoked_at=now, key_hash=hashed):
            self.revoked_at, self.key_hash = now, hashed
        else:
            self.refresh_from_db(fields=["revoked_at", "key_hash"])

    def touch(self) -> None:
        now = timezone.now()
        last = self.last_used_at
        if last is None or (now - last).total_seconds() > LAST_USED_RESOLUTION:
            ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)
            self.last_used_at = now


class Tombstone(models.Model):
    """A record that is gone from the knowledge base: deleted, or merged into another
    (``merged_into``). Feeds ``/api/changes/deleted/`` so mirrors can follow."""

    model = models.CharField(max_length=20, db_index=True)
    object_id = models.PositiveBigIntegerField()
    merged_into = models.PositiveBigIntegerField(null=True, blank=True)
    deleted_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["deleted_at", "id"]
        indexes = [models.Index(fields=["model", "object_id"])]

    def __str__(self) -> str:
        into = f" into {self.merged_into}" if self.merged_into else ""
        return f"{self.model} {self.object_id}{into}"
