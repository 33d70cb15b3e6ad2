"""``export`` of the regular medicines, run as a person runs it: the doses' CSV and the
journal file's round trip through an empty journal."""

from __future__ import annotations

import csv
import io
import json
import stat
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tracker.domain.csv_medicines import DOSE_COLUMNS


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("medicines-cli") / "data"
    made = run_cli("demo", "--years", "1", "--end", "2026-11-20", data_dir=folder)
    assert made.returncode == 0, made.stderr
    return folder


def test_export_csv_doses_writes_one_private_row_per_dose_due(
    demo_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "doses.csv"
    result = run_cli("export", "--format", "csv-doses", "--out", str(out), data_dir=demo_dir)
    assert result.returncode == 0, result.stderr
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0] == list(DOSE_COLUMNS)
    statuses = {row[6] for row in rows[1:]}
    assert statuses == {"taken", "skipped", "not recorded"}
    journal = json.loads(run_cli("export", "--out", "-", data_dir=demo_dir).stdout)
    recorded = sum(1 for row in rows[1:] if row[6] != "not recorded")
    assert recorded == len(journal["dose_records"])


def test_a_v2_export_with_medicines_imports_into_an_empty_journal_unchanged(
    demo_dir: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    assert run_cli("export", "--out", str(first), data_dir=demo_dir).returncode == 0
    document = json.loads(first.read_text(encoding="utf-8"))
    assert document["medicines"] and document["dose_records"]
    empty = tmp_path / "empty"
    result = run_cli("import", str(first), data_dir=empty)
    assert result.returncode == 0, result.stderr
    second = tmp_path / "second.json"
    assert run_cli("export", "--out", str(second), data_dir=empty).returncode == 0
    again = json.loads(second.read_text(encoding="utf-8"))
    del document["exported_at"], again["exported_at"]
    assert again == document
