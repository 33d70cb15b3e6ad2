"""Opening, creating and upgrading the journal; CHECK constraints; file modes."""

from __future__ import annotations

import shutil
import sqlite3
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from tests.conftest import EXAMPLE_JOURNAL, REPO
from tracker.domain import journal_format, journal_writing
from tracker.storage import alert_rows, list_rows, repository
from tracker.storage.database import JournalDatabase, open_journal
from tracker.storage.errors import DamagedJournalError, NewerJournalError, StorageWriteError
from tracker.storage.journal_file import MIGRATIONS, head_revision, known_revisions
from tracker.storage.models import Base

FROZEN_0001 = REPO / "tests" / "fixtures" / "journal-schema-0001.sqlite3"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_journal_is_created_at_head_with_private_modes(data_dir: Path) -> None:
    db = open_journal(data_dir)
    try:
        with db.unit_of_work() as session:
            assert repository.counts(session) == dict.fromkeys(repository.TABLES, 0)
            version = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            assert version == head_revision()
            assert session.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert session.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
            assert session.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert session.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000
        assert mode(data_dir) == 0o700
        assert mode(db.path) == 0o600
        assert [p.name for p in data_dir.iterdir() if p.name.startswith(".")] == []
    finally:
        db.close()


def test_the_migrations_create_exactly_the_models_schema(db: JournalDatabase) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_revisions_are_read_from_the_shipped_scripts() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    assert script.get_current_head() == head_revision()
    walked = [rev.revision for rev in script.walk_revisions()]
    assert sorted(walked) == known_revisions()


# a journal of an earlier version, copied from the frozen first schema: plain, as every
# journal was before passphrases
@pytest.mark.plain_journal
def test_the_frozen_first_schema_opens_and_keeps_its_data(data_dir: Path) -> None:
    data_dir.mkdir()
    shutil.copy(FROZEN_0001, data_dir / "journal.sqlite3")
    db = open_journal(data_dir)
    try:
        with db.unit_of_work() as session:
            journal = list_rows.load_journal(session)
    finally:
        db.close()
    expected = journal_format.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    assert journal_writing.dumps(journal) == journal_writing.dumps(
        type(expected)(**{**expected.__dict__, "exported_at": None})
    )


def _journal_at(folder: Path, revision: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "journal.sqlite3"
    shutil.copy(FROZEN_0001, path)
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    con.close()
    return path


# a journal of an earlier version, copied from the frozen first schema: plain, as every
# journal was before passphrases
@pytest.mark.plain_journal
def test_a_journal_from_a_newer_version_is_refused_without_writing_a_byte(data_dir: Path) -> None:
    path = _journal_at(data_dir, "9999")
    before = path.read_bytes()
    with pytest.raises(NewerJournalError, match="made by a newer version of Spine Journal"):
        open_journal(data_dir)
    assert path.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["journal.sqlite3"]


def _failing_scripts(tmp_path: Path) -> Path:
    """The shipped migrations plus a 0002 that changes the schema and then fails."""
    scripts = tmp_path / "scripts"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0900_broken.py").write_text(
        '"""A migration that fails half-way."""\n'
        "from alembic import op\n"
        'revision = "0900"\n'
        f'down_revision = "{head_revision()}"\n'
        "branch_labels = None\n"
        "depends_on = None\n\n"
        "def upgrade() -> None:\n"
        '    op.execute("ALTER TABLE entries ADD COLUMN mood INTEGER")\n'
        '    op.execute("DELETE FROM treatments")\n'
        '    op.execute("CREATE TABLE half_made (x INTEGER)")\n'
        '    raise RuntimeError("simulated failure")\n'
    )
    return scripts


