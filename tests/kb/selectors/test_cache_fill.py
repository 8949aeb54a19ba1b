"""Readers arriving at once on a result nobody has computed yet (a cold key) compute it
once: the first holds a short lock, the others wait for its result (kb.changes). The
wait is bounded and a failed computation lets go at once: no deadlock, no error."""

import threading
import time

import pytest
from django.core.cache import cache

from kb import changes
from kb.changes import MEETINGS

pytestmark = pytest.mark.django_db

LOCK = changes._entry_key("page", {}) + ":lock"


class Slow:
    """A computation that takes a while, whose result is its number of runs."""

    def __init__(self, seconds=0.3, fail=False):
        self.seconds, self.fail, self.runs = seconds, fail, 0
        self.started = threading.Event()
        self._lock = threading.Lock()

    def __call__(self):
        with self._lock:
            self.runs += 1
            run = self.runs
        self.started.set()
        time.sleep(self.seconds)
        if self.fail:
            raise RuntimeError("database gone")
        return run


def read(source):
    return changes.cached("page", {}, source, areas=[MEETINGS])


def in_threads(n, target):
    """Run ``target`` in ``n`` threads released together: their results and errors."""
    barrier, results, errors = threading.Barrier(n), [], []

    def run():
        barrier.wait()
        try:
            results.append(target())
        except Exception as error:  # noqa: BLE001 - reported to the test
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results, errors


def test_readers_of_a_cold_key_at_once_compute_it_once():
    source = Slow()
    results, errors = in_threads(8, lambda: read(source))
    assert errors == []
    assert results == [1] * 8
    assert source.runs == 1
    assert cache.get(LOCK) is None  # released
    assert read(source) == 1  # and kept


def test_a_result_too_old_for_every_reader_is_recomputed_once(settings):
    settings.KB_STALE_SECONDS = 0  # nobody may be served the previous result
    source = Slow(seconds=0.2)
    assert read(source) == 1
    changes.kb_changed(MEETINGS)
    results, errors = in_threads(6, lambda: read(source))
    assert errors == [] and results == [2] * 6
    assert source.runs == 2


def test_a_lock_left_by_a_dead_reader_delays_the_next_one_briefly(monkeypatch):
    monkeypatch.setattr(changes, "FILL_WAIT_SECONDS", 0.3)
    cache.add(LOCK, 1, 60)  # a reader that died while computing
    source = Slow(seconds=0)
    started = time.monotonic()
    assert read(source) == 1  # computed here after the wait, not an error
    assert 0.3 <= time.monotonic() - started < 2
    assert cache.get(LOCK) is None  # taken over, then released
    assert read(source) == 1


def test_readers_waiting_on_a_slow_one_compute_it_themselves_after_the_wait(monkeypatch):
    monkeypatch.setattr(changes, "FILL_WAIT_SECONDS", 0.2)
    source = Slow(seconds=1.0)
    first = threading.Thread(target=read, args=(source,))
    first.start()
    source.started.wait(5)
    started = time.monotonic()
    assert read(lambda: "its own") == "its own"  # did not wait for the whole second
    assert time.monotonic() - started < 0.8
    first.join(5)
    assert source.runs == 1


def test_when_the_first_reader_fails_a_waiting_one_computes_at_once(monkeypatch):
    monkeypatch.setattr(changes, "FILL_WAIT_SECONDS", 10)
    failing, working = Slow(seconds=0.2, fail=True), Slow(seconds=0)
    errors = []

    def first():
        try:
            read(failing)
        except RuntimeError as error:
            errors.append(error)

    thread = threading.Thread(target=first)
    thread.start()
    failing.started.wait(5)
    started = time.monotonic()
    assert read(working) == 1
    assert time.monotonic() - started < 2  # not the whole wait
    thread.join(5)
    assert len(errors) == 1  # the failure is its own reader's only
    assert cache.get(LOCK) is None


def test_a_reader_after_a_write_does_not_take_a_result_read_before_it():
    before_write = Slow(seconds=0.4)
    first = threading.Thread(target=read, args=(before_write,))
    first.start()
    before_write.started.wait(5)
    changes.kb_changed(MEETINGS)  # while the first reader computes
    assert read(lambda: "after the write") == "after the write"
    first.join(5)
    assert read(lambda: "again") == "after the write"  # the newer result was kept
