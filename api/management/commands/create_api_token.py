"""Make a service token and print its key once (only its SHA-256 is stored).

python manage.py create_api_token alice --scope edit --name "newsroom sync" [--days 30]

The token expires after API_TOKEN_LIFETIME_DAYS days (the default and the longest allowed).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from api.models import TokenOrigin, TokenScope, utc_minute
from api.tokens import issue_token


class Command(BaseCommand):
    help = "Create an API token for USERNAME and print its key (shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--scope", choices=TokenScope.values, default=TokenScope.READ)
        parser.add_argument("--name", default="", help="What the token is for.")
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days until it expires (default and longest: API_TOKEN_LIFETIME_DAYS).",
        )

    def handle(self, *args, username, scope, name, days, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        try:
            token, key = issue_token(
                user=user,
                scope=scope,
                name=name,
                made_by=None,
                origin=TokenOrigin.COMMAND,
                lifetime_days=days,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stderr.write(
            f"Token {token.prefix}… ({scope}) for {username}, "
            f"expires {utc_minute(token.expires_at)}. "
            "Its key, shown once:"
        )
        self.stdout.write(key)
