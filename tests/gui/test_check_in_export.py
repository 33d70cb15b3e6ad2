"""Issue 17's "Checked by", as a person does it: in the real window on an imported version 1
journal, Ctrl+N, 6, Ctrl+S, Ctrl+Q; then the command line's export. The new entry has pain 6 and
its five signs not asked (null), the export is version 2, the version 1 entries keep the levels
they were recorded with, and the version 2 export imports into an empty journal and exports again
unchanged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import EXAMPLE_JOURNAL, run_cli
from tracker.app import build_window

SIGNS = ("weakness", "numbness", "walking", "bladder", "bowel")
CTRL = Qt.KeyboardModifier.ControlModifier


def exported(data_dir: Path, out: Path) -> dict[str, Any]:
    result = run_cli("export", "--format", "json", "--out", str(out), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return document


def without_time(document: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "exported_at"}


def test_ctrl_n_6_ctrl_s_ctrl_q_stores_pain_6_with_every_sign_not_asked(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    session = build_window(data_dir)
    window = session.window
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        window.show()
    qtbot.waitUntil(lambda: window.started_up, timeout=10000)
    try:
        qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_6)
        qtbot.keyClick(focused, Qt.Key.Key_S, CTRL)
        qtbot.keyClick(window, Qt.Key.Key_Q, CTRL)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    finally:
        session.close()

    document = exported(data_dir, tmp_path / "after.json")
    assert (document["format"], document["version"]) == ("spine-journal", 2)
    example = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    assert example["version"] == 1
    old_ids = {entry["id"] for entry in example["entries"]}
    (new,) = [entry for entry in document["entries"] if entry["id"] not in old_ids]
    assert new["pain"]["score"] == 6
    assert new["weakness"] == dict.fromkeys(new["weakness"])  # every limb null
    assert new["numbness"] == dict.fromkeys(new["numbness"]) and new["numbness"]
    assert [new[sign] for sign in ("walking", "bladder", "bowel")] == [None, None, None]
    kept = {entry["id"]: entry for entry in document["entries"]}
    for entry in example["entries"]:  # each recorded level as it was in the version 1 file
        for sign in SIGNS:
            if sign in entry:
                assert kept[entry["id"]][sign] == entry[sign], (entry["id"], sign)

    again = tmp_path / "again"
    imported = run_cli("import", str(tmp_path / "after.json"), data_dir=again)
    assert imported.returncode == 0, imported.stderr
    assert without_time(exported(again, tmp_path / "again.json")) == without_time(document)
