"""The seam between a saved article and the workers (``ingest.queue``)."""

from types import SimpleNamespace

from ingest.queue import article_queue, queue_replaced


def test_a_replaced_queue_gets_the_articles_and_the_previous_one_comes_back():
    first, second = SimpleNamespace(pk=1), SimpleNamespace(pk=2)
    outer: list = []
    inner: list = []
    with queue_replaced(outer.append):
        with queue_replaced(inner.append):
            article_queue(first)
        article_queue(second)
    assert (inner, outer) == ([first], [second])
