"""The journal holds days from 1900-01-01 to 2199-12-31: a date or time outside them is bad
input wherever it enters (a journal file, a CSV, ``--from`` / ``--to``), exit 2 with one
sentence naming the field, and nothing is stored. An import is one unit with its red-flag
check: if anything after the validation fails, nothing of it stays."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import run_cli


def small_journal() -> dict[str, object]:
    """A journal file of a few records of each kind that has a date or a time."""
    return {
        "format": "spine-journal",
        "version": 1,
        "entries": [
            {"recorded_at": "2026-11-02T08:15:00+00:00", "pain": {"score": 4}},
            {"recorded_at": "2026-11-03T08:15:00+01:00", "pain": {"score": 5}, "walking": 1},
        ],
        "treatments": [
            {
                "kind": "radiotherapy",
                "started_on": "2026-10-01",
                "ended_on": "2026-10-05",
                "site": "T10",
                "sessions": [{"at": "2026-10-01T10:00:00+00:00"}],
            }
        ],
        "medications": [{"taken_at": "2026-11-02T09:00:00+00:00", "name": "Paracetamol"}],
        "reviews": [],
        "alerts": [],
        "appointments": [{"at": "2026-11-10T14:30:00+00:00", "with": "Oncology clinic"}],
    }


def write_journal(path: Path, document: dict[str, object]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def one_entry_journal(tmp_path: Path, recorded_at: str) -> Path:
    document = {**small_journal(), "treatments": [], "medications": [], "appointments": []}
    document["entries"] = [{"recorded_at": recorded_at, "pain": {"score": 3}}]
    path = tmp_path / f"journal-{recorded_at[:4]}.json"
    return write_journal(path, document)


def exported(data_dir: Path) -> dict[str, object]:
    """The whole stored journal (but the time of the export)."""
    result = run_cli("export", "--out", "-", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    document.pop("exported_at")
    return document


@pytest.mark.parametrize(
    ("recorded_at", "problem"),
    [
        ("9999-12-31T23:59:59+00:00", "9999-12-31T23:59:59+00:00 is after 2199-12-31"),
        ("0001-01-01T00:00:00+00:00", "0001-01-01T00:00:00+00:00 is before 1900-01-01"),
        ("2200-01-01T00:00:00+00:00", "2200-01-01T00:00:00+00:00 is after 2199-12-31"),
        ("1899-12-31T23:59:59+00:00", "1899-12-31T23:59:59+00:00 is before 1900-01-01"),
    ],
)
def test_an_entry_outside_the_journals_days_is_refused_and_nothing_stored(
    data_dir: Path, tmp_path: Path, recorded_at: str, problem: str
) -> None:
    stored = write_journal(tmp_path / "stored.json", small_journal())
    assert run_cli("import", str(stored), data_dir=data_dir).returncode == 0
    before = exported(data_dir)
    source = one_entry_journal(tmp_path, recorded_at)
    for _attempt in range(2):  # the same file twice: refused the same way, nothing stored
        result = run_cli("import", str(source), data_dir=data_dir)
        assert result.returncode == 2, result.stderr
        assert f"entries[0].recorded_at: {problem}" in result.stderr
        assert "unexpected" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert exported(data_dir) == before
    for command in (("flags",), ("chart", "--out", str(tmp_path / "c.png"))):
        assert run_cli(*command, data_dir=data_dir).returncode == 0


@pytest.mark.parametrize("recorded_at", ["1900-01-01T00:00:00+00:00", "2199-12-31T23:59:59+00:00"])
def test_the_first_and_last_days_are_accepted_and_read_back(
    data_dir: Path, tmp_path: Path, recorded_at: str
) -> None:
    result = run_cli("import", str(one_entry_journal(tmp_path, recorded_at)), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    entries = exported(data_dir)["entries"]
    assert isinstance(entries, list) and entries[0]["recorded_at"] == recorded_at
    flags = run_cli("flags", data_dir=data_dir)
    assert flags.returncode == 0, flags.stderr
    assert json.loads(flags.stdout)["evaluated_entry"] == recorded_at
    chart = run_cli("chart", "--out", str(tmp_path / "c.svg"), data_dir=data_dir)
    assert chart.returncode == 0, chart.stderr


def test_a_treatment_date_and_a_session_time_out_of_range_are_named(
    data_dir: Path, tmp_path: Path
) -> None:
    document = small_journal()
    cases = [
        ("treatments", "started_on", "2200-01-01", "treatments[0].started_on: 2200-01-01 is after"),
        ("appointments", "at", "1899-12-31T09:00:00+00:00", "appointments[0].at: 1899-12-31T09"),
    ]
    for name, key, value, message in cases:
        changed = json.loads(json.dumps(document))
        changed[name][0][key] = value
        source = write_journal(tmp_path / f"{name}.json", changed)
        result = run_cli("import", str(source), data_dir=data_dir)
        assert result.returncode == 2, result.stderr
        assert message in result.stderr
    assert "entries: 0" in run_cli("check", data_dir=data_dir).stdout


def test_a_csv_row_out_of_range_is_refused(data_dir: Path, tmp_path: Path) -> None:
    source = data_dir.parent / "source"
    stored = write_journal(tmp_path / "stored.json", small_journal())
    assert run_cli("import", str(stored), data_dir=source).returncode == 0
    out = tmp_path / "entries.csv"
    assert run_cli("export", "--format", "csv", "--out", str(out), data_dir=source).returncode == 0
    lines = out.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    first = lines[1].split(",", 2)
    lines[1] = ",".join([first[0], "9999-12-31T23:59:59+00:00", first[2]])
    assert lines[1] != out.read_text(encoding="utf-8-sig").splitlines(keepends=True)[1]
    bad = tmp_path / "bad.csv"
    bad.write_text("".join(lines), encoding="utf-8")
    result = run_cli("import", str(bad), data_dir=data_dir)
    assert result.returncode == 2, result.stderr
    assert "recorded_at: 9999-12-31T23:59:59+00:00 is after 2199-12-31" in result.stderr
    assert "entries: 0" in run_cli("check", data_dir=data_dir).stdout


@pytest.mark.parametrize(
    ("command", "option", "value", "message"),
    [
        ("chart", "--from", "1899-12-31", "--from 1899-12-31 is before 1900-01-01."),
        ("chart", "--to", "2200-01-01", "--to 2200-01-01 is after 2199-12-31."),
        ("report", "--from", "0001-01-01", "--from 0001-01-01 is before 1900-01-01."),
        ("report", "--to", "9999-12-31", "--to 9999-12-31 is after 2199-12-31."),
    ],
)
def test_a_period_outside_the_journals_days_is_bad_usage(
    data_dir: Path, tmp_path: Path, command: str, option: str, value: str, message: str
) -> None:
    suffix = ".png" if command == "chart" else ".pdf"
    out = tmp_path / f"out{suffix}"
    result = run_cli(command, option, value, "--out", str(out), data_dir=data_dir)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"spine-journal {command}: {message}"
    assert not out.exists()


def test_a_period_on_the_last_days_is_accepted(data_dir: Path, tmp_path: Path) -> None:
    for command, suffix in (("chart", ".png"), ("report", ".pdf")):
        out = tmp_path / f"out{suffix}"
        result = run_cli(
            command, "--from", "2199-12-01", "--to", "2199-12-31", "--out", str(out),
            data_dir=data_dir,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0
    chart = run_cli("chart", "--from", "1900-01-01", "--to", "1900-02-01", "--out",
                    str(tmp_path / "early.svg"), data_dir=data_dir)  # fmt: skip
    assert chart.returncode == 0, chart.stderr


def test_a_journal_an_older_version_left_out_of_range_says_what_to_do(
    data_dir: Path, tmp_path: Path
) -> None:
    """An older version stored a year-9999 entry before its import failed: reading it back is
    one sentence that names the record and the way out, not an unexpected error."""
    stored = write_journal(tmp_path / "stored.json", small_journal())
    assert run_cli("import", str(stored), data_dir=data_dir).returncode == 0
    with sqlite3.connect(data_dir / "journal.sqlite3") as con:
        con.execute(
            "UPDATE entries SET recorded_utc = '9999-12-31 23:59:59.000000', "
            "local_day = '9999-12-31', utc_offset_min = 0 WHERE local_day = '2026-11-02'"
        )
    con.close()
    chart = ("chart", "--out", str(tmp_path / "c.png"))
    for command, problem in (
        (("export", "--out", "-"), "recorded_at: 9999-12-31T23:59:59+00:00 is after 2199-12-31"),
        (("flags",), "recorded_at: 9999-12-31T23:59:59+00:00 is after 2199-12-31"),
        (chart, "recorded day: 9999-12-31 is after 2199-12-31"),
    ):
        result = run_cli(*command, data_dir=data_dir)
        assert result.returncode == 1
        message = result.stderr.strip()
        assert len(message.splitlines()) == 1 and "unexpected" not in message
        assert problem in message and "restore --list" in message
