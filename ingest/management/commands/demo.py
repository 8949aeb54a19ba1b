"""Load the project's own demo articles and make a local editor account."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from ingest.services import article_submit
from kb.roles import EDITORS_GROUP

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo" / "articles"


class Command(BaseCommand):
    help = "Ingest the demo articles (once) and create a local editor account."

    def add_arguments(self, parser):
        parser.add_argument("--username", default="editor")
        parser.add_argument("--no-account", action="store_true")

    def handle(self, *args, username, no_account, **options):
        for path in sorted(DEMO_DIR.glob("*.txt")):
            article, created = article_submit(data=path.read_bytes(), filename=path.name)
            article.refresh_from_db()
            state = "loaded" if created else "already loaded"
            self.stdout.write(f"demo article {path.name}: {state}, {article.status}")
        if not no_account:
            self._editor(username)

    def _editor(self, username: str) -> None:
        user_model = get_user_model()
        group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
        user = user_model.objects.filter(username=username).first()
        if user is not None:
            self.stdout.write(
                f"Sign in as '{username}' with the password printed when it was created "
                f"(or set a new one: python manage.py changepassword {username})."
            )
            return
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no local editor account was created.")
            return
        password = secrets.token_urlsafe(12)
        user = user_model.objects.create_user(username=username, password=password)
        user.groups.add(group)
        self.stdout.write(
            self.style.SUCCESS(
                f"Local editor account: username '{username}', password '{password}' "
                "(sign in at /accounts/login/)."
            )
        )