# a journal of an earlier version, copied from the frozen first schema: plain, as every
# journal was before passphrases
@pytest.mark.plain_journal
def test_a_failed_migration_leaves_the_journal_byte_identical(
    data_dir: Path, tmp_path: Path
) -> None:
    path = _journal_at(data_dir, "0001")
    before = path.read_bytes()
    with pytest.raises(RuntimeError, match="simulated failure"):
        open_journal(data_dir, _failing_scripts(tmp_path))
    assert path.read_bytes() == before
    backups = list((data_dir / "backups").iterdir())
    assert len(backups) == 1 and backups[0].read_bytes()[:16] == b"SQLite format 3\x00"
    assert mode(backups[0]) == 0o600
    # and it still opens with the shipped migrations, data intact
    db = open_journal(data_dir)
    try:
        with db.unit_of_work() as session:
            assert repository.counts(session)["treatments"] == 2
    finally:
        db.close()


# a journal of an earlier version, copied from the frozen first schema: plain, as every
# journal was before passphrases
@pytest.mark.plain_journal
def test_a_successful_migration_backs_up_first(data_dir: Path, tmp_path: Path) -> None:
    scripts = tmp_path / "scripts"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "0900_mood.py").write_text(
        f'from alembic import op\nrevision = "0900"\ndown_revision = "{head_revision()}"\n'
        "branch_labels = None\ndepends_on = None\n\n"
        "def upgrade() -> None:\n"
        '    op.execute("ALTER TABLE entries ADD COLUMN mood INTEGER")\n'
    )
    path = _journal_at(data_dir, "0001")
    open_journal(data_dir, scripts).close()
    with sqlite3.connect(path) as con:
        columns = [row[1] for row in con.execute("PRAGMA table_info(entries)")]
        version = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    assert "mood" in columns and version == "0900"
    (backup,) = (data_dir / "backups").iterdir()
    assert backup.name.startswith("journal-")
    assert backup.name.endswith("-before-upgrade-0001.sqlite3")
    with sqlite3.connect(backup) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    con.close()


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "is empty"), (b"this is a shopping list\n" * 100, "damaged or is not a journal")],
)
def test_a_file_that_is_not_a_journal_is_refused_and_kept(
    data_dir: Path, content: bytes, message: str
) -> None:
    data_dir.mkdir()
    path = data_dir / "journal.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DamagedJournalError, match=message):
        open_journal(data_dir)
    assert path.read_bytes() == content


def test_a_sqlite_file_of_another_program_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    with sqlite3.connect(data_dir / "journal.sqlite3") as con:
        con.execute("CREATE TABLE recipes (name TEXT)")
    con.close()
    with pytest.raises(DamagedJournalError, match="is not a Spine Journal journal"):
        open_journal(data_dir)


def test_a_folder_that_cannot_be_created_gives_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(StorageWriteError, match=r"cannot be created \(Permission denied\)"):
        open_journal(tmp_path / "nowhere")


