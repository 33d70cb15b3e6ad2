"""What the command line asks for: a command (``tracker.cli``), or the window with its own two
options. Plain Python without argparse: the window's start reads its options before its first
paint, which argparse's import and its messages' translation lookup (gettext, locale) held up
by about 4 ms; a command's arguments are argparse's, in ``tracker.cli``.
"""

from __future__ import annotations

from collections.abc import Sequence

DATA_DIR = "--data-dir"
SMOKE_TEST = "--smoke-test"  # tracker/smoke.py


class UsageError(Exception):
    """One plain sentence: the window's options could not be read."""


class WindowArguments:
    def __init__(self, data_dir: str | None, smoke_test: bool) -> None:
        self.data_dir = data_dir  # None: the default folder (``tracker.paths.data_dir``)
        self.smoke_test = smoke_test


def is_command(argv: Sequence[str]) -> bool:
    """Whether ``argv`` asks for a command (or for help/version) rather than the window."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == DATA_DIR:
            skip = True
        elif arg in ("-h", "--help", "--version") or not arg.startswith("-"):
            return True
    return False


def window_arguments(argv: Sequence[str]) -> WindowArguments:
    """The window's options from ``argv`` (not a command: ``is_command``); any other option,
    such as Qt's own, is left alone."""
    data_dir: str | None = None
    smoke_test = False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == DATA_DIR:
            if not rest:
                raise UsageError(f"{DATA_DIR} needs a folder after it.")
            data_dir = rest.pop(0)
        elif arg.startswith(f"{DATA_DIR}="):
            data_dir = arg.partition("=")[2]
        elif arg == SMOKE_TEST:
            smoke_test = True
    return WindowArguments(data_dir, smoke_test)
