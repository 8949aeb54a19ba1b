"""The scale benchmark's parts (issue 14, point 6): which pages it times, on what data,
and the worker benchmark's batch and refusal where it cannot run."""

import datetime as dt
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count
from django.test import Client

from ingest.management.commands.bench_workers import DEMO, ROUND_DAYS, batch
from ingest.resolve import MEETING_DATE_TOLERANCE
from kb.management.commands.bench_pages import (
    SCALE_URLS,
    Command,
    _get,
    baselines,
    measure,
    measure_cold,
    placeholders,
)
from kb.models import Country, Leader, Meeting

pytestmark = pytest.mark.django_db


def test_placeholders_name_the_busiest_leader_top_host_and_a_meeting():
    call_command("generate_demo_data", meetings=30, seed=5, stdout=StringIO())
    pages = placeholders()
    busiest = Leader.objects.annotate(n=Count("meetings")).order_by("-n", "pk").first()
    assert pages["busiest_leader"] == busiest.get_absolute_url()
    hosts = (
        Meeting.objects.exclude(host_country=None)
        .values("host_country")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    top = Country.objects.get(pk=hosts[0]["host_country"])
    assert pages["top_host"] == top.get_absolute_url()
    assert pages["a_meeting"] == Meeting.objects.order_by("pk").first().get_absolute_url()


def test_every_scale_page_answers_on_synthetic_data():
    call_command("generate_demo_data", meetings=12, seed=6, stdout=StringIO())
    pages = placeholders()
    reader = Client()
    reader.force_login(get_user_model().objects.create(username="reader"))
    for url in SCALE_URLS:
        target = url.format(**pages)
        seconds, queries, size = measure(reader, target, requests=1)
        assert "{" not in target and seconds > 0 and queries >= 1 and size > 0, url


def test_scale_pages_cover_issue_14s_table():
    for page in ("{busiest_leader}", "/api/leaders/?expand=meetings", "/network/",
                 "/countries/", "{top_host}", "/leaders/", "/api/meetings/?search=trade",
                 "/meetings/?q=trade", "/"):  # fmt: skip
        assert page in SCALE_URLS


def test_worker_batch_is_distinct_articles_made_of_the_demo_texts():
    demo = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    texts = batch(2 * len(demo) + 1)
    assert len(set(texts)) == len(texts)  # each copy is a new article
    assert all(any(t.startswith(d) for d in demo) for t in texts)
    assert texts[0].startswith(demo[0]) and texts[len(demo)].startswith(demo[0])


def test_news_batch_dates_each_round_of_copies_later_than_the_one_before():
    demo = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    same, news = batch(3 * len(demo), "same"), batch(3 * len(demo), "news")
    assert len(set(news)) == len(news)

    def dateline(text):
        return dt.date.fromisoformat(text.split("\n", 1)[0].removeprefix("date "))

    for i, text in enumerate(news):
        round_ = i // len(demo)
        assert dateline(text) - dateline(same[i]) == dt.timedelta(days=ROUND_DAYS * round_)
        # Only the dateline moves: the report itself is the demo text's.
        assert text.split("\n", 1)[1] == same[i].split("\n", 1)[1]
    # Past a meeting's date window on either side: each round's meetings are new ones.
    assert dt.timedelta(days=ROUND_DAYS) > 2 * MEETING_DATE_TOLERANCE


def test_bench_workers_refuses_without_postgresql_and_a_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    with pytest.raises(CommandError, match="needs PostgreSQL"):
        call_command("bench_workers", articles=2, stdout=StringIO())


def _queries(run) -> int:
    count = 0

    def counted(execute, *args):
        nonlocal count
        count += 1
        return execute(*args)

    with connection.execute_wrapper(counted):
        run()
    return count


def test_cold_figures_read_afresh_what_warm_ones_read_from_the_cache(client):
    call_command("generate_demo_data", meetings=12, seed=7, stdout=StringIO())
    measure(client, "/network/", requests=1)
    warm = _queries(lambda: _get(client, "/network/"))
    cold = _queries(lambda: measure_cold(client, "/network/", requests=1))
    assert cold > warm  # the counts (and the lists' choices) are queried again


def test_pages_option_keeps_only_the_matching_pages(settings):
    with pytest.raises(CommandError, match="matched none"):
        call_command("bench_pages", scale=True, pages=["/nowhere/"], stdout=StringIO())


def test_the_largest_size_is_compared_with_the_smallest_and_the_one_before_it():
    assert baselines([100, 100000]) == [100]
    assert baselines([100, 10000, 100000]) == [100, 10000]
    assert baselines([10, 100, 1000, 10000]) == [10, 1000]
    out = StringIO()
    command = Command(stdout=out)
    results = {"/p/": {100: (0.010, 3, 2048, 0.020), 10000: (0.020, 3, 4096, 0.030),
                       100000: (0.030, 3, 4096, 0.060)}}  # fmt: skip
    for first in baselines([100, 10000, 100000]):
        command._summary(results, first, 100000, requests=7)
    text = out.getvalue()
    assert "Summary (100 vs 100,000 meetings" in text and "ratio  3.00x" in text
    assert "Summary (10,000 vs 100,000 meetings" in text and "ratio  1.50x" in text
    assert "cold ratio  2.00x" not in text and "ratio  2.00x" in text  # cold 30 -> 60 ms
