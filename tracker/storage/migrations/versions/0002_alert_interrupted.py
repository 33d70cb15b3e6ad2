"""Alerts remember whether they interrupted the person.

Within an episode of a rule only the first entry (or a rise) interrupts; the later firings are
logged without interrupting. An emergency alert that interrupted and was not answered is shown
again at the next start, so the journal must know which alerts interrupted. Alerts stored
before this revision, or imported from a file, did not interrupt anyone in this app.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "ALTER TABLE alerts ADD COLUMN interrupted BOOLEAN NOT NULL DEFAULT 0 "
        "CONSTRAINT ck_alerts_interrupted CHECK (interrupted IN (0, 1))"
    )


def downgrade() -> None:
    with op.batch_alter_table("alerts") as batch:
        batch.drop_column("interrupted")
