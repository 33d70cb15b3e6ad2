"""Issue 18: the passphrase that encrypts the journal, driven through the command line as a
person runs it (``protect``, and ``--passphrase-file`` on every command that opens it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli
from tracker.services.journal import JournalService
from tracker.storage import cipher
from tracker.storage.cipher import SALT_NAME, SQLITE_HEADER
from tracker.storage.database import open_journal
from tracker.storage.encryption import STEPS, STOP_VARIABLE
from tracker.storage.journal_file import JOURNAL_NAME

NOTE = "Woke twice with pain between the shoulder blades."
PASSPHRASE = "correct horse battery staple"


def secret_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


def imported(data_dir: Path) -> None:
    result = run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    assert result.returncode == 0, result.stderr


def journal_files(data_dir: Path) -> list[Path]:
    """The journal, its -wal when there is one, and every backup."""
    files = [data_dir / JOURNAL_NAME, *sorted((data_dir / "backups").iterdir())]
    wal = data_dir / f"{JOURNAL_NAME}-wal"
    return [*files, wal] if wal.exists() else files


def exported(data_dir: Path, *extra: str) -> str:
    result = run_cli("export", "--format", "csv", "--out", "-", *extra, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return result.stdout


def protected(data_dir: Path, tmp_path: Path) -> Path:
    imported(data_dir)
    key_file = secret_file(tmp_path, "pass", PASSPHRASE)
    result = run_cli("protect", "--passphrase-file", str(key_file), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return key_file


def one_sentence(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_protect_leaves_no_plain_byte_of_the_example_journal(
    data_dir: Path, tmp_path: Path
) -> None:
    imported(data_dir)
    run_cli("backup", data_dir=data_dir)
    plain_export = exported(data_dir)
    # the control: the plain journal and its backups hold the header, and (but the empty one
    # made before the import) the note's text
    files = journal_files(data_dir)
    assert all(path.read_bytes().startswith(SQLITE_HEADER) for path in files)
    holding = [path for path in files if NOTE.encode() in path.read_bytes()]
    assert [path.name for path in files if path not in holding] == [
        next(path.name for path in files if "before-import" in path.name)
    ]
    key_file = secret_file(tmp_path, "pass", PASSPHRASE)
    result = run_cli("protect", "--passphrase-file", str(key_file), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert "nobody can recover it" in result.stdout
    assert len(journal_files(data_dir)) >= 3  # the journal, two backups and the one made first
    for path in journal_files(data_dir):
        data = path.read_bytes()
        assert SQLITE_HEADER not in data and NOTE.encode() not in data, path
    assert not any(p.name.endswith((".partial", "-journal")) for p in data_dir.rglob("*"))
    # neither the passphrase nor what it gave is written anywhere, nor said
    for path in data_dir.rglob("*"):
        assert not path.is_file() or PASSPHRASE.encode() not in path.read_bytes(), path
    assert PASSPHRASE not in result.stdout + result.stderr
    assert exported(data_dir, "--passphrase-file", str(key_file)) == plain_export
    # while the journal is open and a note is being saved, its -wal holds no plain text either
    cipher.unlock(data_dir, data_dir / JOURNAL_NAME, PASSPHRASE)
    db = open_journal(data_dir)
    try:
        service = JournalService(db)
        latest = service.latest_entry()
        assert latest is not None
        service.update_entry(replace(latest, note=f"{NOTE} Again."))
        wal = data_dir / f"{JOURNAL_NAME}-wal"
        assert wal.stat().st_size > 0
        assert b"Again." not in wal.read_bytes() and SQLITE_HEADER not in wal.read_bytes()
    finally:
        db.close()
        cipher.forget(data_dir)


@pytest.mark.parametrize("how", ["no passphrase, no terminal", "wrong", "empty"])
def test_check_without_the_right_passphrase_exits_2_and_changes_nothing(
    data_dir: Path, tmp_path: Path, how: str
) -> None:
    protected(data_dir, tmp_path)
    before = {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()}
    extra = {
        "no passphrase, no terminal": [],
        "wrong": ["--passphrase-file", str(secret_file(tmp_path, "wrong", "Tr0ub4dor&3"))],
        "empty": ["--passphrase-file", str(secret_file(tmp_path, "empty", ""))],
    }[how]
    result = run_cli("check", *extra, data_dir=data_dir, stdin="")
    assert result.returncode == 2
    sentence = one_sentence(result)
    assert "passphrase" in sentence and PASSPHRASE not in sentence
    assert {p: p.read_bytes() for p in data_dir.rglob("*") if p.is_file()} == before


def test_every_command_that_opens_the_journal_asks_for_it(data_dir: Path, tmp_path: Path) -> None:
    key_file = protected(data_dir, tmp_path)
    out = tmp_path / "out"
    commands = [
        ["check"],
        ["export", "--format", "json", "--out", str(out / "j.json")],
        ["report", "--out", str(out / "r.pdf")],
        ["chart", "--out", str(out / "c.png")],
        ["backup"],
        ["restore", "--list"],
        ["flags"],
        ["import", str(EXAMPLE_JOURNAL)],
    ]
    out.mkdir()
    for command in commands:
        refused = run_cli(*command, data_dir=data_dir, stdin="")
        assert refused.returncode == 2, (command, refused.stderr)
        assert "--passphrase-file" in one_sentence(refused)
    for command in commands[:-1]:
        done = run_cli(*command, "--passphrase-file", str(key_file), data_dir=data_dir)
        assert done.returncode == 0, (command, done.stderr)
        if command[0] == "export":
            assert "this export is a plain file" in done.stdout
    # a file given to flags is read on its own: no passphrase needed
    assert run_cli("flags", str(EXAMPLE_JOURNAL), stdin="", data_dir=data_dir).returncode == 0


def test_a_missing_salt_file_or_another_key_is_one_sentence(data_dir: Path, tmp_path: Path) -> None:
    key_file = protected(data_dir, tmp_path)
    salt = data_dir / SALT_NAME
    kept = salt.read_bytes()
    salt.unlink()
    result = run_cli("check", "--passphrase-file", str(key_file), data_dir=data_dir)
    assert result.returncode == 2 and "salt" in one_sentence(result)
    salt.write_bytes(bytes(len(kept)))  # another salt: the passphrase gives another key
    result = run_cli("check", "--passphrase-file", str(key_file), data_dir=data_dir)
    assert result.returncode == 2 and "does not open" in one_sentence(result)
    salt.write_bytes(kept)
    assert run_cli("check", "--passphrase-file", str(key_file), data_dir=data_dir).returncode == 0


def test_a_passphrase_for_a_plain_journal_is_refused(data_dir: Path, tmp_path: Path) -> None:
    imported(data_dir)
    key_file = secret_file(tmp_path, "pass", PASSPHRASE)
    result = run_cli("check", "--passphrase-file", str(key_file), data_dir=data_dir)
    assert result.returncode == 2 and "no passphrase" in one_sentence(result)
    result = run_cli("protect", "--remove", "--passphrase-file", str(key_file), data_dir=data_dir)
    assert result.returncode == 2 and "no passphrase" in one_sentence(result)
    empty = secret_file(tmp_path, "empty", "")
    result = run_cli("protect", "--passphrase-file", str(empty), data_dir=data_dir)
    assert result.returncode == 2 and "empty" in one_sentence(result)
    assert (data_dir / JOURNAL_NAME).read_bytes().startswith(SQLITE_HEADER)
    assert not (data_dir / SALT_NAME).exists()


def test_change_then_remove_gives_the_same_plain_journal(data_dir: Path, tmp_path: Path) -> None:
    imported(data_dir)
    plain_export = exported(data_dir)
    old = secret_file(tmp_path, "old", PASSPHRASE)
    new = secret_file(tmp_path, "new", "a new passphrase")
    assert run_cli("protect", "--passphrase-file", str(old), data_dir=data_dir).returncode == 0
    changed = run_cli(
        "protect",
        "--change",
        "--passphrase-file",
        str(old),
        "--new-passphrase-file",
        str(new),
        data_dir=data_dir,
    )
    assert changed.returncode == 0, changed.stderr
    assert run_cli("check", "--passphrase-file", str(old), data_dir=data_dir).returncode == 2
    listing = run_cli("restore", "--list", "--passphrase-file", str(new), data_dir=data_dir)
    assert "does not verify" not in listing.stdout, listing.stdout  # backups follow the change
    removed = run_cli("protect", "--remove", "--passphrase-file", str(new), data_dir=data_dir)
    assert removed.returncode == 0, removed.stderr
    assert not (data_dir / SALT_NAME).exists()
    for path in journal_files(data_dir):
        assert path.read_bytes().startswith(SQLITE_HEADER), path
    assert exported(data_dir) == plain_export
    listing = run_cli("restore", "--list", data_dir=data_dir)
    assert "does not verify" not in listing.stdout, listing.stdout


def _unopenable_backup(data_dir: Path, tmp_path: Path, kind: str) -> Path:
    """A backup the journal's key does not open: one of its own, damaged, or the backup of
    another journal, encrypted with another passphrase, given a backup's name."""
    backups = data_dir / "backups"
    if kind == "damaged":
        victim = sorted(backups.iterdir())[0]
        with victim.open("r+b") as stream:
            stream.write(bytes(4096))  # its first page, which holds SQLCipher's salt
        return victim
    other = tmp_path / "other"
    other_key = secret_file(tmp_path, "other-pass", "somebody else's passphrase")
    imported(other)
    assert run_cli("protect", "--passphrase-file", str(other_key), data_dir=other).returncode == 0
    stranger = backups / "journal-20200101-000000.sqlite3"
    shutil.copy(sorted((other / "backups").iterdir())[-1], stranger)
    return stranger


