"""The weekly ESAS-r forms (issue 20): a table of their own.

Each of the ten scores is NULL when not answered, never 0. The SQL is written out, frozen, like
0001's: it must create exactly the schema of 0005 journals, whatever the models become.

Revision ID: 0005
Revises: 0004 (written after 0003; re-chained after 0004 when the branches were merged)
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SCORES = (
    "pain", "tiredness", "drowsiness", "nausea", "appetite", "breath",
    "depression", "anxiety", "wellbeing", "other",
)  # fmt: skip


def _score_column(key: str) -> str:
    return f"    {key} INTEGER,\n"


def _score_check(key: str) -> str:
    return f"    CONSTRAINT ck_esas_forms_{key} CHECK ({key} IS NULL OR {key} BETWEEN 0 AND 10),\n"


TABLE = (
    "CREATE TABLE esas_forms (\n"
    "    pk INTEGER NOT NULL,\n"
    "    id VARCHAR(100) NOT NULL,\n"
    "    completed_utc DATETIME NOT NULL,\n"
    "    utc_offset_min INTEGER NOT NULL,\n"
    "    completed_by VARCHAR(30) NOT NULL,\n"
    + "".join(_score_column(key) for key in SCORES)
    + "    other_name VARCHAR(60) NOT NULL,\n"
    "    CONSTRAINT pk_esas_forms PRIMARY KEY (pk),\n"
    "    CONSTRAINT ck_esas_forms_completed_by CHECK (completed_by IN "
    "('patient', 'family_caregiver', 'professional_caregiver')),\n"
    + "".join(_score_check(key) for key in SCORES)
    + "    CONSTRAINT ck_esas_forms_other_name_length CHECK (length(other_name) <= 60),\n"
    "    CONSTRAINT ck_esas_forms_offset CHECK (utc_offset_min BETWEEN -1440 AND 1440),\n"
    "    CONSTRAINT ck_esas_forms_id_length CHECK (length(id) BETWEEN 1 AND 100),\n"
    "    CONSTRAINT uq_esas_forms_id UNIQUE (id)\n"
    ")"
)


def upgrade() -> None:
    op.execute(TABLE)
    op.execute("CREATE INDEX ix_esas_forms_completed_utc ON esas_forms (completed_utc)")


def downgrade() -> None:
    op.execute("DROP TABLE esas_forms")
