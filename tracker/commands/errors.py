"""The exit codes, the one-sentence error of a command, and text made safe for a terminal: on
their own, so that a helper of ``tracker.commands.base`` (the passphrase) can raise them."""

from __future__ import annotations

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class CommandError(Exception):
    """One plain sentence for standard error, and the exit code; ``details``: lines that
    follow it (the backups there are, say)."""

    def __init__(self, message: str, code: int = EXIT_FAILED, details: list[str] | None = None):
        super().__init__(message)
        self.code = code
        self.details = details or []


def safe(text: object) -> str:
    """``text`` with every control character escaped (a newline as \\n, ESC as \\x1b), so
    that a file name cannot move the cursor, colour the terminal or start a line of its own;
    a name that is not valid text (an undecodable byte) is escaped too."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in str(text)
    )
