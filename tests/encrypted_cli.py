"""The command-line suites on an encrypted journal (issue 18): ``run_cli`` as those suites see
it in their encrypted run. Each data folder a command is given gets, before its first command,
a new journal protected with ``PASSPHRASE`` (so every journal the test starts is encrypted, as
a person who protected theirs would have it), and every command on a protected journal is
given ``--passphrase-file``. The test itself is not copied: only the helper changes."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tracker.storage.journal_file import JOURNAL_NAME

PASSPHRASE = "the suites' passphrase"

RunCli = Callable[..., subprocess.CompletedProcess[str]]


def protected_folder(folder: Path) -> None:
    """A new, empty journal in ``folder``, encrypted with ``PASSPHRASE``; its key held here."""
    from tracker.services.passphrase import PassphraseService
    from tracker.storage.database import open_journal

    open_journal(folder).close()
    PassphraseService(folder).protect(PASSPHRASE)


class WithPassphrase:
    """``run_cli`` that protects each new data folder first and gives the passphrase file to
    each command on a protected journal; ``close`` drops the keys held for those folders."""

    def __init__(self, run_cli: RunCli, secrets: Path) -> None:
        self._run_cli = run_cli
        secrets.mkdir(parents=True, exist_ok=True)
        self.key_file = secrets / "passphrase"
        self.key_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
        self.folders: list[Path] = []

    def __call__(
        self, *args: str, data_dir: Path | None = None, **kwargs: Any
    ) -> subprocess.CompletedProcess[str]:
        if data_dir is not None:
            if not (data_dir / JOURNAL_NAME).exists() and _may_hold_a_journal(data_dir):
                protected_folder(data_dir)
                self.folders.append(data_dir)
            if "--passphrase-file" not in args:
                args = (*args, *self.arguments(data_dir))
        return self._run_cli(*args, data_dir=data_dir, **kwargs)

    def arguments(self, data_dir: Path) -> list[str]:
        """``--passphrase-file FILE`` when the journal in ``data_dir`` is protected."""
        from tracker.storage import cipher

        if cipher.looks_protected(data_dir / JOURNAL_NAME):
            return ["--passphrase-file", str(self.key_file)]
        return []

    def close(self) -> None:
        from tracker.storage import cipher

        for folder in self.folders:
            cipher.forget(folder)


def _may_hold_a_journal(folder: Path) -> bool:
    """Not a folder a test made unusable on purpose (a file in its place, a read-only one)."""
    place = folder
    while not place.exists():
        place = place.parent
    return place.is_dir() and os.access(place, os.W_OK)


def passphrase_arguments(run_cli: object, data_dir: Path) -> list[str]:
    """For a test that starts the command itself rather than through ``run_cli``: what the
    encrypted run's ``run_cli`` would add (nothing in the plain run)."""
    return run_cli.arguments(data_dir) if isinstance(run_cli, WithPassphrase) else []
