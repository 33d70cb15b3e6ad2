"""The five screening signs of an entry may be NULL, "not asked" (issue 17).

Every weakness and numbness level, walking, bladder and bowel. Until now an entry saved without
answering the nerve questions stored 0 or "normal", which reads as "none" although nobody asked.
Stored rows keep their values: what was stored before this revision is what the person had
recorded then (the old form always gave an answer).

SQLite cannot drop NOT NULL from a column, so the table is rebuilt as SQLite's documentation
describes (create the new table, copy, drop the old one, rename), inside the caller's transaction
with foreign keys off (``storage.database.migrate``), which then runs ``foreign_key_check``. The
SQL is written out, frozen, like 0001's: it must create exactly the schema of 0003 journals.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SCREENING_COLUMNS = (
    "weak_left_arm", "weak_right_arm", "weak_left_leg", "weak_right_leg",
    "numb_arms", "numb_legs", "numb_trunk", "numb_saddle", "walking", "bladder", "bowel",
)  # fmt: skip

COLUMNS = (
    "pk", "id", "recorded_utc", "utc_offset_min", "local_day", "pain_score", "worst_24h",
    "regions", "pain_night", "pain_straining", "pain_tender", "radiating", *SCREENING_COLUMNS,
    "sexual_change", "fatigue", "note",
)  # fmt: skip


def _table(name: str, null: str) -> str:
    """The entries table; ``null`` is "" for the screening columns to allow NULL, or
    " NOT NULL" (the 0001 schema, for the downgrade)."""
    allow = "" if null else " IS NULL OR"

    def level(column: str) -> str:
        return f"CONSTRAINT ck_entries_{column} CHECK ({column}{allow} {column} BETWEEN 0 AND 3)"

    def plain(column: str) -> str:
        return f"{column} IS NULL OR " if not null else ""

    levels = ",\n    ".join(level(c) for c in SCREENING_COLUMNS[:9])
    return f"""
CREATE TABLE {name} (
    pk INTEGER NOT NULL,
    id VARCHAR(100) NOT NULL,
    recorded_utc DATETIME NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    local_day DATE NOT NULL,
    pain_score INTEGER NOT NULL,
    worst_24h INTEGER,
    regions VARCHAR(60) NOT NULL,
    pain_night BOOLEAN NOT NULL,
    pain_straining BOOLEAN NOT NULL,
    pain_tender BOOLEAN NOT NULL,
    radiating VARCHAR(60) NOT NULL,
    weak_left_arm INTEGER{null},
    weak_right_arm INTEGER{null},
    weak_left_leg INTEGER{null},
    weak_right_leg INTEGER{null},
    numb_arms INTEGER{null},
    numb_legs INTEGER{null},
    numb_trunk INTEGER{null},
    numb_saddle INTEGER{null},
    walking INTEGER{null},
    bladder VARCHAR(20){null},
    bowel VARCHAR(30){null},
    sexual_change BOOLEAN NOT NULL,
    fatigue INTEGER,
    note TEXT NOT NULL,
    CONSTRAINT pk_entries PRIMARY KEY (pk),
    CONSTRAINT ck_entries_pain_score CHECK (pain_score BETWEEN 0 AND 10),
    CONSTRAINT ck_entries_worst_24h CHECK (worst_24h IS NULL OR worst_24h BETWEEN 0 AND 10),
    CONSTRAINT ck_entries_fatigue CHECK (fatigue IS NULL OR fatigue BETWEEN 0 AND 10),
    {levels},
    CONSTRAINT ck_entries_pain_night CHECK (pain_night IN (0, 1)),
    CONSTRAINT ck_entries_pain_straining CHECK (pain_straining IN (0, 1)),
    CONSTRAINT ck_entries_pain_tender CHECK (pain_tender IN (0, 1)),
    CONSTRAINT ck_entries_sexual_change CHECK (sexual_change IN (0, 1)),
    CONSTRAINT ck_entries_bladder CHECK ({plain("bladder")}bladder IN \
('normal', 'changed', 'cannot_pass', 'leaking')),
    CONSTRAINT ck_entries_bowel CHECK ({plain("bowel")}bowel IN \
('normal', 'constipated', 'leaking_or_no_feeling')),
    CONSTRAINT ck_entries_note_length CHECK (length(note) <= 5000),
    CONSTRAINT ck_entries_offset CHECK (utc_offset_min BETWEEN -1440 AND 1440),
    CONSTRAINT ck_entries_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_entries_id UNIQUE (id)
)
"""


def _rebuild(null: str) -> None:
    columns = ", ".join(COLUMNS)
    op.execute(_table("entries_rebuilt", null))
    op.execute(f"INSERT INTO entries_rebuilt ({columns}) SELECT {columns} FROM entries")
    op.execute("DROP TABLE entries")
    op.execute("ALTER TABLE entries_rebuilt RENAME TO entries")
    op.execute("CREATE INDEX ix_entries_local_day ON entries (local_day)")
    op.execute("CREATE INDEX ix_entries_recorded_utc ON entries (recorded_utc)")


def upgrade() -> None:
    _rebuild("")


def downgrade() -> None:
    # Revision 0002 cannot say "not asked": writing 0 or "normal" instead would record an answer
    # nobody gave, so a journal holding one is not downgraded.
    asked = " AND ".join(f"{c} IS NOT NULL" for c in SCREENING_COLUMNS)
    bind = op.get_bind()
    if bind.exec_driver_sql(f"SELECT 1 FROM entries WHERE NOT ({asked}) LIMIT 1").first():
        raise RuntimeError("entries with signs not asked cannot be kept by revision 0002")
    _rebuild(" NOT NULL")
