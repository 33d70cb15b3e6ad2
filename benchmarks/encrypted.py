"""The encrypted journal's figures (issue 18), on a copy of the 10-year journal.

``open_plain_ms`` and ``open_encrypted_ms``: ``open_journal`` and the first read (the count of
entries) on the plain journal and on the same journal protected with a passphrase, the key
already derived; ``kdf_ms`` (no budget): deriving the key with Argon2id, which the window does
once, when the passphrase is typed. ``save_encrypted_ms``: one entry saved (committed, with
its red-flag rules) on the encrypted journal.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

RUNS = 11
PASSPHRASE = "a passphrase for the benchmark"


def _timed(action: Callable[[], object], runs: int = RUNS) -> list[float]:
    from benchmarks.inprocess import _timed as timed

    action()  # not counted: the first run loads modules
    return timed(action, runs)


def _open_and_read(folder: Path) -> None:
    from tracker.services.journal import JournalService
    from tracker.storage.database import open_journal

    db = open_journal(folder)
    try:
        JournalService(db).counts()
    finally:
        db.close()


def figures(data_dir: Path, work: Path) -> dict[str, list[float]]:
    from tracker.domain.model import Entry, Pain
    from tracker.services.journal import JournalService
    from tracker.services.passphrase import PassphraseService
    from tracker.storage import cipher
    from tracker.storage.database import open_journal

    plain = work / "journal-10y-plain"
    encrypted = work / "journal-10y-encrypted"
    shutil.copytree(data_dir, plain)
    shutil.copytree(data_dir, encrypted)
    results = {"open_plain_ms": _timed(lambda: _open_and_read(plain))}
    service = PassphraseService(encrypted)
    service.protect(PASSPHRASE)
    salt = cipher.read_salt(encrypted)
    results["kdf_ms"] = _timed(lambda: cipher.derive_key(PASSPHRASE, salt), runs=3)
    results["open_encrypted_ms"] = _timed(lambda: _open_and_read(encrypted))
    db = open_journal(encrypted)
    journal = JournalService(db)

    def save() -> None:
        journal.save_entry(Entry(recorded_at=datetime.now(UTC), pain=Pain(score=3)))

    try:
        results["save_encrypted_ms"] = _timed(save)
    finally:
        db.close()
        service.lock()
    return results
