"""Python's cycle collector, paused while objects that live as long as the program are made in
bulk: the modules imported at the window's start, and matplotlib's when the Trends tab is first
chosen.

Imports make hundreds of thousands of objects and hardly any garbage, yet the collector goes
through them all, again and again as they pile up: 100 to 130 ms of the window's start (a
dozen generation-1 and two full collections), some 45 ms of the Trends tab's first opening.
``CollectorPause.resume`` then freezes what was made meanwhile (``gc.freeze``: left out of
every later collection, which goes only through what is made after) and collects again. The
few cycles of garbage made while paused (some 2,500 objects at the start) are kept with the
rest.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class CollectorPause:
    def __init__(self) -> None:
        self._paused = False

    def pause(self) -> None:
        if gc.isenabled():  # else someone else paused it, and resumes it
            gc.disable()
            self._paused = True

    def resume(self) -> None:
        """Freeze what was made while paused, and collect again (once per pause)."""
        if self._paused:
            self._paused = False
            gc.freeze()
            gc.enable()


# The window's start: paused first thing, resumed once the journal has opened (or the window
# closed before it did).
START = CollectorPause()


@contextmanager
def paused_for_imports() -> Iterator[None]:
    """Paused while modules are imported; what they made is frozen after."""
    pause = CollectorPause()
    pause.pause()
    try:
        yield
    finally:
        pause.resume()
