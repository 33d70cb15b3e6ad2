"""The windowed bundle's commands write somewhere on Windows: attached to the console they
were typed into, else to the null device; never a crash on ``sys.stdout is None``."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import pytest

import tracker.app
import tracker.console as console


class FakeKernel32:
    def __init__(self, attached: bool) -> None:
        self.attached = attached
        self.calls: list[int] = []

    def AttachConsole(self, process: int) -> int:
        self.calls.append(process)
        return 1 if self.attached else 0


@pytest.fixture
def opened() -> Iterator[list[io.TextIOBase | TextIO]]:
    """The streams ``ensure_streams`` opens (through ``_windowless``), closed afterwards."""
    streams: list[io.TextIOBase | TextIO] = []
    yield streams
    for stream in streams:
        stream.close()


def _windowless(monkeypatch: pytest.MonkeyPatch, opened: list[io.TextIOBase | TextIO]) -> list[str]:
    """``sys.stdout`` and ``sys.stderr`` are ``None``, as in a windowed program on Windows (set
    inside the test: pytest sets its own capture at the start of each phase); ``CONOUT$``
    (Windows' console) opens as an in-memory stream. The paths opened."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    paths: list[str] = []
    real_open = console._open

    def fake_open(path: str) -> io.TextIOBase | TextIO:
        paths.append(path)
        stream = io.StringIO() if path == "CONOUT$" else real_open(path)
        opened.append(stream)
        return stream

    monkeypatch.setattr(console, "_open", fake_open)
    return paths


def _ensure_on(platform: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``ensure_streams`` as on ``platform`` (only while it runs: imports look at it too)."""
    with monkeypatch.context() as patched:
        patched.setattr(sys, "platform", platform)
        console.ensure_streams()


def test_streams_that_exist_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    kernel32 = FakeKernel32(attached=True)
    monkeypatch.setattr(console, "_kernel32", lambda: kernel32)
    stdout, stderr = sys.stdout, sys.stderr
    _ensure_on("win32", monkeypatch)
    assert (sys.stdout, sys.stderr) == (stdout, stderr)
    assert kernel32.calls == []


def test_on_windows_the_parent_console_is_attached_and_written_to(
    monkeypatch: pytest.MonkeyPatch, opened: list[io.TextIOBase | TextIO]
) -> None:
    paths = _windowless(monkeypatch, opened)
    kernel32 = FakeKernel32(attached=True)
    monkeypatch.setattr(console, "_kernel32", lambda: kernel32)
    _ensure_on("win32", monkeypatch)
    assert kernel32.calls == [-1]  # ATTACH_PARENT_PROCESS
    assert paths == ["CONOUT$"]
    print("Integrity check: ok")
    print("one sentence", file=sys.stderr)
    assert isinstance(sys.stdout, io.StringIO) and sys.stderr is sys.stdout
    assert sys.stdout.getvalue() == "Integrity check: ok\none sentence\n"


def test_on_windows_without_a_parent_console_output_goes_to_the_null_device(
    monkeypatch: pytest.MonkeyPatch, opened: list[io.TextIOBase | TextIO]
) -> None:
    paths = _windowless(monkeypatch, opened)
    kernel32 = FakeKernel32(attached=False)  # started from Explorer
    monkeypatch.setattr(console, "_kernel32", lambda: kernel32)
    _ensure_on("win32", monkeypatch)
    assert kernel32.calls == [-1]
    assert paths == [os.devnull]
    print("nobody reads this")
    print("nor this", file=sys.stderr)
    assert sys.stdout is not None and sys.stdout.name == os.devnull  # type: ignore[attr-defined]
    assert sys.stderr is sys.stdout


def test_on_windows_a_failing_console_api_falls_back_to_the_null_device(
    monkeypatch: pytest.MonkeyPatch, opened: list[io.TextIOBase | TextIO]
) -> None:
    def no_kernel32() -> object:
        raise OSError("no console API")

    paths = _windowless(monkeypatch, opened)
    monkeypatch.setattr(console, "_kernel32", no_kernel32)
    _ensure_on("win32", monkeypatch)
    assert paths == [os.devnull]
    print("nobody reads this")


def _windows_only() -> object:
    raise AssertionError("the Windows console API was called")


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_elsewhere_missing_streams_are_left_for_the_command_to_report(
    monkeypatch: pytest.MonkeyPatch, opened: list[io.TextIOBase | TextIO], platform: str
) -> None:
    """On macOS and Linux a missing stream was closed on purpose: the command says so in one
    sentence and exits 1 (tests/cli/test_bad_input_cli.py), rather than writing nowhere."""
    paths = _windowless(monkeypatch, opened)
    monkeypatch.setattr(console, "_kernel32", _windows_only)
    with monkeypatch.context() as patched:
        patched.setattr(sys, "platform", platform)
        console.ensure_streams()
    assert paths == []
    assert sys.stdout is None and sys.stderr is None


def test_only_the_missing_stream_is_replaced(
    monkeypatch: pytest.MonkeyPatch, opened: list[io.TextIOBase | TextIO]
) -> None:
    paths = _windowless(monkeypatch, opened)
    kept = io.StringIO()
    monkeypatch.setattr(sys, "stderr", kept)
    monkeypatch.setattr(console, "_kernel32", lambda: FakeKernel32(attached=False))
    _ensure_on("win32", monkeypatch)
    assert paths == [os.devnull]
    assert sys.stderr is kept and sys.stdout is opened[0]


def test_a_command_of_the_windowed_bundle_runs_with_no_streams(
    monkeypatch: pytest.MonkeyPatch, opened: list[io.TextIOBase | TextIO], tmp_path: Path
) -> None:
    """``main`` gives a command its streams before it prints (as on Windows with no console to
    attach to: the null device)."""
    paths = _windowless(monkeypatch, opened)
    monkeypatch.setattr(console, "_on_windows", lambda: True)
    monkeypatch.setattr(console, "_kernel32", lambda: FakeKernel32(attached=False))
    assert tracker.app.main(["check", "--data-dir", str(tmp_path / "journal")]) == 0
    assert paths == [os.devnull] and sys.stdout is opened[0] and sys.stderr is opened[0]
    assert (tmp_path / "journal" / "journal.sqlite3").is_file()
