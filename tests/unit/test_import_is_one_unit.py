"""An import is one unit with its red-flag check: a failure after the file was validated leaves
nothing of the import in the journal, and the command says so in one sentence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_date_range import small_journal, write_journal
from tracker import cli
from tracker.services.alerts import AlertService, FlagOutcome


def stored_journal(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()  # what came before
    assert cli.run(["export", "--out", "-", "--data-dir", str(data_dir)]) == 0
    document: dict[str, object] = json.loads(capsys.readouterr().out)
    document.pop("exported_at")
    return document


def test_a_failing_red_flag_check_leaves_nothing_of_the_import(
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = small_journal()
    assert cli.run(["import", str(write_journal(tmp_path / "a.json", first)), "--data-dir",
                    str(data_dir)]) == 0  # fmt: skip
    before = stored_journal(data_dir, capsys)
    # A second file: new entries (one with a weak leg, so the check has flags to log) and a
    # helpline number the stored journal lacks.
    second = small_journal()
    second["entries"] = [
        {"recorded_at": "2026-11-20T08:00:00+00:00", "pain": {"score": 6}},
        {"recorded_at": "2026-11-21T08:00:00+00:00", "pain": {"score": 7},
         "weakness": {"left_leg": 2}},
    ]  # fmt: skip
    second["contacts"] = {"helpline": "0800 000 000"}
    source = write_journal(tmp_path / "b.json", second)
    checked: list[int] = []

    def failing_check(self: AlertService, session: object) -> FlagOutcome:
        checked.append(1)
        raise OverflowError("date value out of range")

    monkeypatch.setattr(AlertService, "after_import", failing_check)
    capsys.readouterr()
    code = cli.run(["import", str(source), "--data-dir", str(data_dir)])
    err = capsys.readouterr().err
    assert checked == [1]  # the check ran, after the records were written
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and err.strip().endswith(".")
    assert "was not imported, nothing of it was stored" in err and "OverflowError" in err
    assert stored_journal(data_dir, capsys) == before

    monkeypatch.undo()  # the same file imports once the check works
    assert cli.run(["import", str(source), "--data-dir", str(data_dir)]) == 0
    after = stored_journal(data_dir, capsys)
    assert isinstance(after["entries"], list) and len(after["entries"]) == 4
    assert isinstance(after["alerts"], list) and after["alerts"]  # the weak leg was flagged
    assert after["contacts"] == {**before_contacts(before), "helpline": "0800 000 000"}


def before_contacts(document: dict[str, object]) -> dict[str, object]:
    contacts = document["contacts"]
    assert isinstance(contacts, dict) and contacts["helpline"] == ""
    return contacts
