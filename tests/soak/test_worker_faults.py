"""Workers SIGKILLed at random moments lose nothing and duplicate nothing.

A real prefork worker (and beat, running the stuck-article sweep) works through a queue
of distinct articles while its pool processes, or its main process with its pool, are
SIGKILLed at random moments and restarted. Afterwards every article is done (or failed
with a reason) and its meetings, gifts, agreements and evidence rows are exactly those of
a clean, in-process run.

The small version runs in CI; the full one (200 articles, 20 kills) with `make soak`.
"""

from __future__ import annotations

import random
import time

import pytest

from ingest.services import article_process, article_submit
from ingest.tasks import ingest_article
from kb.models import Article
from tests.soak.conftest import (
    fact_counts,
    needs_services,
    varied_articles,
    wait_until_settled,
    wipe_facts,
)

pytestmark = [pytest.mark.integration, needs_services]


def run_kills(workers, *, articles: int, kills: int, seed: int, settle_timeout: float):
    rng = random.Random(seed)
    ids = []
    for filename, text in varied_articles(articles, seed=seed):
        article, created = article_submit(data=text.encode(), filename=filename, queue=False)
        assert created, filename
        ids.append(article.pk)

    # The clean run, in this process, one article after another.
    started = time.monotonic()
    for article_id in ids:
        assert article_process(article_id=article_id).status == "done"
    expected = fact_counts(ids)
    clean_seconds = time.monotonic() - started
    wipe_facts()

    workers.start()
    workers.supervise()
    workers.start_beat()
    for article_id in ids:
        ingest_article.delay(article_id)
    started = time.monotonic()
    kinds = []
    for _ in range(kills):
        time.sleep(rng.uniform(0.3, 4.0))
        if rng.random() < 0.5 and workers.kill_child():
            kinds.append("child")
        else:
            workers.kill_main()
            kinds.append("main")
    statuses = wait_until_settled(ids, timeout=settle_timeout)
    elapsed = time.monotonic() - started
    actual = fact_counts(ids)

    failed = list(Article.objects.filter(pk__in=ids, status="failed").values_list("pk", "error"))
    attempts = sorted(Article.objects.filter(pk__in=ids).values_list("attempts", flat=True))
    mismatched = {
        pk: (expected[pk], actual.get(pk)) for pk in ids if expected[pk] != actual.get(pk)
    }
    print(
        f"\nworker faults: {articles} articles, {kills} SIGKILLs "
        f"({kinds.count('child')} pool child, {kinds.count('main')} main+pool), "
        f"{workers.starts} worker starts ({len(workers.exits)} after exits of its own); "
        f"outcomes {statuses}; "
        f"clean in-process run {clean_seconds:.1f}s, under faults {elapsed:.1f}s; "
        f"attempts per article min {attempts[0]} max {attempts[-1]} "
        f"total {sum(attempts)}; fact mismatches {len(mismatched)}; "
        f"facts {sum(sum(v[:3]) for v in expected.values())}"
    )
    assert statuses.get("done", 0) + statuses.get("failed", 0) == articles, (
        statuses,
        workers.log_tail(),
    )
    assert all(error for _, error in failed), failed
    assert mismatched == {}, mismatched
    return statuses


def test_worker_sigkills_lose_and_duplicate_nothing_small(workers):
    """CI: 20 articles, 3 kills."""
    run_kills(workers, articles=20, kills=3, seed=11, settle_timeout=240)


@pytest.mark.soak
def test_worker_sigkills_lose_and_duplicate_nothing_soak(workers):
    """`make soak`: 200 articles, 20 kills."""
    run_kills(workers, articles=200, kills=20, seed=2024, settle_timeout=900)
