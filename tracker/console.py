"""Standard output and error for the commands of the windowed bundle.

The bundle is built ``--windowed``: on Windows its executable has no console of its own, so
``sys.stdout`` and ``sys.stderr`` are ``None`` and the first ``print`` of a command would fail.
``ensure_streams`` attaches to the console of the program that started it (the Command Prompt
or PowerShell window the command was typed into) and writes there; where there is none (started
from Explorer), output goes to ``os.devnull`` so that nothing fails. Elsewhere a missing stream
was closed on purpose, and the command says so in one sentence (``cli.run``); there, and whenever
the streams exist (``python main.py``, the macOS and Linux bundles), it does nothing.

A windowed program does not make the Command Prompt wait: the prompt may come back before the
command's output (``start /wait SpineJournal.exe check`` waits for it, and sets ERRORLEVEL).
"""

from __future__ import annotations

import os
import sys
from typing import Any, TextIO

ATTACH_PARENT_PROCESS = -1  # AttachConsole's "the console of the parent process"


def _on_windows() -> bool:
    return sys.platform == "win32"


def _kernel32() -> Any:
    import ctypes

    return ctypes.windll.kernel32  # type: ignore[attr-defined]


def _open(path: str) -> TextIO:
    # line-buffered, so that output and errors interleave as written; open for the process
    return open(path, "w", buffering=1, encoding="utf-8", errors="replace")


def ensure_streams() -> None:
    """Give ``sys.stdout`` and ``sys.stderr`` somewhere to write, where either is ``None``."""
    if not _on_windows() or (sys.stdout is not None and sys.stderr is not None):
        # elsewhere a missing stream was closed on purpose: the command says so (``cli.run``)
        return
    stream: TextIO | None = None
    try:
        if _kernel32().AttachConsole(ATTACH_PARENT_PROCESS):
            stream = _open("CONOUT$")
    except OSError:
        stream = None
    if stream is None:
        stream = _open(os.devnull)
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream
