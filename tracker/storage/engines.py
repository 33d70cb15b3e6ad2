"""A SQLAlchemy engine on a journal file, plain or encrypted.

A plain file keeps the URL SQLAlchemy has always been given. An encrypted one (or a new file in
a folder whose key is held) gets ``sqlcipher3`` as the DB-API module, so that SQLAlchemy wraps
its errors as it wraps ``sqlite3``'s, and a ``creator`` that gives each connection the key.
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

    def connect() -> Any:
        return cipher.connect(path, query, key=key, check_same_thread=False)

    module = cipher.MODULE if key is not None else None
    extra = {"module": module} if module is not None else {}
    return create_engine("sqlite://", creator=connect, **extra, **options)
