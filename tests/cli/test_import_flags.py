"""An import runs the red-flag rules on the most recent entry and logs what fired, once."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXAMPLE_JOURNAL, run_cli


def with_weak_leg_last(tmp_path: Path, *, logged: bool) -> Path:
    """The example journal whose most recent entry records new weakness of the left leg."""
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    latest = max(document["entries"], key=lambda e: e["recorded_at"])
    latest["weakness"]["left_leg"] = 2
    if logged:  # the file already carries the alert the app raised at the time
        document["alerts"].append(
            {
                "id": "a-r1",
                "raised_at": latest["recorded_at"],
                "rule": "R1",
                "tier": "emergency",
                "entry_id": latest["id"],
                "acknowledged_at": None,
                "action": "called_helpline",
                "note": "",
            }
        )
    path = tmp_path / "weak.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def exported_alerts(data_dir: Path) -> list[dict[str, object]]:
    result = run_cli("export", "--out", "-", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    alerts: list[dict[str, object]] = json.loads(result.stdout)["alerts"]
    return alerts


def test_an_import_logs_the_red_flags_of_the_most_recent_entry(
    data_dir: Path, tmp_path: Path
) -> None:
    result = run_cli("import", str(with_weak_leg_last(tmp_path, logged=False)), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "red flags (R1; highest: emergency)" in result.stdout
    assert "spine-journal flags" in result.stdout
    r1 = [a for a in exported_alerts(data_dir) if a["rule"] == "R1"]
    assert len(r1) == 1 and r1[0]["tier"] == "emergency" and r1[0]["action"] is None


def test_an_alert_the_file_already_logged_is_not_logged_twice(
    data_dir: Path, tmp_path: Path
) -> None:
    result = run_cli("import", str(with_weak_leg_last(tmp_path, logged=True)), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    r1 = [a for a in exported_alerts(data_dir) if a["rule"] == "R1"]
    assert [a["action"] for a in r1] == ["called_helpline"]


def test_a_journal_without_red_flags_on_its_latest_entry_imports_unchanged(
    data_dir: Path,
) -> None:
    result = run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "red flags" not in result.stdout
    original = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))["alerts"]
    assert exported_alerts(data_dir) == original
