"""The weekly forms through the command line: the demo has them, ``export --format esas-csv``
writes their own CSV file (private, one row a form), and the JSON export carries them back."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

from tests.conftest import run_cli
from tracker.domain.csv_esas import ESAS_CSV_COLUMNS
from tracker.services.esas import EsasService
from tracker.storage.database import open_journal


def test_the_demos_forms_export_as_their_own_csv_and_in_the_json(
    data_dir: Path, tmp_path: Path
) -> None:
    made = run_cli("demo", "--years", "1", "--end", "2026-11-20", data_dir=data_dir)
    assert made.returncode == 0, made.stderr
    out = tmp_path / "esas.csv"
    result = run_cli("export", "--format", "esas-csv", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 52 and list(rows[0]) == list(ESAS_CSV_COLUMNS)
    assert any(row["breath"] == "" for row in rows)  # not answered: an empty cell, never 0
    whole = tmp_path / "journal.json"
    assert run_cli("export", "--out", str(whole), data_dir=data_dir).returncode == 0
    forms = json.loads(whole.read_text(encoding="utf-8"))["esas_forms"]
    assert [f["id"] for f in forms] == [row["id"] for row in rows]
    again = run_cli("import", str(whole), data_dir=tmp_path / "again")
    assert again.returncode == 0, again.stderr
    db = open_journal(tmp_path / "again")
    try:
        assert len(EsasService(db).list()) == 52
    finally:
        db.close()
