"""Revoke API tokens by the start of their key (as printed or listed in the admin), or
all of a user's.

    python manage.py revoke_api_token smt_AbCdEfGh
    python manage.py revoke_api_token --user alice
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api.models import TOKEN_PREFIX
from api.tokens import revoke_tokens

MIN_PREFIX = len(TOKEN_PREFIX) + 4


class Command(BaseCommand):
    help = "Revoke API tokens by key (or its first characters) or all of --user's."

    def add_arguments(self, parser):
        parser.add_argument("key", nargs="?", default="", help="The key or its prefix.")
        parser.add_argument("--user", default="", help="Revoke all of this user's tokens.")

    def handle(self, *args, key, user, **options):
        if not key and not user:
            raise CommandError("Give a key (or its first characters) or --user.")
        if key and len(key) < MIN_PREFIX:
            raise CommandError(f"Give at least {MIN_PREFIX} characters of the key.")
        owner = None
        if user:
            User = get_user_model()
            owner = User.objects.filter(**{User.USERNAME_FIELD: user}).first()
            if owner is None:
                raise CommandError(f"No user {user!r}.")
        count = revoke_tokens(prefix=key, user=owner)
        if not count:
            raise CommandError("No active token matched.")
        self.stdout.write(f"Revoked {count} token{'s' if count != 1 else ''}.")
