"""`manage.py feeds`: subscribe to news feeds, list them, and poll them now.

    python manage.py feeds add https://news.example.org/world.rss [--title "World"]
    python manage.py feeds list
    python manage.py feeds poll [--all]       # the feeds that are due (or every active one)

`celery beat` polls due feeds on its own (ingest.tasks.poll_feeds); `poll` is for a
deployment without beat, and for trying a feed out.
"""

from django.core.management.base import BaseCommand, CommandError

from ingest.feeds import FeedError, feed_poll, feed_subscribe, feeds_due
from ingest.models import Feed


class Command(BaseCommand):
    help = "Subscribe to RSS/Atom feeds, list them with their last run, and poll them."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="Subscribe to a feed.")
        add.add_argument("url")
        add.add_argument("--title", default="")
        sub.add_parser("list", help="The feeds, with their last run.")
        poll = sub.add_parser("poll", help="Poll the feeds that are due now.")
        poll.add_argument("--all", action="store_true", help="Every active feed, due or not.")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _add(self, url, title, **options):
        try:
            feed, created = feed_subscribe(url, title=title)
        except FeedError as exc:
            raise CommandError(f"{url}: not a feed address we may fetch ({exc})") from exc
        self.stdout.write(
            f"feed {feed.pk}: {feed.url} ({'added' if created else 'already subscribed'})"
        )

    def _list(self, **options):
        for feed in Feed.objects.all()[:1000]:
            last = (
                feed.last_checked_at.isoformat(timespec="minutes")
                if feed.last_checked_at
                else "never"
            )
            line = (
                f"{feed.pk:>5} {feed.state:<8} {feed.url}  last run {last}, "
                f"{feed.articles_added} article(s) queued in all"
            )
            if feed.last_error:
                line += f", {feed.failures} failure(s): {feed.last_error}"
            self.stdout.write(line)

    def _poll(self, all, **options):
        if all:
            ids = list(Feed.objects.filter(active=True).values_list("pk", flat=True)[:1000])
        else:
            ids = feeds_due(1000)
        for pk in ids:
            feed = Feed.objects.get(pk=pk)
            result = feed_poll(feed)
            if result.error:
                self.stderr.write(f"feed {pk}: failed: {result.error}")
            else:
                self.stdout.write(
                    f"feed {pk}: {result.items} item(s), {result.added} new, "
                    f"{result.known} known, {result.refused} refused"
                )
