"""Two real Celery workers recording the same batch make the same knowledge base as one.

Each demo article is submitted twice (the second copy one sentence longer, so it is a new
article), one right after the other: two workers pick the pair up together and record
the same new leaders, meetings, gifts and agreements at the same moment. Without a lock
each would create its own copy of them (issue 14, point 3).
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

from ingest.services import article_submit
from kb.models import Agreement, Article, ArticleStatus, Gift, Leader, Meeting
from tests.integration import test_worker_end_to_end as e2e

pytestmark = e2e.pytestmark

worker_factory = e2e.worker_factory  # the fixture: real worker processes on a test queue

ARTICLES = sorted((e2e.ROOT / "kb" / "demo" / "articles").glob("*.txt"))
SECOND_COPY = "\n\nThis report was also carried by a second news agency."


def batch() -> list[str]:
    texts = []
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        texts += [text, text + SECOND_COPY]
    return texts


def wait_ready(logs: list[Path], timeout: float = 180) -> None:
    deadline = time.monotonic() + timeout
    while not all(log.exists() and " ready." in log.read_text() for log in logs):
        assert time.monotonic() < deadline, "a worker did not start"
        time.sleep(0.2)


def ingest(texts: list[str], timeout: float = 600) -> None:
    ids = [article_submit(text=text, source="concurrency test")[0].pk for text in texts]
    assert len(set(ids)) == len(texts)
    deadline = time.monotonic() + timeout
    pending = Article.objects.filter(pk__in=ids).exclude(
        status__in=(ArticleStatus.DONE, ArticleStatus.FAILED)
    )
    while pending.exists():
        assert time.monotonic() < deadline, f"{pending.count()} articles still pending"
        time.sleep(0.3)
    failed = list(Article.objects.filter(pk__in=ids, status=ArticleStatus.FAILED))
    assert not failed, [(a.pk, a.error) for a in failed]


def knowledge_base() -> dict[str, list]:
    """What was recorded, by the names and values that identify it (not ids)."""

    def people(qs) -> tuple[str, ...]:
        return tuple(sorted(x.name for x in qs))

    return {
        "leaders": sorted(
            (x.name, x.country.code if x.country else None, x.title) for x in Leader.objects.all()
        ),
        "meetings": sorted(
            (m.kind, str(m.date), m.host_country_id or 0, people(m.participants.all()))
            for m in Meeting.objects.all()
        ),
        "gifts": sorted(
            (g.giver.name, g.recipient.name, g.item, str(g.date)) for g in Gift.objects.all()
        ),
        "agreements": sorted(
            (
                a.kind,
                str(a.date),
                people(a.leader_parties.all()),
                tuple(sorted(c.code for c in a.country_parties.all())),
            )
            for a in Agreement.objects.all()
        ),
    }


def forget(leaders_before: set[int]) -> None:
    Article.objects.all().delete()
    Gift.objects.all().delete()
    Agreement.objects.all().delete()
    Meeting.objects.all().delete()
    Leader.objects.exclude(pk__in=leaders_before).delete()


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)


def test_two_workers_record_the_same_leaders_and_facts_as_one(worker_factory, tmp_path):
    texts = batch()
    leaders_before = set(Leader.objects.values_list("pk", flat=True))

    one = worker_factory()
    wait_ready([tmp_path / "worker-0.log"])
    ingest(texts)
    by_one = knowledge_base()
    stop(one)
    forget(leaders_before)

    worker_factory()
    worker_factory()
    wait_ready([tmp_path / "worker-1.log", tmp_path / "worker-2.log"])
    ingest(texts)
    by_two = knowledge_base()

    assert by_one["leaders"] and by_one["meetings"] and by_one["gifts"] and by_one["agreements"]
    for kind in ("leaders", "meetings", "gifts", "agreements"):
        assert by_two[kind] == by_one[kind], kind
    # Both workers did record articles (else this shows nothing about concurrency).
    logs = [(tmp_path / f"worker-{n}.log").read_text() for n in (1, 2)]
    assert all("ingest_article" in log and "succeeded" in log for log in logs), logs
