"""A SQLAlchemy engine on a journal file, plain or encrypted.

A plain file keeps the URL SQLAlchemy has always been given. An encrypted one (or a new file in
a folder whose key is held) gets ``sqlcipher3`` as the DB-API module, so that SQLAlchemy wraps
its errors as it wraps ``sqlite3``'s, and a ``creator`` that gives each connection the key held
then: after ``cipher.forget`` (the lock) no new connection opens, even on an engine kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine

from tracker.storage import cipher


def sqlite_engine(path: Path, query: str = "", **options: Any) -> Engine:
    key = cipher.file_key(path)
    if key is None and not query:
        return create_engine(f"sqlite:///{path}", **options)

    encrypted = key is not None

    def connect() -> Any:
        # the key looked up at each connection: once it is dropped (the lock), none opens
        held = cipher.held_key(path) if encrypted else None
        if encrypted and held is None:
            raise cipher.PassphraseError(
                "The journal is locked: it opens again with its passphrase."
            )
        return cipher.connect(path, query, key=held, check_same_thread=False)

    module = cipher.MODULE if encrypted else None
    extra = {"module": module} if module is not None else {}
    return create_engine("sqlite://", creator=connect, **extra, **options)