ENTRY_ROW = {
    "id": "e1",
    "recorded_utc": "2026-11-03 08:00:00.000000",
    "utc_offset_min": 0,
    "local_day": "2026-11-03",
    "pain_score": 3,
    "worst_24h": None,
    "regions": "",
    "pain_night": 0,
    "pain_straining": 0,
    "pain_tender": 0,
    "radiating": "",
    "weak_left_arm": 0,
    "weak_right_arm": 0,
    "weak_left_leg": 0,
    "weak_right_leg": 0,
    "numb_arms": 0,
    "numb_legs": 0,
    "numb_trunk": 0,
    "numb_saddle": 0,
    "walking": 0,
    "bladder": "normal",
    "bowel": "normal",
    "sexual_change": 0,
    "fatigue": None,
    "note": "",
}
TREATMENT_ROW = {
    "id": "t1",
    "kind": "radiotherapy",
    "started_on": "2026-11-01",
    "ended_on": None,
    "site": None,
    "technique": None,
    "dose_gy": None,
    "fractions": None,
    "note": "",
}
BAD_ROWS = [
    ("entries", ENTRY_ROW, {"pain_score": 11}),
    ("entries", ENTRY_ROW, {"pain_score": -1}),
    ("entries", ENTRY_ROW, {"worst_24h": 11}),
    ("entries", ENTRY_ROW, {"fatigue": -1}),
    *(
        ("entries", ENTRY_ROW, {column: 4})
        for column in (
            "weak_left_arm",
            "weak_right_arm",
            "weak_left_leg",
            "weak_right_leg",
            "numb_arms",
            "numb_legs",
            "numb_trunk",
            "numb_saddle",
            "walking",
        )
    ),
    *(
        ("entries", ENTRY_ROW, {column: 2})
        for column in ("pain_night", "pain_straining", "pain_tender", "sexual_change")
    ),
    ("entries", ENTRY_ROW, {"bladder": "fine"}),
    ("entries", ENTRY_ROW, {"bowel": "fine"}),
    ("entries", ENTRY_ROW, {"note": "x" * 5001}),
    ("entries", ENTRY_ROW, {"utc_offset_min": 2000}),
    ("entries", ENTRY_ROW, {"id": ""}),
    ("treatments", TREATMENT_ROW, {"kind": "surgery"}),
    ("treatments", TREATMENT_ROW, {"ended_on": "2026-10-01"}),
    ("treatments", TREATMENT_ROW, {"technique": "proton"}),
    ("treatments", {**TREATMENT_ROW, "kind": "steroids"}, {"technique": "sbrt"}),
    ("treatments", TREATMENT_ROW, {"dose_gy": 0}),
    ("treatments", TREATMENT_ROW, {"fractions": 0}),
    ("treatments", TREATMENT_ROW, {"site": "x" * 41}),
    (
        "reviews",
        {"id": "r1", "reviewed_on": "2026-11-01", "symptom": "walking", "level": 1, "note": ""},
        {"level": 4},
    ),
    (
        "reviews",
        {"id": "r1", "reviewed_on": "2026-11-01", "symptom": "bladder", "level": 1, "note": ""},
        {"level": 3},
    ),
    (
        "reviews",
        {"id": "r1", "reviewed_on": "2026-11-01", "symptom": "pain.night", "level": 1, "note": ""},
        {"level": 2},
    ),
    (
        "reviews",
        {"id": "r1", "reviewed_on": "2026-11-01", "symptom": "walking", "level": 1, "note": ""},
        {"symptom": "numbness.saddle"},
    ),
    (
        "medications",
        {
            "id": "m1",
            "taken_utc": "2026-11-01 10:00:00",
            "utc_offset_min": 0,
            "name": "Oxycodone",
            "dose": "5 mg",
            "as_needed": 1,
            "note": "",
        },
        {"name": "   "},
    ),
    (
        "alerts",
        {
            "id": "a1",
            "raised_utc": "2026-11-01 10:00:00",
            "utc_offset_min": 0,
            "rule": "R1",
            "tier": "emergency",
            "entry_id": None,
            "acknowledged_utc": None,
            "acknowledged_offset_min": None,
            "action": None,
            "note": "",
        },
        {"rule": "R99"},
    ),
    (
        "alerts",
        {
            "id": "a1",
            "raised_utc": "2026-11-01 10:00:00",
            "utc_offset_min": 0,
            "rule": "R1",
            "tier": "emergency",
            "entry_id": None,
            "acknowledged_utc": None,
            "acknowledged_offset_min": None,
            "action": None,
            "note": "",
        },
        {"acknowledged_utc": "2026-11-01 10:05:00"},
    ),
]


