"""Regular medicines and the record of each dose due (issue 19): two new tables.

``medicines`` holds each medicine on a schedule (its times of day and a reducing course's steps
as text the domain checks); ``dose_records`` what became of a dose due (taken at its real time,
or skipped), one row at most for a medicine, day and time of day, removed with its medicine.
The as-needed painkiller doses stay in ``medications``. The SQL is written out, frozen, as
0001's and 0003's: it must create exactly the schema of 0004 journals.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

CREATE = (
    """
CREATE TABLE medicines (
    pk INTEGER NOT NULL,
    id VARCHAR(100) NOT NULL,
    name VARCHAR(200) NOT NULL,
    dose DOUBLE NOT NULL,
    unit VARCHAR(20) NOT NULL,
    route VARCHAR(30) NOT NULL,
    times VARCHAR(100) NOT NULL,
    started_on DATE NOT NULL,
    ended_on DATE,
    reason TEXT NOT NULL,
    steps TEXT NOT NULL,
    steroid BOOLEAN NOT NULL,
    CONSTRAINT pk_medicines PRIMARY KEY (pk),
    CONSTRAINT ck_medicines_name_length CHECK (length(trim(name)) BETWEEN 1 AND 200),
    CONSTRAINT ck_medicines_dose CHECK (dose > 0 AND dose <= 100000),
    CONSTRAINT ck_medicines_unit CHECK (unit IN ('mg', 'microgram', 'g', 'ml', 'tablet', 'capsule', 'patch', 'puff', 'drop', 'unit')),
    CONSTRAINT ck_medicines_route CHECK (route IN ('by mouth', 'under the tongue', 'skin patch', 'injection', 'rectal', 'inhaled', 'other')),
    CONSTRAINT ck_medicines_times_length CHECK (length(times) BETWEEN 5 AND 100),
    CONSTRAINT ck_medicines_ended_after_start CHECK (ended_on IS NULL OR ended_on >= started_on),
    CONSTRAINT ck_medicines_reason_length CHECK (length(reason) <= 5000),
    CONSTRAINT ck_medicines_steps_length CHECK (length(steps) <= 1000),
    CONSTRAINT ck_medicines_steroid CHECK (steroid IN (0, 1)),
    CONSTRAINT ck_medicines_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_medicines_id UNIQUE (id)
)
""",
    """
CREATE TABLE dose_records (
    pk INTEGER NOT NULL,
    id VARCHAR(100) NOT NULL,
    medicine_id VARCHAR(100) NOT NULL,
    due_on DATE NOT NULL,
    due_time VARCHAR(5) NOT NULL,
    status VARCHAR(10) NOT NULL,
    taken_utc DATETIME,
    taken_offset_min INTEGER,
    note TEXT NOT NULL,
    CONSTRAINT pk_dose_records PRIMARY KEY (pk),
    CONSTRAINT uq_dose_records_due UNIQUE (medicine_id, due_on, due_time),
    CONSTRAINT ck_dose_records_status CHECK (status IN ('taken', 'skipped')),
    CONSTRAINT ck_dose_records_taken_pair CHECK ((status = 'taken') = (taken_utc IS NOT NULL AND taken_offset_min IS NOT NULL) AND (taken_utc IS NULL) = (taken_offset_min IS NULL)),
    CONSTRAINT ck_dose_records_due_time_length CHECK (length(due_time) = 5),
    CONSTRAINT ck_dose_records_offset CHECK (taken_offset_min IS NULL OR taken_offset_min BETWEEN -1440 AND 1440),
    CONSTRAINT ck_dose_records_note_length CHECK (length(note) <= 5000),
    CONSTRAINT ck_dose_records_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_dose_records_id UNIQUE (id),
    CONSTRAINT fk_dose_records_medicine_id_medicines FOREIGN KEY(medicine_id) REFERENCES medicines (id) ON DELETE CASCADE
)
""",
    """
CREATE INDEX ix_dose_records_due_on ON dose_records (due_on)
""",
)


def upgrade() -> None:
    for statement in CREATE:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TABLE dose_records")
    op.execute("DROP TABLE medicines")
