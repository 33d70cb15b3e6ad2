"""The one-folder bundle (``make bundle``, tools/build_bundle.py), built from the checkout,
moved away from it and run with a bare environment, as on a machine with no Python: the
commands, the summary PDF, the chart and the window all work from what the bundle carries."""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_report_cli import pdftotext
from tests.conftest import REPO
from tests.unit.test_build_bundle import build_bundle

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def bare_environment(home: Path) -> dict[str, str]:
    """No project .venv on PATH, no PYTHONPATH, no Python at all: what a person's session has."""
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    if sys.platform == "win32":
        root = os.environ["SYSTEMROOT"]
        env.update(SYSTEMROOT=root, PATH=f"{root}\\System32", USERPROFILE=str(home))
        env.update(APPDATA=str(home / "AppData"), LOCALAPPDATA=str(home / "AppData"))
    else:
        env["PATH"] = "/usr/bin:/bin"
    return env


def dependency_closure(name: str) -> set[str]:
    """The distributions ``name`` needs at run time, itself included (normalised names)."""

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    seen: set[str] = set()
    waiting = [name]
    while waiting:
        current = canonicalize_name(waiting.pop())
        if current in seen:
            continue
        seen.add(current)
        for line in importlib.metadata.requires(current) or []:
            requirement = Requirement(line)
            # not an extra (the tests' tools), nor for another Python or system
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                waiting.append(requirement.name)
    return seen


def bundled_distributions(folder: Path) -> set[str]:
    from packaging.utils import canonicalize_name

    names = set()
    for metadata in folder.rglob("*.dist-info/METADATA"):
        name = re.search(r"^Name: (.+)$", metadata.read_text(encoding="utf-8"), re.M)
        assert name is not None, metadata
        names.add(canonicalize_name(name[1].strip()))
    return names


@pytest.mark.slow
def test_the_bundle_runs_the_commands_and_the_window_away_from_the_checkout(
    tmp_path: Path,
) -> None:
    out = tmp_path / "build"
    built = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_bundle.py"),
         "--dist", str(out / "dist"), "--work", str(out / "work")],
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert (out / "work" / "SpineJournal.spec").is_file()  # beside the build, not in the repo
    assert not list(REPO.glob("*.spec"))

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder = Path(shutil.move(out / "dist" / "SpineJournal", elsewhere / "SpineJournal"))
    shutil.rmtree(out)  # nothing of the build is left to lean on
    executable = build_bundle.executable(folder)
    assert executable.is_file()
    home = tmp_path / "home"
    home.mkdir()
    env = bare_environment(home)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(executable), *args],
            capture_output=True, text=True, cwd=elsewhere, env=env, timeout=300,
        )  # fmt: skip

    # the licences of every dependency can be listed by importlib.metadata inside the bundle
    assert dependency_closure("spine-journal") <= bundled_distributions(folder)

    helped = run("--help")
    assert helped.returncode == 0, helped.stderr
    for command in ("demo", "import", "export", "flags", "report", "chart", "check", "restore"):
        assert command in helped.stdout  # every command module was collected

    journal = tmp_path / "journal"
    demo = run("demo", "--years", "1", "--data-dir", str(journal))
    assert demo.returncode == 0, demo.stderr
    assert "Demo journal written" in demo.stdout

    checked = run("check", "--data-dir", str(journal))
    assert checked.returncode == 0, checked.stderr
    assert "Integrity check: ok" in checked.stdout
    entries = re.search(r"^entries: (\d+)$", checked.stdout, re.M)
    assert entries is not None and int(entries[1]) > 300

    pdf = tmp_path / "summary.pdf"
    report = run("report", "--out", str(pdf), "--data-dir", str(journal))
    assert report.returncode == 0, report.stderr
    text = pdftotext(pdf)
    for heading in ("Spine Journal summary", "24-hour helpline", "Red flags", "Entries"):
        assert heading in text

    png = tmp_path / "chart.png"
    chart = run("chart", "--out", str(png), "--size", "900x450", "--data-dir", str(journal))
    assert chart.returncode == 0, chart.stderr
    data = png.read_bytes()
    assert data[:8] == PNG_SIGNATURE and data[12:16] == b"IHDR"
    assert struct.unpack(">II", data[16:24]) == (900, 450)
    svg = tmp_path / "chart.svg"
    drawn = run("chart", "--out", str(svg), "--data-dir", str(journal))
    assert drawn.returncode == 0, drawn.stderr
    assert "<svg" in svg.read_text(encoding="utf-8")
    # matplotlib kept its font list for the next start, in the person's own folder, as for
    # python main.py (PyInstaller's own hook would have put it in a temporary folder, deleted)
    assert list(home.rglob("fontlist-*.json"))

    # the window: a new journal made by the bundle's own migrations, opened, then closed
    fresh = tmp_path / "window-journal"
    window = run("--smoke-test", "--data-dir", str(fresh))
    assert window.returncode == 0, window.stderr
    marks = json.loads(window.stdout.strip().splitlines()[-1])
    assert marks["first_frame"] <= marks["journal_ready"]
    assert (fresh / "journal.sqlite3").is_file()
    assert not (fresh / "journal.lock").exists()
    with sqlite3.connect(fresh / "journal.sqlite3") as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        (revision,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    connection.close()
    assert {"entries", "treatments", "alerts", "settings"} <= tables
    newest = sorted((REPO / "tracker" / "storage" / "migrations" / "versions").glob("0*.py"))[-1]
    assert newest.name.startswith(revision)
