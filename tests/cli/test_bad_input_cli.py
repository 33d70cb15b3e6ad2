"""Bad input is exit 2 and one short sentence, and changes nothing stored: hostile journal and
CSV files, special files, data folders that cannot hold a journal, output that cannot be
written. Each command runs as a person runs it, a process of its own."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli

QUICK = 30  # seconds: a refusal reads nothing it does not need, so it never waits this long


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "data"
    result = run_cli("import", str(EXAMPLE_JOURNAL), data_dir=folder)
    assert result.returncode == 0, result.stderr
    return folder


@pytest.fixture
def stored(template: Path, tmp_path: Path) -> Path:
    """A journal holding the example file (23 entries), a copy for this test."""
    folder = tmp_path / "stored"
    shutil.copytree(template, folder)
    return folder


def counts(data_dir: Path) -> str:
    result = run_cli("check", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n", 1)[1]  # after the "Journal: path" line


def run_quick(
    *args: str, data_dir: Path | None = None, env: dict[str, str] | None = None, stdout: Any = None
) -> subprocess.CompletedProcess[str]:
    """A command as a process of its own, which must be done well within ``QUICK``."""
    command = [sys.executable, str(REPO / "main.py"), *args]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return subprocess.run(
        command,
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
        timeout=QUICK,
        check=False,
    )


def refused(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The one sentence of a refusal."""
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and len(lines[0]) < 400, result.stderr
    assert "unexpected" not in lines[0] and "Traceback" not in lines[0]
    return lines[0]


def example() -> dict[str, object]:
    document: dict[str, object] = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    return document


