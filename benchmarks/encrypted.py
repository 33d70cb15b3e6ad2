"""The encrypted journal's figures (issue 18), on a copy of the 10-year journal.

``open_plain_ms`` and ``open_encrypted_ms``: ``open_journal`` and the window's first read (the
latest entry and the 30 days of entries before it, which the history lists first) on the plain
journal and on the same journal protected with a passphrase, the key already derived. The two
are measured in turn, round by round, so that both meet the machine in the same state.
``read_all_plain_ms`` and ``read_all_encrypted_ms`` (no budget): the same, then a count of every
list, which reads nearly every page of the file: what decrypting the whole journal costs
(AES and an HMAC-SHA512 for each 4 KiB page), which no opening pays. ``kdf_ms`` (no budget):
deriving the key with Argon2id, which the window does once, when the passphrase is typed.
``save_encrypted_ms``: one entry saved (committed, with its red-flag rules) on the encrypted
journal.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

RUNS = 11
PASSPHRASE = "a passphrase for the benchmark"
FIRST_DAYS = timedelta(days=30)  # the history's first range


def _in_turn(actions: dict[str, Callable[[], object]], runs: int = RUNS) -> dict[str, list[float]]:
    """Each action once (not counted: the first run loads modules), then ``runs`` rounds of
    each in turn, each round begun by the next action (none is always first, or always after
    the same one)."""
    for action in actions.values():
        action()
    names = list(actions)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_ in range(runs):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            start = time.perf_counter()
            actions[name]()
            samples[name].append((time.perf_counter() - start) * 1000)
    return samples


def _open_and_read(folder: Path, *, read_all: bool = False) -> None:
    from tracker.services.journal import JournalService
    from tracker.storage.database import open_journal

    db = open_journal(folder)
    try:
        journal = JournalService(db)
        latest = journal.latest_entry()
        if latest is not None:
            journal.entries(since=latest.recorded_at - FIRST_DAYS)
        if read_all:
            journal.counts()
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
    service = PassphraseService(encrypted)
    service.protect(PASSPHRASE)
    salt = cipher.read_salt(encrypted)
    results = _in_turn(
        {
            "open_plain_ms": lambda: _open_and_read(plain),
            "open_encrypted_ms": lambda: _open_and_read(encrypted),
            "read_all_plain_ms": lambda: _open_and_read(plain, read_all=True),
            "read_all_encrypted_ms": lambda: _open_and_read(encrypted, read_all=True),
        }
    )
    results.update(_in_turn({"kdf_ms": lambda: cipher.derive_key(PASSPHRASE, salt)}, runs=3))
    db = open_journal(encrypted)
    journal = JournalService(db)

    def save() -> None:
        journal.save_entry(Entry(recorded_at=datetime.now(UTC), pain=Pain(score=3)))

    try:
        results.update(_in_turn({"save_encrypted_ms": save}))
    finally:
        db.close()
        service.lock()
    return results
