"""The command-line suites on an encrypted journal (issue 18): ``run_cli`` as those suites see
it in their encrypted run. Each data folder a command is given gets, before its first command,
a new journal protected with ``PASSPHRASE``, or the plain journal the test made there itself
protected (so every journal the test uses is encrypted, as a person who protected theirs would
have it), and every command on a protected journal is given ``--passphrase-file``. After the
test, every journal in those folders is checked to be encrypted. The test itself is not
copied: only the helper changes."""

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

    def __init__(self, run_cli: RunCli, secrets: Path, own: Path) -> None:
        self._run_cli = run_cli
        self._own = own  # the test's own folder (a module's shared folders are outside it)
        secrets.mkdir(parents=True, exist_ok=True)
        self.key_file = secrets / "passphrase"
        self.key_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
        self.folders: list[Path] = []
        self.given: set[Path] = set()  # every data folder a command was given

    def __call__(
        self, *args: str, data_dir: Path | None = None, **kwargs: Any
    ) -> subprocess.CompletedProcess[str]:
        if data_dir is not None:
            if data_dir not in self.given:
                self._protect(data_dir)
            self.given.add(data_dir)
            if "--passphrase-file" not in args:
                args = (*args, *self.arguments(data_dir))
        return self._run_cli(*args, data_dir=data_dir, **kwargs)

    def _protect(self, data_dir: Path) -> None:
        """A folder seen for the first time: a new protected journal in it, or, when the test
        made a plain journal there itself (with the services, before any command), that
        journal protected, as the person who protected theirs has it."""
        from tracker.services.passphrase import PassphraseService
        from tracker.storage import cipher

        journal = data_dir / JOURNAL_NAME
        if not journal.exists() and _may_hold_a_journal(data_dir):
            protected_folder(data_dir)
        elif self._owns(data_dir) and journal.is_file() and not cipher.is_encrypted(journal):
            PassphraseService(data_dir).protect(PASSPHRASE)
        else:
            return
        self.folders.append(data_dir)

    def arguments(self, data_dir: Path) -> list[str]:
        """``--passphrase-file FILE`` when the journal in ``data_dir`` is protected."""
        from tracker.storage import cipher

        if cipher.looks_protected(data_dir / JOURNAL_NAME):
            return ["--passphrase-file", str(self.key_file)]
        return []

    def _owns(self, folder: Path) -> bool:
        return folder.resolve().is_relative_to(self._own.resolve())

    def plain_journals(self) -> list[Path]:
        """The journals, in the test's own folders that commands were given, that are plain:
        none, when the encrypted run was one. (A journal a module makes once for all its tests,
        with the plain ``run_cli``, is left plain: protecting it would change it for the plain
        run too.)"""
        from tracker.storage import cipher

        found = [folder / JOURNAL_NAME for folder in sorted(self.given) if self._owns(folder)]
        return [path for path in found if path.is_file() and not cipher.is_encrypted(path)]

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
