"""The seam between a saved article and the workers: ``article_queue`` hands an
article to Celery once its row is committed.

Services call it; tests (and anything else that must not reach a broker) swap it for a
function of their own with ``queue_replaced``, instead of patching private names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import transaction

from kb.models import Article

logger = logging.getLogger(__name__)

_replacement: Callable[[Article], object] | None = None


def article_queue(article: Article) -> None:
    """Queue extraction of ``article`` once the transaction that saved it commits."""
    if _replacement is not None:
        _replacement(article)
        return
    transaction.on_commit(lambda: article_send(article.pk))


def article_send(article_id: int) -> None:
    """Hand the article to the workers. If the broker cannot be reached the article
    stays queued in the database and the periodic sweep sends it again later: an
    upload that was saved is never answered with an error."""
    # The task module is the Celery edge (it imports the services); it is loaded here,
    # when the first article is sent, so the services never import it.
    from ingest.tasks import ingest_article

    try:
        ingest_article.delay(article_id)
    except Exception:  # noqa: BLE001 - kombu/redis raise many kinds on a lost broker
        logger.exception("could not queue article %s; the sweep will queue it", article_id)


@contextmanager
def queue_replaced(handler: Callable[[Article], object]) -> Iterator[None]:
    """Within the block, articles to queue go to ``handler`` (called at once, not on
    commit) instead of the workers."""
    global _replacement
    previous, _replacement = _replacement, handler
    try:
        yield
    finally:
        _replacement = previous
