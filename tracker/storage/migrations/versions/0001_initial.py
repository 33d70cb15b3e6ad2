"""The first journal schema.

The tables are written out as SQL, frozen: this file must create exactly the schema that version
0001 journals have, whatever the models look like later.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

STATEMENTS = (
    """
CREATE TABLE appointments (
    pk INTEGER NOT NULL,
    id VARCHAR(100) NOT NULL,
    at_utc DATETIME NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    with_whom VARCHAR(200) NOT NULL,
    questions TEXT NOT NULL,
    notes TEXT NOT NULL,
    CONSTRAINT pk_appointments PRIMARY KEY (pk),
    CONSTRAINT ck_appointments_with_length CHECK (length(with_whom) <= 200),
    CONSTRAINT ck_appointments_questions_length CHECK (length(questions) <= 5000),
    CONSTRAINT ck_appointments_notes_length CHECK (length(notes) <= 5000),
    CONSTRAINT ck_appointments_offset CHECK (utc_offset_min BETWEEN -1440 AND 1440),
    CONSTRAINT ck_appointments_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_appointments_id UNIQUE (id)
)
    """,
    "CREATE INDEX ix_appointments_at_utc ON appointments (at_utc)",
    """
CREATE TABLE entries (
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
    weak_left_arm INTEGER NOT NULL,
    weak_right_arm INTEGER NOT NULL,
    weak_left_leg INTEGER NOT NULL,
    weak_right_leg INTEGER NOT NULL,
    numb_arms INTEGER NOT NULL,
    numb_legs INTEGER NOT NULL,
    numb_trunk INTEGER NOT NULL,
    numb_saddle INTEGER NOT NULL,
    walking INTEGER NOT NULL,
    bladder VARCHAR(20) NOT NULL,
    bowel VARCHAR(30) NOT NULL,
    sexual_change BOOLEAN NOT NULL,
    fatigue INTEGER,
    note TEXT NOT NULL,
    CONSTRAINT pk_entries PRIMARY KEY (pk),
    CONSTRAINT ck_entries_pain_score CHECK (pain_score BETWEEN 0 AND 10),
    CONSTRAINT ck_entries_worst_24h CHECK (worst_24h IS NULL OR worst_24h BETWEEN 0 AND 10),
    CONSTRAINT ck_entries_fatigue CHECK (fatigue IS NULL OR fatigue BETWEEN 0 AND 10),
    CONSTRAINT ck_entries_weak_left_arm CHECK (weak_left_arm BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_weak_right_arm CHECK (weak_right_arm BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_weak_left_leg CHECK (weak_left_leg BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_weak_right_leg CHECK (weak_right_leg BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_numb_arms CHECK (numb_arms BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_numb_legs CHECK (numb_legs BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_numb_trunk CHECK (numb_trunk BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_numb_saddle CHECK (numb_saddle BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_walking CHECK (walking BETWEEN 0 AND 3),
    CONSTRAINT ck_entries_pain_night CHECK (pain_night IN (0, 1)),
    CONSTRAINT ck_entries_pain_straining CHECK (pain_straining IN (0, 1)),
    CONSTRAINT ck_entries_pain_tender CHECK (pain_tender IN (0, 1)),
    CONSTRAINT ck_entries_sexual_change CHECK (sexual_change IN (0, 1)),
    CONSTRAINT ck_entries_bladder CHECK (bladder IN ('normal', 'changed', 'cannot_pass', 'leaking')),
    CONSTRAINT ck_entries_bowel CHECK (bowel IN ('normal', 'constipated', 'leaking_or_no_feeling')),
    CONSTRAINT ck_entries_note_length CHECK (length(note) <= 5000),
    CONSTRAINT ck_entries_offset CHECK (utc_offset_min BETWEEN -1440 AND 1440),
    CONSTRAINT ck_entries_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_entries_id UNIQUE (id)
)
    """,
    "CREATE INDEX ix_entries_local_day ON entries (local_day)",
    "CREATE INDEX ix_entries_recorded_utc ON entries (recorded_utc)",
    """
CREATE TABLE medications (
    pk INTEGER NOT NULL,
    id VARCHAR(100) NOT NULL,
    taken_utc DATETIME NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    name VARCHAR(200) NOT NULL,
    dose VARCHAR(200) NOT NULL,
    as_needed BOOLEAN NOT NULL,
    note TEXT NOT NULL,
    CONSTRAINT pk_medications PRIMARY KEY (pk),
    CONSTRAINT ck_medications_name_length CHECK (length(trim(name)) BETWEEN 1 AND 200),
    CONSTRAINT ck_medications_dose_length CHECK (length(dose) <= 200),
    CONSTRAINT ck_medications_as_needed CHECK (as_needed IN (0, 1)),
    CONSTRAINT ck_medications_note_length CHECK (length(note) <= 5000),
    CONSTRAINT ck_medications_offset CHECK (utc_offset_min BETWEEN -1440 AND 1440),
    CONSTRAINT ck_medications_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_medications_id UNIQUE (id)
)
    """,
    "CREATE INDEX ix_medications_taken_utc ON medications (taken_utc)",
    """
CREATE TABLE reviews (
    pk INTEGER NOT NULL,
    id VARCHAR(100) NOT NULL,
    reviewed_on DATE NOT NULL,
    symptom VARCHAR(40) NOT NULL,
    level INTEGER NOT NULL,
    note TEXT NOT NULL,
    CONSTRAINT pk_reviews PRIMARY KEY (pk),
    CONSTRAINT ck_reviews_symptom CHECK (symptom IN ('weakness.left_arm', 'weakness.right_arm', 'weakness.left_leg', 'weakness.right_leg', 'numbness.arms', 'numbness.legs', 'numbness.trunk', 'walking', 'bladder', 'bowel', 'sexual_change', 'pain.cervical', 'pain.thoracic', 'pain.night', 'pain.straining', 'pain.tender', 'pain.radiating.band', 'pain.radiating.arm', 'pain.radiating.leg', 'pain.radiating.both_legs')),
    CONSTRAINT ck_reviews_level CHECK (level BETWEEN 0 AND (CASE WHEN symptom IN ('bladder', 'bowel') THEN 2 WHEN symptom IN ('sexual_change', 'pain.cervical', 'pain.thoracic', 'pain.night', 'pain.straining', 'pain.tender', 'pain.radiating.band', 'pain.radiating.arm', 'pain.radiating.leg', 'pain.radiating.both_legs') THEN 1 ELSE 3 END)),
    CONSTRAINT ck_reviews_note_length CHECK (length(note) <= 5000),
    CONSTRAINT ck_reviews_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_reviews_id UNIQUE (id)
)
    """,
    "CREATE INDEX ix_reviews_reviewed_on ON reviews (reviewed_on)",
    """
CREATE TABLE settings (
    "key" VARCHAR(60) NOT NULL,
    value TEXT NOT NULL,
    CONSTRAINT pk_settings PRIMARY KEY ("key"),
    CONSTRAINT ck_settings_value_length CHECK (length(value) <= 200)
)
    """,
    """
CREATE TABLE treatments (
    pk INTEGER NOT NULL,
    id VARCHAR(100) NOT NULL,
    kind VARCHAR(30) NOT NULL,
    started_on DATE NOT NULL,
    ended_on DATE,
    site VARCHAR(40),
    technique VARCHAR(20),
    dose_gy DOUBLE,
    fractions INTEGER,
    note TEXT NOT NULL,
    CONSTRAINT pk_treatments PRIMARY KEY (pk),
    CONSTRAINT ck_treatments_kind CHECK (kind IN ('radiotherapy', 'kyphoplasty', 'vertebroplasty', 'decompression_surgery', 'stabilisation_surgery', 'en_bloc_resection', 'chemotherapy', 'targeted_therapy', 'immunotherapy', 'hormone_therapy', 'steroids', 'physiotherapy', 'nerve_block', 'other')),
    CONSTRAINT ck_treatments_ended_after_start CHECK (ended_on IS NULL OR ended_on >= started_on),
    CONSTRAINT ck_treatments_technique CHECK (technique IS NULL OR (kind = 'radiotherapy' AND technique IN ('conventional', 'sbrt', 'srs'))),
    CONSTRAINT ck_treatments_dose_gy CHECK (dose_gy IS NULL OR dose_gy > 0),
    CONSTRAINT ck_treatments_fractions CHECK (fractions IS NULL OR fractions >= 1),
    CONSTRAINT ck_treatments_site_length CHECK (site IS NULL OR length(site) <= 40),
    CONSTRAINT ck_treatments_note_length CHECK (length(note) <= 5000),
    CONSTRAINT ck_treatments_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_treatments_id UNIQUE (id)
)
    """,
    """
CREATE TABLE alerts (
    pk INTEGER NOT NULL,
    id VARCHAR(100) NOT NULL,
    raised_utc DATETIME NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    rule VARCHAR(4) NOT NULL,
    tier VARCHAR(10) NOT NULL,
    entry_id VARCHAR(100),
    acknowledged_utc DATETIME,
    acknowledged_offset_min INTEGER,
    action VARCHAR(30),
    note TEXT NOT NULL,
    CONSTRAINT pk_alerts PRIMARY KEY (pk),
    CONSTRAINT ck_alerts_rule CHECK (rule IN ('R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'W1', 'W2', 'W3')),
    CONSTRAINT ck_alerts_tier CHECK (tier IN ('emergency', 'urgent', 'watch')),
    CONSTRAINT ck_alerts_action CHECK (action IS NULL OR action IN ('called_helpline', 'went_to_hospital', 'discussed_with_team', 'reminder', 'acknowledged')),
    CONSTRAINT ck_alerts_ack_pair CHECK ((acknowledged_utc IS NULL) = (acknowledged_offset_min IS NULL)),
    CONSTRAINT ck_alerts_note_length CHECK (length(note) <= 5000),
    CONSTRAINT ck_alerts_offset CHECK (utc_offset_min BETWEEN -1440 AND 1440),
    CONSTRAINT ck_alerts_id_length CHECK (length(id) BETWEEN 1 AND 100),
    CONSTRAINT uq_alerts_id UNIQUE (id),
    CONSTRAINT fk_alerts_entry_id_entries FOREIGN KEY(entry_id) REFERENCES entries (id) ON DELETE SET NULL
)
    """,
    "CREATE INDEX ix_alerts_entry_id ON alerts (entry_id)",
    "CREATE INDEX ix_alerts_raised_utc ON alerts (raised_utc)",
    """
CREATE TABLE treatment_sessions (
    pk INTEGER NOT NULL,
    treatment_pk INTEGER NOT NULL,
    at_utc DATETIME NOT NULL,
    utc_offset_min INTEGER NOT NULL,
    done BOOLEAN NOT NULL,
    note TEXT NOT NULL,
    CONSTRAINT pk_treatment_sessions PRIMARY KEY (pk),
    CONSTRAINT ck_treatment_sessions_done CHECK (done IN (0, 1)),
    CONSTRAINT ck_treatment_sessions_note_length CHECK (length(note) <= 5000),
    CONSTRAINT ck_treatment_sessions_offset CHECK (utc_offset_min BETWEEN -1440 AND 1440),
    CONSTRAINT fk_treatment_sessions_treatment_pk_treatments FOREIGN KEY(treatment_pk) REFERENCES treatments (pk) ON DELETE CASCADE
)
    """,
    "CREATE INDEX ix_treatment_sessions_treatment_pk ON treatment_sessions (treatment_pk)",
)


def upgrade() -> None:
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    for table in (
        "treatment_sessions",
        "alerts",
        "treatments",
        "settings",
        "reviews",
        "medications",
        "entries",
        "appointments",
    ):
        op.execute(f"DROP TABLE {table}")
