"""After a write, a cached result is served stale for KB_STALE_SECONDS while one reader
recomputes it (kb.changes): readers do not all recompute at once, and none sees a
result older than the window (plus one recomputation). The clock is the module's."""

import pytest
from django.core.cache import cache

from kb import changes
from kb.changes import GIFTS, MEETINGS

pytestmark = pytest.mark.django_db


class Clock:
    def __init__(self, monkeypatch):
        self.now = 1_000_000.0
        monkeypatch.setattr(changes, "_now", lambda: self.now)


@pytest.fixture
def clock(monkeypatch, settings):
    settings.KB_STALE_SECONDS = 5
    return Clock(monkeypatch)


class Source:
    """A computation whose result is its number of runs."""

    def __init__(self):
        self.runs = 0

    def __call__(self):
        self.runs += 1
        return self.runs


def read(source, **kwargs):
    return changes.cached("page", {}, source, areas=[MEETINGS], **kwargs)


LOCK = changes._entry_key("page", {}) + ":lock"


@pytest.fixture
def superseded(clock):
    """A source read once, then a write to its area."""
    source = Source()
    assert read(source) == 1
    changes.kb_changed(MEETINGS)
    return source


def test_a_write_within_the_window_serves_the_previous_result(clock, superseded):
    source = superseded
    clock.now += 4.9
    assert read(source) == 1
    assert source.runs == 1


def test_past_the_window_the_next_reader_recomputes(clock, superseded):
    source = superseded
    clock.now += 5.1
    assert read(source) == 2
    assert read(source) == 2  # current again: no third run
    assert source.runs == 2


def test_while_one_reader_recomputes_the_others_get_the_previous_result(clock, superseded):
    source = superseded
    clock.now += 6

    def recompute():
        # Another reader arrives while this one computes: it is served the old result.
        assert read(lambda: "computed twice") == 1
        return source()

    assert read(recompute) == 2
    assert source.runs == 2
    assert cache.get(LOCK) is None  # released


def test_a_lock_held_too_long_does_not_keep_the_result_stale_for_ever(
    clock, superseded, monkeypatch
):
    monkeypatch.setattr(changes, "FILL_WAIT_SECONDS", 0.1)  # then waits for it briefly
    source = superseded
    clock.now += 6
    cache.add(LOCK, 1)  # a reader that died while recomputing
    assert read(source) == 1  # someone is recomputing
    clock.now += changes.RECOMPUTE_LOCK_SECONDS
    assert read(source) == 2  # past the window and the lock: computed here


def test_a_failed_recomputation_releases_the_lock(clock, superseded):
    source = superseded
    clock.now += 6

    def failing():
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        read(failing)
    assert read(source) == 2  # the next reader recomputes


def test_fresh_reads_never_serve_a_stale_result(superseded):
    source = superseded
    with changes.fresh_reads():
        assert read(source) == 2
    asked = []
    changes.kb_changed(MEETINGS)
    with changes.fresh_reads(lambda: asked.append(1) or False):
        assert read(source) == 2  # not an editor: the previous result
        assert read(source) == 2
    assert asked == [1]  # asked once, and only when a stale result was found


def test_an_enclosing_fresh_block_wins(superseded):
    source = superseded
    with changes.fresh_reads(), changes.fresh_reads(lambda: False):
        assert read(source) == 2


def test_no_window_means_always_fresh(superseded, settings):
    settings.KB_STALE_SECONDS = 0
    source = superseded
    assert read(source) == 2


def test_a_write_to_another_area_keeps_the_result_current(clock):
    source = Source()
    read(source)
    changes.kb_changed(GIFTS)
    clock.now += 3600
    assert read(source) == 1
