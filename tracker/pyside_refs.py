"""A work-around for PySide6 6.12.0, which takes a reference to ``None`` away on every call of a
Qt method that returns nothing (``processEvents()``, ``setText()``, ``click()``, a zero-delay
timer's call, ...). On Python 3.11 ``None`` is an ordinary object with a count: once those calls
outnumber the references Python code makes, it reaches zero and the process aborts
("deallocating None"), after a few thousand calls in a window left open. Python 3.12 made
``None``, ``True`` and ``False`` immortal; this does the same here, once, at the start: it gives
them a count no run can use up. docs/known-issues.md has the reproduction; remove this module
(and its call in ``tracker.app``) when no supported PySide6 has the bug
(tests/unit/test_pyside_refs.py fails then).
"""

from __future__ import annotations

import sys

# far more than a process could ever drop, far below where the count would overflow
RESERVE = sys.maxsize // 4
_PROBE_CALLS = 64


def void_calls_drop_none() -> bool:
    """Whether the installed PySide6 drops a reference to ``None`` on a call that returns
    nothing (measured, not guessed from its version)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        probe.setObjectName("")
    return before - sys.getrefcount(None) >= _PROBE_CALLS // 2


def keep_singletons_alive() -> bool:
    """Give ``None``, ``True`` and ``False`` the reserve when PySide6 drops references to them;
    whether it did. Only CPython's objects have their count where ``id`` points."""
    if sys.implementation.name != "cpython" or not void_calls_drop_none():
        return False
    import ctypes

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        count.value += RESERVE
    return True