def write_json(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def example_text() -> str:
    return json.dumps(example())


# ---- journal and CSV files ---------------------------------------------------------------------


SENTINEL = 424242


def with_value(where: str, raw: str) -> str:
    """The example file with the raw JSON text ``raw`` as the first treatment's ``dose_gy``
    or the first entry's pain score."""
    document = example()
    if where == "dose_gy":
        document["treatments"][0]["dose_gy"] = SENTINEL  # type: ignore[index]
    else:
        document["entries"][0]["pain"]["score"] = SENTINEL  # type: ignore[index]
    text = json.dumps(document)
    assert text.count(str(SENTINEL)) == 1
    return text.replace(str(SENTINEL), raw)


def with_dose(raw: str) -> str:
    return with_value("dose_gy", raw)


BAD_JSON = {
    "a 5,000-digit score": (
        lambda: with_value("score", "1" * 5000),
        "has more than 15 digits",
    ),
    "a 4,000-digit dose": (lambda: with_dose("9" * 4000), "has more than 15 digits"),
    "a dose of 150 Gy": (lambda: with_dose("150"), "dose_gy: 150 is above 100 Gy"),
    "a 100,000-deep document": (lambda: "[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "a note nested 900 deep": (
        lambda: example_text().replace('"note": ""', '"note": ' + "[" * 900 + "]" * 900, 1),
        ".note: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[... is not text",
    ),
    "a key given twice": (
        lambda: example_text().replace('{"format": ', '{"format": "x", "format": ', 1),
        "the field 'format' is given twice",
    ),
    "seven digits of seconds": (
        lambda: example_text().replace("T10:00:00+00:00", "T10:00:00.1234567+00:00", 1),
        "has more than 6 digits after the second",
    ),
    "NaN": (lambda: with_dose("NaN"), "NaN is not a number JSON allows"),
}


@pytest.mark.parametrize("name", list(BAD_JSON))
def test_a_hostile_journal_file_is_one_sentence_and_stores_nothing(
    name: str, stored: Path, tmp_path: Path
) -> None:
    make, message = BAD_JSON[name]
    before, backups = counts(stored), sorted((stored / "backups").iterdir())
    source = write_json(tmp_path / "bad.json", make())
    assert message in refused(run_quick("import", str(source), data_dir=stored))
    assert message in refused(run_quick("flags", str(source), data_dir=stored))
    assert counts(stored) == before
    assert sorted((stored / "backups").iterdir()) == backups  # refused before any backup


def test_a_5000_digit_csv_cell_is_one_sentence_and_stores_nothing(
    stored: Path, tmp_path: Path
) -> None:
    before = counts(stored)
    out = tmp_path / "entries.csv"
    assert run_cli("export", "--format", "csv", "--out", str(out), data_dir=stored).returncode == 0
    header, first, *rest = out.read_text(encoding="utf-8-sig").splitlines()
    cells = first.split(",")
    cells[header.split(",").index("pain_score")] = "7" * 5000
    bad = write_json(tmp_path / "bad.csv", "\n".join([header, ",".join(cells), *rest]) + "\n")
    sentence = refused(run_quick("import", str(bad), data_dir=stored))
    assert "pain_score: 7777777777" in sentence and "... has more than 15 digits" in sentence
    assert counts(stored) == before


def test_a_printed_dose_above_0_is_never_0_gy() -> None:
    from tracker.domain.model import dose_text

    assert dose_text(0.001) == "under 0.01"
    assert dose_text(20.0) == "20" and dose_text(7.5) == "7.5" and dose_text(0.005) == "0.01"


# ---- special files -----------------------------------------------------------------------------


def test_a_fifo_is_refused_without_waiting_for_a_writer(stored: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "journal.json"
    os.mkfifo(fifo)
    before = counts(stored)
    for command in ("import", "flags"):
        sentence = refused(run_quick(command, str(fifo), data_dir=stored))
        assert "is not a regular file, so it was not read" in sentence
    assert counts(stored) == before


@pytest.mark.parametrize("special", ["/dev/zero", "folder"])
def test_a_device_or_a_folder_is_refused_unread(special: str, stored: Path, tmp_path: Path) -> None:
    path = special if special.startswith("/") else str(tmp_path)
    before = counts(stored)
    assert "is not a regular file" in refused(run_quick("import", path, data_dir=stored))
    assert counts(stored) == before


def test_a_file_over_64_mb_is_refused_unread(stored: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    with big.open("wb") as stream:  # sparse: nothing is written but its size
        stream.truncate(64 * 1024 * 1024 + 1)
    before = counts(stored)
    assert "larger than 64 MB" in refused(run_quick("import", str(big), data_dir=stored))
    assert counts(stored) == before


# ---- the data folder ---------------------------------------------------------------------------


def test_data_dir_naming_a_file_is_bad_usage(tmp_path: Path) -> None:
    a_file = tmp_path / "notes.txt"
    a_file.write_text("mine", encoding="utf-8")
    for command in (("check",), ("import", str(EXAMPLE_JOURNAL)), ("backup",)):
        assert "is a file, not a folder" in refused(run_quick(*command, data_dir=a_file))
    assert a_file.read_text(encoding="utf-8") == "mine"
    under = a_file / "journal"
    assert "cannot be created" in refused(run_quick("check", data_dir=under))


def test_an_empty_data_dir_is_bad_usage_not_the_default_journal(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "share")}
    result = run_quick("import", str(EXAMPLE_JOURNAL), "--data-dir", "", env=env)
    assert "--data-dir needs the name of a folder" in refused(result)
    assert not (home / "share").exists()


def test_a_folder_named_like_the_journal_is_bad_input(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "journal.sqlite3").mkdir(parents=True)
    assert "is a folder, not a journal file" in refused(run_quick("check", data_dir=folder))


# ---- output ------------------------------------------------------------------------------------


@pytest.mark.parametrize("out", ["", "folder"])
def test_export_to_an_empty_name_or_a_folder_is_bad_usage(
    out: str, stored: Path, tmp_path: Path
) -> None:
    target = str(tmp_path) if out == "folder" else out
    before = counts(stored)
    assert "--out" in refused(run_quick("export", "--out", target, data_dir=stored))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stored"]
    assert counts(stored) == before


@pytest.mark.parametrize("unbuffered", ["1", ""])
@pytest.mark.parametrize("command", [("export", "--out", "-"), ("check",), ("flags",)])
def test_a_full_standard_output_is_exit_1_and_one_sentence(
    command: tuple[str, ...], unbuffered: str, stored: Path
) -> None:
    env = {"PYTHONUNBUFFERED": unbuffered}  # the error shows at the first print, or at the end
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = run_quick(*command, data_dir=stored, stdout=full, env=env)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"spine-journal {command[0]}: standard output could not be written (the disk is full)."
    )


def test_a_closed_standard_output_is_exit_1_and_one_sentence(stored: Path) -> None:
    command = [sys.executable, str(REPO / "main.py"), "check", "--data-dir", str(stored)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        ["sh", "-c", '"$@" >&-', "sh", *command], stderr=subprocess.PIPE,
        text=True, env=env, timeout=QUICK, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "standard output is closed" in result.stderr


# ---- messages ----------------------------------------------------------------------------------


def test_control_characters_in_a_file_name_never_reach_the_terminal(
    stored: Path, tmp_path: Path
) -> None:
    name = tmp_path / "bad\n\x1b[31mred.json"
    name.write_text("[" * 100, encoding="utf-8")
    sentence = refused(run_quick("import", str(name), data_dir=stored))
    assert "\x1b" not in sentence and "bad\\n\\x1b[31mred.json" in sentence
    out_name = tmp_path / "out\x1b[2J.json"
    result = run_quick("export", "--out", str(out_name), data_dir=stored)
    assert result.returncode == 0 and "\x1b" not in result.stdout and "out\\x1b[2J" in result.stdout


def test_a_command_blocked_by_another_command_is_told_so(stored: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, pathlib\n"
         "from tracker.paths import JournalLock\n"
         "lock = JournalLock(pathlib.Path(sys.argv[1]), command=True)\n"
         "lock.acquire()\n"
         "print('locked', flush=True)\n"
         "sys.stdin.read()\n",
         str(stored)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    before = counts(stored)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        sentence = refused(run_quick("import", str(EXAMPLE_JOURNAL), data_dir=stored), code=1)
        assert f"Another spine-journal command (process {holder.pid}) is using" in sentence
    finally:
        holder.communicate("", timeout=QUICK)
    assert counts(stored) == before
