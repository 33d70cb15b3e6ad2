"""The command line, run as a person runs it: a separate process, files in, files out."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, run_cli

DEMO_END = "2026-11-20"  # the day the fixed demo journal ends


def test_help_lists_the_commands_and_starts_no_window() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("demo", "import", "export", "check"):
        assert command in result.stdout


def test_import_then_export_gives_back_the_same_document(data_dir: Path, tmp_path: Path) -> None:
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    out = tmp_path / "out.json"
    result = run_cli("export", "--format", "json", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    original = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported.pop("exported_at")
    original.pop("exported_at")
    assert (exported.pop("version"), original.pop("version")) == (2, 1)  # written as version 2
    # version 2's lists of regular medicines, empty: version 1 has none
    assert (exported.pop("medicines"), exported.pop("dose_records")) == ([], [])
    assert exported == original  # every level as recorded in version 1
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_two_exports_of_the_same_data_are_byte_identical(data_dir: Path) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    first = run_cli("export", "--out", "-", data_dir=data_dir).stdout
    second = run_cli("export", "--out", "-", data_dir=data_dir).stdout
    strip = lambda text: [line for line in text.splitlines() if "exported_at" not in line]  # noqa: E731
    assert first.startswith('{\n  "format": "spine-journal"')
    assert strip(first) == strip(second)


def test_importing_the_same_file_twice_is_refused_and_stores_nothing(data_dir: Path) -> None:
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    before = run_cli("export", "--out", "-", data_dir=data_dir).stdout
    again = run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    assert again.returncode == 2
    assert "'e0008' is already in the journal" in again.stderr
    assert "Traceback" not in again.stderr
    after = run_cli("export", "--out", "-", data_dir=data_dir).stdout
    assert _without_export_time(after) == _without_export_time(before)


def _without_export_time(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if "exported_at" not in line)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["entries"][41 % len(d["entries"])]["pain"].update(score=11),
            "pain.score: 11 is above 10",
        ),
        (
            lambda d: d["entries"][0].update(recorded_at="2026-09-01 08:30"),
            "entries[0].recorded_at",
        ),
        (
            lambda d: d["alerts"][0].update(entry_id="nope"),
            "alerts[0].entry_id: 'nope' names no entry",
        ),
        (lambda d: d.update(extra=1), "extra: is not a field of this record"),
    ],
)
def test_a_bad_file_is_refused_with_its_field_and_nothing_is_stored(
    data_dir: Path, tmp_path: Path, mutate: object, message: str
) -> None:
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    mutate(document)  # type: ignore[operator]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = run_cli("import", str(bad), data_dir=data_dir)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    check = run_cli("check", data_dir=data_dir)
    assert "entries: 0" in check.stdout and "alerts: 0" in check.stdout


def test_a_file_that_is_not_there_or_not_json_is_bad_input(data_dir: Path, tmp_path: Path) -> None:
    missing = run_cli("import", str(tmp_path / "missing.json"), data_dir=data_dir)
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run_cli("import", str(garbage), data_dir=data_dir)
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_bad_usage_exits_2() -> None:
    assert run_cli("export").returncode == 2  # --out is required
    assert run_cli("export", "--format", "xml", "--out", "-").returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_export_into_a_missing_folder_is_bad_input(data_dir: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--out", str(tmp_path / "no" / "such" / "x.json"), data_dir=data_dir)
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_demo_is_seeded_and_refuses_a_journal_that_is_not_empty(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert run_cli("demo", "--years", "1", "--end", DEMO_END, data_dir=first).returncode == 0
    assert run_cli("demo", "--years", "1", "--end", DEMO_END, data_dir=second).returncode == 0
    one = _without_export_time(run_cli("export", "--out", "-", data_dir=first).stdout)
    two = _without_export_time(run_cli("export", "--out", "-", data_dir=second).stdout)
    assert one == two
    document = json.loads(run_cli("export", "--out", "-", data_dir=first).stdout)
    days = {e["recorded_at"][:10] for e in document["entries"]}
    assert 360 <= len(days) <= 366
    assert {t["kind"] for t in document["treatments"]} >= {
        "radiotherapy",
        "steroids",
        "kyphoplasty",
    }
    radiotherapy = next(t for t in document["treatments"] if t["kind"] == "radiotherapy")
    assert len(radiotherapy["sessions"]) == radiotherapy["fractions"]
    assert any(m["as_needed"] for m in document["medications"])
    assert document["reviews"] and document["appointments"]
    again = run_cli("demo", data_dir=first)
    assert again.returncode == 1 and "is not empty" in again.stderr


def test_demo_ends_yesterday_unless_given_an_end(tmp_path: Path) -> None:
    before = date.today() - timedelta(days=1)
    assert run_cli("demo", "--years", "1", data_dir=tmp_path / "now").returncode == 0
    after = date.today() - timedelta(days=1)  # the same day, unless midnight passed meanwhile
    document = json.loads(run_cli("export", "--out", "-", data_dir=tmp_path / "now").stdout)
    latest = max(e["recorded_at"][:10] for e in document["entries"])
    assert latest in {before.isoformat(), after.isoformat()}
    fixed = tmp_path / "fixed"
    assert run_cli("demo", "--years", "1", "--end", "2025-03-02", data_dir=fixed).returncode == 0
    document = json.loads(run_cli("export", "--out", "-", data_dir=fixed).stdout)
    assert max(e["recorded_at"][:10] for e in document["entries"]) == "2025-03-02"


@pytest.mark.parametrize("end", ["2026-02-30", "yesterday", "20261120"])
def test_demo_refuses_an_end_that_is_not_a_date(data_dir: Path, end: str) -> None:
    result = run_cli("demo", "--years", "1", "--end", end, data_dir=data_dir)
    assert result.returncode == 2
    assert (
        result.stderr.count("\n") == 1 and "--end" in result.stderr and "real date" in result.stderr
    )
    counts = run_cli("check", data_dir=data_dir)
    assert counts.returncode == 0 and "entries: 0" in counts.stdout  # nothing was written


def test_demo_refuses_a_silly_number_of_years(data_dir: Path) -> None:
    result = run_cli("demo", "--years", "0", data_dir=data_dir)
    assert result.returncode == 2 and "--years" in result.stderr


def test_check_prints_the_counts(data_dir: Path) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    result = run_cli("check", data_dir=data_dir)
    assert result.returncode == 0
    assert "entries: 23" in result.stdout and "treatments: 2" in result.stdout
    assert "Integrity check: ok" in result.stdout


def test_the_data_folder_comes_from_option_then_environment(tmp_path: Path) -> None:
    from_env, from_option = tmp_path / "env", tmp_path / "option"
    env = {"SPINE_JOURNAL_DATA_DIR": str(from_env)}
    assert run_cli("import", str(EXAMPLE_JOURNAL), env=env).returncode == 0
    assert (from_env / "journal.sqlite3").exists()
    run_cli("--data-dir", str(from_option), "check", env=env)
    assert (from_option / "journal.sqlite3").exists()
    assert "entries: 0" in run_cli("check", data_dir=from_option, env=env).stdout


def test_without_a_data_folder_the_journal_goes_to_the_users_data_location(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
    result = run_cli("check", env=env)
    assert result.returncode == 0, result.stderr
    assert (home / "share" / "spine-journal" / "journal.sqlite3").exists()
    assert stat.S_IMODE((home / "share" / "spine-journal").stat().st_mode) == 0o700


def test_files_are_private_even_with_a_permissive_umask(data_dir: Path) -> None:
    old = os.umask(0o000)
    try:
        run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    finally:
        os.umask(old)
    for path in [data_dir, *data_dir.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path