@pytest.mark.parametrize(("table", "good", "bad"), BAD_ROWS)
def test_check_constraints_refuse_what_the_domain_refuses(
    db: JournalDatabase, table: str, good: dict[str, Any], bad: dict[str, Any]
) -> None:
    columns = ", ".join(good)
    marks = ", ".join(f":{c}" for c in good)
    statement = text(f"INSERT INTO {table} ({columns}) VALUES ({marks})")
    with db.engine.begin() as connection:
        connection.execute(statement, good)  # the good row is accepted
        connection.execute(text(f"DELETE FROM {table}"))
    with pytest.raises(IntegrityError, match="CHECK constraint failed"), db.engine.begin() as c:
        c.execute(statement, {**good, **bad})
    with db.unit_of_work() as session:
        assert repository.counts(session)[table] == 0


def test_entries_from_a_day_keep_every_offset_and_read_through_an_index(
    db: JournalDatabase,
) -> None:
    """An entry belongs to its own calendar day, whatever its offset (up to a day from UTC);
    and the query reads a range of the time index, not the whole table (the red-flag check
    after each save asks for the last days of what may be ten years)."""
    from sqlalchemy import event

    from tracker.domain.model import Entry, Pain

    east, west = (timezone(sign * timedelta(hours=23, minutes=59)) for sign in (1, -1))
    day_starts = [datetime(2026, 3, 10, 0, 0, tzinfo=zone) for zone in (east, west)]
    day_before = [datetime(2026, 3, 9, 23, 59, tzinfo=zone) for zone in (east, west)]
    with db.unit_of_work() as session:
        for when in [*day_starts, *day_before]:
            repository.insert_entry(session, Entry(recorded_at=when, pain=Pain(score=1)))
    statements: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        with db.unit_of_work() as session:
            found = repository.load_entries_from_day(session, date(2026, 3, 10))
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    # in time order: far east's midnight is a day earlier in UTC than far west's
    assert [e.recorded_at for e in found] == day_starts
    ((statement, parameters),) = [s for s in statements if "FROM entries" in s[0]]
    with db.unit_of_work() as session:
        plan = (
            session.connection()
            .exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            .fetchall()
        )
    details = " ".join(str(row[-1]) for row in plan)
    assert "SEARCH entries USING INDEX" in details and "SCAN entries" not in details, details


def test_the_first_listing_is_what_the_repository_reads(data_dir: Path) -> None:
    """The window lists the latest entries with ``sqlite3`` alone before the storage layer is
    imported: the same entries, in the same order, with the same red-flag rules."""
    from tracker.domain.demo import build_demo_journal
    from tracker.domain.model import Entry, Pain
    from tracker.services.exchange import ExchangeService
    from tracker.services.journal import JournalService
    from tracker.storage.first_listing import read_listing

    journal = build_demo_journal(1, end=date(2026, 11, 20))
    db = open_journal(data_dir)
    try:
        ExchangeService(db).import_journal(journal)
        flagged = Entry(
            recorded_at=datetime(2026, 11, 20, 21, 0, tzinfo=timezone.utc),
            pain=Pain(score=2),
            bowel="constipated",
        )
        assert JournalService(db).save_entry(flagged).flags.raised  # W2, logged
        since = datetime(2026, 9, 1, tzinfo=timezone(timedelta(hours=-14)))
        until = datetime(2026, 11, 21, 23, 59, tzinfo=timezone(timedelta(hours=14)))
        with db.unit_of_work() as session:
            entries = list_rows.load_entries(session, since, until)
            rules = alert_rows.alert_rules_by_entry(session, [str(e.id) for e in entries])
    finally:
        db.close()
    assert len(entries) > 80 and rules  # the demo's alerts name some of them
    assert read_listing(db.path, since, until) == (entries, rules)


# a journal of an earlier version, copied from the frozen first schema: plain, as every
# journal was before passphrases
@pytest.mark.plain_journal
def test_a_journal_to_upgrade_is_not_listed_before_it_is_opened(data_dir: Path) -> None:
    from tracker.storage.first_listing import read_listing

    path = _journal_at(data_dir, "0001")
    since = datetime(2000, 1, 1, tzinfo=timezone.utc)
    assert read_listing(path, since, datetime.now(timezone.utc)) is None
