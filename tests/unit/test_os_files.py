"""tracker/os_files.py: private modes and folder syncs where the OS has them (Linux, macOS), and
nothing on Windows, where ``os.chmod`` sets only the read-only flag and a folder cannot be
opened for ``fsync``. Each branch runs here: Windows by setting ``os.name`` to ``"nt"``."""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from tracker import os_files
from tracker.commands.base import write_stdout


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _forbidden(name: str) -> Callable[..., None]:
    def call(*_args: object, **_kwargs: object) -> None:
        raise AssertionError(f"os.{name} was called on Windows")

    return call


@contextmanager
def _on_windows(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``os.name`` is ``"nt"`` inside (only around the helper's calls: ``pathlib`` chooses its
    class by ``os.name`` too), and each call Windows does not have or does otherwise fails."""
    with monkeypatch.context() as patch:
        patch.setattr(os, "chmod", _forbidden("chmod"))
        patch.setattr(os, "umask", _forbidden("umask"))
        patch.setattr(os, "fsync", _forbidden("fsync"))
        patch.setattr(os, "name", "nt")
        yield


def test_where_the_os_has_modes_folders_are_0700_and_files_0600(tmp_path: Path) -> None:
    assert os.name == "posix"
    folder = tmp_path / "outer" / "data"
    folder.parent.mkdir(mode=0o755)
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # an existing folder that others could read
    os_files.private_dir(folder)
    assert _mode(folder) == 0o700
    os_files.private_dir(tmp_path / "new" / "deeper")
    assert _mode(tmp_path / "new" / "deeper") == 0o700
    file = folder / "journal.sqlite3"
    file.write_bytes(b"x")
    os.chmod(file, 0o644)
    os_files.private_file(file)
    assert _mode(file) == 0o600
    os_files.private_file(str(file))  # a temporary file's name works as well
    assert _mode(file) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_folder_its_owner_made_read_only_is_never_made_writable(tmp_path: Path) -> None:
    """Only others' access is taken away (a read-only journal folder stays readable by the
    commands that only read, and nothing is written into it)."""
    folder = tmp_path / "journal"
    folder.mkdir(mode=0o755)
    folder.chmod(0o555)
    os_files.private_dir(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o500


def test_where_the_os_has_modes_new_files_are_private_from_the_start(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        os_files.restrict_new_files()
        (tmp_path / "new").write_bytes(b"")
        (tmp_path / "folder").mkdir()
        assert os.umask(0o022) == 0o077
    finally:
        os.umask(previous)
    assert _mode(tmp_path / "new") == 0o600
    assert _mode(tmp_path / "folder") == 0o700


def test_where_the_os_has_modes_the_folder_of_a_rename_is_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def spied(handle: int) -> None:
        synced.append(handle)
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", spied)
    os_files.sync_dir(tmp_path)
    assert len(synced) == 1


def test_on_windows_nothing_is_chmodded_umasked_or_synced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, file = tmp_path / "AppData" / "Local" / "spine-journal", tmp_path / "export.csv"
    file.write_bytes(b"x")
    before = _mode(file)
    with _on_windows(monkeypatch):
        assert not os_files.has_modes()
        os_files.private_dir(folder)
        os_files.private_file(file)
        os_files.restrict_new_files()
        os_files.sync_dir(folder)
    assert folder.is_dir()  # the folder is still made
    assert _mode(file) == before


def _windows_like_open(real_open: Callable[..., int]) -> Callable[..., int]:
    """``os.open`` as Windows has it: a folder cannot be opened (the old ``_fsync_dir`` failed
    there, and with it every backup)."""

    def opened(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(str(path)).is_dir():
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    return opened


def test_a_backup_and_a_restore_work_where_folders_cannot_be_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.storage.backups import make_backup
    from tracker.storage.database import open_journal
    from tracker.storage.recovery import restore_backup

    folder = tmp_path / "data"
    open_journal(folder).close()
    journal = folder / "journal.sqlite3"
    monkeypatch.setattr(os_files, "has_modes", lambda: False)
    monkeypatch.setattr(os, "open", _windows_like_open(os.open))
    info = make_backup(journal, folder / "backups", now=datetime(2026, 11, 3, 9, 30))
    assert info.verified and info.path.is_file()
    restored = restore_backup(journal, info.path)
    assert restored.verified and journal.is_file()


def test_standard_output_gets_the_exact_utf8_bytes_even_through_a_windows_text_stream(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Windows' standard output, redirected to a file: a code page and CRLF line ends."""
    raw = io.BytesIO()
    windows_stdout = io.TextIOWrapper(raw, encoding="cp1252", newline="\r\n")
    monkeypatch.setattr(sys, "stdout", windows_stdout)
    print("first line", end="\n")
    text = "\ufeffdate,note\r\n2026-11-03,Pain → 7 ✓\r\n"
    write_stdout(text)
    assert raw.getvalue() == b"first line\r\n" + text.encode("utf-8")


@pytest.mark.parametrize(
    ("platform", "env", "offscreen"),
    [
        ("linux", {}, True),  # a server, or a terminal over ssh
        ("linux", {"DISPLAY": ":0"}, False),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, False),
        ("linux", {"QT_QPA_PLATFORM": "xcb"}, False),  # the person's own choice
        ("win32", {}, False),  # Windows and macOS draw without a display variable
        ("darwin", {}, False),
    ],
)
def test_the_report_draws_offscreen_only_on_linux_without_a_display(
    monkeypatch: pytest.MonkeyPatch, platform: str, env: dict[str, str], offscreen: bool
) -> None:
    from tracker.commands.report import needs_offscreen

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert needs_offscreen() is offscreen
