"""tools/desktop_entry.py (``make install-desktop`` / ``make uninstall-desktop``): the launcher
and icons go into the user's application menu, start the program they name, and come out again
leaving everything else as it was."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO
from tracker import resource

TOOL = REPO / "tools" / "desktop_entry.py"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """The tool as the Makefile runs it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(TOOL), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _tree(folder: Path) -> dict[str, bytes | None]:
    """Every file (with its bytes) and folder under ``folder``."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() else None)
        for p in folder.rglob("*")
    }


def _entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return dict(parser["Desktop Entry"])


def _unescape_string(value: str) -> str:
    """A desktop file's string value (``\\\\`` is a backslash)."""
    out, chars = "", iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out += {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[following]
        else:
            out += char
    return out


def _exec_program(value: str) -> str:
    """The one argument of an ``Exec`` value, unquoted as the Desktop Entry spec says."""
    text = _unescape_string(value).replace("%%", "%")
    if not text.startswith('"'):
        assert " " not in text
        return text
    assert text.endswith('"')
    out, chars = "", iter(text[1:-1])
    for char in chars:
        out += next(chars) if char == "\\" else char
    return out


def _program(folder: Path) -> Path:
    folder.mkdir(parents=True)
    program = folder / "spine-journal"
    program.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    program.chmod(0o755)
    return program


def test_install_puts_the_launcher_and_icons_in_the_menu_and_uninstall_takes_out_exactly_them(
    tmp_path: Path,
) -> None:
    home = tmp_path / "share"
    # what the user already has: another program's launcher and icon, which stay as they are
    (home / "applications").mkdir(parents=True)
    (home / "applications" / "other.desktop").write_text("[Desktop Entry]\n", encoding="utf-8")
    (home / "icons" / "hicolor" / "48x48" / "apps").mkdir(parents=True)
    (home / "icons" / "hicolor" / "48x48" / "apps" / "other.png").write_bytes(b"png")
    before = _tree(home)
    program = Path(sys.executable).parent / "spine-journal"  # the checkout's, as make runs it
    assert program.is_file()

    result = _run("install", "--exec", str(program), "--data-home", str(home))
    assert result.returncode == 0, result.stderr
    assert "application menu" in result.stdout

    launcher = home / "applications" / "spine-journal.desktop"
    entry = _entry(launcher)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Spine Journal"
    assert entry["Icon"] == "spine-journal"
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "spine-journal"  # the app's name: X11's WM_CLASS
    assert "Office" in entry["Categories"].split(";")
    started = Path(_exec_program(entry["Exec"]))
    assert started == program and started.is_absolute()
    assert started.is_file() and os.access(started, os.X_OK)
    assert Path(_unescape_string(entry["TryExec"])) == program

    hicolor = home / "icons" / "hicolor"
    svg = hicolor / "scalable" / "apps" / "spine-journal.svg"
    assert svg.read_bytes() == resource("icons/spine-journal.svg").read_bytes()
    pngs = [hicolor / f"{n}x{n}" / "apps" / "spine-journal.png" for n in SIZES]
    for size, png in zip(SIZES, pngs, strict=True):
        image = QImage(str(png))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(size // 2, size // 8).alpha() == 255
    for path in (launcher, svg, *pngs):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644  # the desktop reads them
    added = set(_tree(home)) - set(before)
    assert {p for p in added if (home / p).is_file()} == {
        str(p.relative_to(home)) for p in (launcher, svg, *pngs)
    }

    result = _run("uninstall", "--data-home", str(home))
    assert result.returncode == 0, result.stderr
    assert "removed (10 files)" in result.stdout
    assert _tree(home) == before
    again = _run("uninstall", "--data-home", str(home))
    assert again.returncode == 0 and "nothing to remove" in again.stdout
    assert _tree(home) == before


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate (Debian's desktop-file-utils, in make deps) is not installed",
)
def test_the_launcher_is_valid_even_for_a_program_whose_path_needs_quoting(
    tmp_path: Path,
) -> None:
    program = _program(tmp_path / "My apps $HOME" / 'say "100%" \\ `now`')
    home = tmp_path / "share"
    result = _run("install", "--exec", str(program), "--data-home", str(home))
    assert result.returncode == 0, result.stderr
    launcher = home / "applications" / "spine-journal.desktop"
    assert Path(_exec_program(_entry(launcher)["Exec"])) == program
    for path in (launcher, resource("linux/spine-journal.desktop")):
        checked = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout
        problems = [
            line for line in checked.stdout.splitlines() if "error:" in line or "warning:" in line
        ]
        assert problems == []


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("missing/spine-journal", "must be an absolute path"),
        ("{tmp}/nothing-here", "is not a program that can be run"),
        ("{tmp}", "is not a program that can be run"),  # a folder
    ],
)
def test_a_launcher_for_a_program_that_cannot_run_is_refused_and_nothing_is_written(
    tmp_path: Path, given: str, problem: str
) -> None:
    home = tmp_path / "share"
    result = _run("install", "--exec", given.format(tmp=tmp_path), "--data-home", str(home))
    assert result.returncode == 2
    assert problem in result.stderr and result.stderr.count("\n") == 1
    assert not home.exists()


def test_install_needs_the_program(tmp_path: Path) -> None:
    result = _run("install", "--data-home", str(tmp_path / "share"))
    assert result.returncode == 2
    assert "install needs --exec PATH" in result.stderr
    assert not (tmp_path / "share").exists()


@pytest.fixture
def tool(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(REPO / "tools"))
    import desktop_entry

    return desktop_entry


def test_the_data_home_is_xdg_data_home_when_absolute_else_local_share(
    tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert tool.data_home() == tmp_path / "xdg"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")  # invalid: the spec says ignore it
    assert tool.data_home() == tmp_path / ".local" / "share"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert tool.data_home() == tmp_path / ".local" / "share"
    assert tool.data_home(str(tmp_path / "given")) == tmp_path / "given"


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_on_windows_and_macos_the_launcher_is_refused_for_the_bundle(
    tool: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str
) -> None:
    program = _program(tmp_path / "bin")
    monkeypatch.setattr(sys, "platform", platform)
    for action in (
        lambda: tool.install(program, tmp_path / "share"),
        lambda: tool.uninstall(tmp_path),
    ):
        with pytest.raises(tool.Refused, match="for Linux desktops; on Windows and macOS"):
            action()
    assert not (tmp_path / "share").exists()


def test_on_linux_the_platform_is_accepted(
    tool: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    assert tool.check_platform() is None  # raises Refused elsewhere (the test above)


def test_a_program_path_is_quoted_in_exec_only_when_it_needs_it(tool: ModuleType) -> None:
    assert tool.exec_value(Path("/opt/spine-journal/run")) == "/opt/spine-journal/run"
    assert tool.exec_value(Path("/opt/spine journal/run")) == '"/opt/spine journal/run"'
    assert tool.exec_value(Path("/opt/a$b/50%")) == '"/opt/a\\\\$b/50%%"'


def test_the_app_names_its_windows_after_the_launcher() -> None:
    """X11 matches a window to its launcher by WM_CLASS (Qt's application name), Wayland by
    the app id (Qt's desktop file name): both are the launcher's."""
    code = (
        "from tracker.app import _application; app = _application(); "
        "print(app.applicationName(), app.desktopFileName())"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=True,
    )
    template = resource("linux/spine-journal.desktop")
    assert result.stdout.split() == [_entry(template)["StartupWMClass"], template.stem]
