"""Python's cycle collector paused while long-lived objects are made in bulk."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from tracker.collector import CollectorPause, paused_for_imports


@pytest.fixture(autouse=True)
def _collector_as_it_was() -> Iterator[None]:
    assert gc.isenabled()
    yield
    gc.enable()
    gc.unfreeze()  # what a test froze is collected again in later tests


def test_paused_then_resumed_the_collector_runs_again_and_what_was_made_is_frozen() -> None:
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
    with pytest.raises(ImportError), paused_for_imports():
        seen.append(gc.isenabled())
        import tracker.no_such_module  # type: ignore[import-not-found]  # noqa: F401
    assert seen == [False]
    assert gc.isenabled()