@pytest.mark.parametrize("kind", ["damaged", "another key"])
@pytest.mark.parametrize("change", ["--change", "--remove"])
def test_a_backup_the_key_cannot_open_is_named_and_left_as_it_was(
    data_dir: Path, tmp_path: Path, kind: str, change: str
) -> None:
    old = protected(data_dir, tmp_path)
    backup = _unopenable_backup(data_dir, tmp_path, kind)
    before = backup.read_bytes()
    new = secret_file(tmp_path, "new", "a new passphrase")
    extra = ["--new-passphrase-file", str(new)] if change == "--change" else []
    result = run_cli("protect", change, "--passphrase-file", str(old), *extra, data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == (
        "One backup could not be opened (damaged, or made with another passphrase) and was "
        f"left as it was: {backup.name}."
    )
    assert backup.read_bytes() == before
    if change == "--remove":  # the change was made all the same
        assert (data_dir / JOURNAL_NAME).read_bytes().startswith(SQLITE_HEADER)
    else:
        assert run_cli("check", "--passphrase-file", str(new), data_dir=data_dir).returncode == 0
    others = [path for path in (data_dir / "backups").iterdir() if path != backup]
    assert others and all(
        path.read_bytes().startswith(SQLITE_HEADER) == (change == "--remove") for path in others
    )


def test_restore_of_an_encrypted_backup_asks_for_its_passphrase(
    data_dir: Path, tmp_path: Path
) -> None:
    key_file = protected(data_dir, tmp_path)
    refused = run_cli("restore", data_dir=data_dir, stdin="")
    assert refused.returncode == 2
    restored = run_cli("restore", "--passphrase-file", str(key_file), data_dir=data_dir)
    assert restored.returncode == 0, restored.stderr
    assert NOTE.encode() not in (data_dir / JOURNAL_NAME).read_bytes()
    assert run_cli("check", "--passphrase-file", str(key_file), data_dir=data_dir).returncode == 0


def killed_at(step: str, folder: Path, arguments: list[str]) -> None:
    """``protect ARGUMENTS`` run until it reaches ``step``, then killed (``Popen.kill``:
    SIGKILL, or TerminateProcess on Windows)."""
    command = [sys.executable, str(REPO / "main.py"), "protect", *arguments]
    env = {**os.environ, STOP_VARIABLE: step, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen(
        [*command, "--data-dir", str(folder)],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        env=env,
        text=True,
        cwd=REPO,
    ) as process:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == f"step {step}"
        process.kill()


def no_mix(folder: Path, key_file: Path | None) -> None:
    """The journal and every backup plain with no salt, or every one encrypted with the key
    ``key_file`` gives; no copy nor record of a change left."""
    left = [p.name for p in folder.rglob("*") if "passphrase-" in p.name]
    assert left == [], left
    files = journal_files(folder)
    if key_file is None:
        assert not (folder / SALT_NAME).exists()
        assert all(path.read_bytes().startswith(SQLITE_HEADER) for path in files), files
        listing = run_cli("restore", "--list", data_dir=folder)
    else:
        assert not any(SQLITE_HEADER in path.read_bytes() for path in files), files
        listing = run_cli("restore", "--list", "--passphrase-file", str(key_file), data_dir=folder)
    assert listing.returncode == 0, listing.stderr
    assert "does not verify" not in listing.stdout, listing.stdout


@pytest.mark.slow
@pytest.mark.parametrize("change", ["protect", "change", "remove"])
def test_a_crash_at_any_step_leaves_a_journal_that_opens(
    data_dir: Path, tmp_path: Path, change: str
) -> None:
    """The process is killed at each step; the next command that opens the journal finishes
    the change (once it was committed) or undoes it: the journal then opens, plain or with
    one passphrase, with every record, and its backups are as it is (no mix)."""
    imported(data_dir)
    plain_export = exported(data_dir)
    old = secret_file(tmp_path, "old", PASSPHRASE)
    new = secret_file(tmp_path, "new", "a new passphrase")
    if change != "protect":
        assert run_cli("protect", "--passphrase-file", str(old), data_dir=data_dir).returncode == 0
    arguments = {
        "protect": ["--passphrase-file", str(old)],
        "change": ["--change", "--passphrase-file", str(old), "--new-passphrase-file", str(new)],
        "remove": ["--remove", "--passphrase-file", str(old)],
    }[change]
    before, after = {"protect": (None, old), "change": (old, new), "remove": (old, None)}[change]
    for step in STEPS:
        folder = tmp_path / step
        shutil.copytree(data_dir, folder)
        killed_at(step, folder, arguments)
        opened = {
            key_file: exported(folder, *extra)
            for key_file, extra in (
                (None, []),
                (old, ["--passphrase-file", str(old)]),
                (new, ["--passphrase-file", str(new)]),
            )
            if run_cli("check", *extra, data_dir=folder, stdin="").returncode == 0
        }
        # a change that had not committed is undone, one that had is finished
        expected = before if STEPS.index(step) <= STEPS.index("commit") else after
        assert opened == {expected: plain_export}, (change, step)
        no_mix(folder, expected)
