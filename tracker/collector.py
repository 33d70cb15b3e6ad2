"""Python's cycle collector, paused while many objects are made at once: the modules imported at
the window's start, matplotlib's when the Trends tab is first chosen, and the trend chart's
series (``paused``).

Imports make hundreds of thousands of objects and hardly any garbage, yet the collector goes
through them all, again and again as they pile up: 100 to 130 ms of the window's start (a
dozen generation-1 and two full collections), some 45 ms of the Trends tab's first opening.
``CollectorPause.resume`` freezes every object there is then (``gc.freeze``: the collector
leaves them out of every later collection and goes only through what is made after), then lets
the collector run again. A frozen object is still freed when nothing refers to it any more;
only one caught in a reference cycle is kept for good. So:
- the cycles of garbage made while paused are kept (some 2,500 objects at the start);
- ``paused_for_imports`` collects first, so that no older garbage is frozen;
- ``paused`` freezes nothing: the series it is for are let go at the next change;
- ``collect_frozen`` collects the frozen objects too, for when long-lived ones are let go (the
  journal closed and opened again).

A pause inside another does nothing: the outer one resumes. Pauses that freeze, their resumes
and ``collect_frozen`` are called on the window's thread. The start's thread only reads the
chart's first series (``paused``), while the start's pause holds and before ``START`` is
resumed (``AppRun.close`` waits for that thread first).
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager


class CollectorPause:
    """``freeze``: ``resume`` freezes every object there is then."""

    def __init__(self, *, freeze: bool = True) -> None:
        self._freeze = freeze
        self._paused = False

    def pause(self) -> None:
        if gc.isenabled():  # else someone else paused it, and resumes it
            gc.disable()
            self._paused = True

    def resume(self) -> None:
        """Let the collector run again (once per pause), having frozen every object there is
        now if so made."""
        if self._paused:
            self._paused = False
            if self._freeze:
                gc.freeze()
            gc.enable()


# The window's start: paused first thing in ``run_window``, resumed once the journal has opened
# (or could not be), or when ``run_window`` returns.
START = CollectorPause()


@contextmanager
def _held(pause: CollectorPause) -> Iterator[None]:
    pause.pause()
    try:
        yield
    finally:
        pause.resume()


@contextmanager
def paused() -> Iterator[None]:
    """Paused for the block, nothing frozen: for many short-lived objects made at once."""
    with _held(CollectorPause(freeze=False)):
        yield


@contextmanager
def paused_for_imports(module: str) -> Iterator[None]:
    """Paused while ``module`` is imported (nothing done if it is already), then what there is
    frozen; the garbage there was before is collected first (after the start's freeze, a
    fraction of a millisecond)."""
    if module in sys.modules:
        yield
        return
    if gc.isenabled():
        gc.collect()
    with _held(CollectorPause()):
        yield


def collect_frozen() -> None:
    """Collect every object, the frozen ones too, and freeze again what is left (if anything
    was frozen): what the journal that was closed left in reference cycles is freed."""
    frozen = gc.get_freeze_count() > 0
    gc.unfreeze()
    gc.collect()
    if frozen:
        gc.freeze()
