"""Python's cycle collector paused while long-lived objects are made in bulk."""

from __future__ import annotations

import gc
import weakref

import pytest

from tracker.collector import CollectorPause, collect_frozen, paused, paused_for_imports


def test_paused_then_resumed_the_collector_runs_again_and_what_was_made_is_frozen() -> None:
    assert gc.isenabled() and gc.get_freeze_count() == 0  # as the test set-up leaves it
    pause = CollectorPause()
    pause.pause()
    assert not gc.isenabled()
    made = [[n] for n in range(1000)]  # tracked objects made while paused
    pause.resume()
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(made)
    pause.resume()  # once per pause: a second resume changes nothing
    assert gc.isenabled()


def test_a_pause_inside_another_leaves_the_resuming_to_the_outer_one() -> None:
    outer, inner = CollectorPause(), CollectorPause()
    outer.pause()
    inner.pause()
    inner.resume()
    assert not gc.isenabled()  # the outer pause still holds
    assert gc.get_freeze_count() == 0
    outer.resume()
    assert gc.isenabled()


def test_imports_are_made_with_the_collector_paused_and_it_runs_again_after_a_failure() -> None:
    seen: list[bool] = []
    with pytest.raises(ImportError), paused_for_imports("tracker.no_such_module"):
        seen.append(gc.isenabled())
        import tracker.no_such_module  # type: ignore[import-not-found]  # noqa: F401
    assert seen == [False]
    assert gc.isenabled()


def test_imports_while_paused_already_leave_the_pause_to_its_owner() -> None:
    outer = CollectorPause()
    outer.pause()
    with paused_for_imports("tracker.no_such_module"):
        pass
    assert not gc.isenabled()
    assert gc.get_freeze_count() == 0
    outer.resume()
    assert gc.isenabled()


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_collecting_the_frozen_frees_their_cycles_and_freezes_the_rest_again() -> None:
    kept = [[n] for n in range(100)]
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    pause = CollectorPause()
    pause.pause()
    pause.resume()  # both frozen
    del cycle
    gc.collect()
    assert gone() is not None  # frozen: never collected
    collect_frozen()
    assert gone() is None
    assert gc.get_freeze_count() >= len(kept)  # what is still used, frozen again


def test_a_plain_pause_freezes_nothing_and_leaves_an_outer_pause_in_place() -> None:
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    outer = CollectorPause()
    outer.pause()
    with paused():
        pass
    assert not gc.isenabled()
    outer.resume()
    assert gc.isenabled()


def test_a_plain_pause_ends_with_its_block_even_when_the_block_fails() -> None:
    """As the trend chart's redraw uses it around the trends service (which raises
    ``ValueError`` for a reversed range)."""
    with pytest.raises(ValueError), paused():
        assert not gc.isenabled()
        raise ValueError("the first day is after the last day")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
