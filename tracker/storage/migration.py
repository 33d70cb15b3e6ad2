"""Running the schema migrations on a journal file, in one transaction.

Its own module because both the opening (``database``) and the schema check of a journal or a
backup (``schema_check``, used by ``recovery`` and ``backup_files``) run them, while the opening
also makes the backup before an upgrade: with ``migrate`` here, none of them imports another in
a circle.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.pool import NullPool

from tracker.storage.engines import sqlite_engine
from tracker.storage.errors import MigrationError
from tracker.storage.journal_file import BUSY_TIMEOUT_MS, MIGRATIONS


def _migration_engine(path: Path) -> Engine:
    """An engine whose connections leave transactions to us (pysqlite's own BEGIN handling
    does not cover DDL) and run with foreign keys off, which cannot change inside one."""
    engine = sqlite_engine(path, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def migrate(path: Path, script_location: Path = MIGRATIONS, target: str = "head") -> None:
    """Upgrade the file in one transaction; on any failure nothing of it is kept."""
    from alembic import command
    from alembic.config import Config

    engine = _migration_engine(path)
    try:
        with engine.connect() as connection:
            transaction = connection.begin()
            try:
                config = Config()
                config.set_main_option("script_location", str(script_location))
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationError(
                        f"The upgrade would break {len(problems)} links between records."
                    )
                transaction.commit()
            except BaseException:
                transaction.rollback()
                raise
    finally:
        engine.dispose()
