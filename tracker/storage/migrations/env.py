"""Alembic environment: runs on the connection that storage.database hands it.

The caller owns the transaction (it emits BEGIN itself and commits only after
``PRAGMA foreign_key_check``), so a failed migration leaves the journal exactly as it was.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
