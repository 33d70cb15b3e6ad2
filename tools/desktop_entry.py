"""Put Spine Journal in a Linux desktop's application menu, or take it out again.

    python tools/desktop_entry.py install --exec PATH [--data-home DIR]
    python tools/desktop_entry.py uninstall [--data-home DIR]

``make install-desktop`` and ``make uninstall-desktop`` run it for a checkout (``--exec`` is then
the checkout's ``.venv/bin/spine-journal``). It writes, under ``DIR`` (default
``$XDG_DATA_HOME``, else ``~/.local/share``), for this user alone:

- ``applications/spine-journal.desktop``: ``resources/linux/spine-journal.desktop`` with ``Exec``
  and ``TryExec`` set to ``PATH`` (a menu hides the launcher once ``PATH`` is gone);
- ``icons/hicolor/scalable/apps/spine-journal.svg``, the icon's source, and
  ``icons/hicolor/NxN/apps/spine-journal.png`` for each size ``tools/make_icons.py`` renders.

Each file is 0644: the desktop reads it, and it holds nothing private. ``uninstall`` removes
those files and any folder left empty by it, nothing else. Menus see a new launcher by
themselves (they watch ``applications/``); ``update-desktop-database`` only keeps the MIME type
cache, and Spine Journal opens no file types, so it is not run. An icon cache the user already
has (``icons/hicolor/icon-theme.cache``) is brought up to date with ``gtk-update-icon-cache`` when
that is installed; a failure there changes nothing (GTK ignores a stale cache).

Windows and macOS have no such menu: their installers are the bundles (``make bundle``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import make_icons  # beside this file: tools/ is the first folder on sys.path

REPO = Path(__file__).resolve().parent.parent
TEMPLATE = REPO / "resources" / "linux" / "spine-journal.desktop"
SVG = REPO / "resources" / "icons" / "spine-journal.svg"
NAME = "spine-journal"
FILE_MODE = 0o644
# characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key")
EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class Refused(Exception):
    """One sentence for standard error: nothing was written."""


def data_home(option: str | None = None) -> Path:
    """``--data-home``, else ``$XDG_DATA_HOME`` (when absolute, as the spec requires), else
    ``~/.local/share``."""
    if option:
        return Path(option).expanduser().resolve()
    from_env = os.environ.get("XDG_DATA_HOME", "")
    if from_env and Path(from_env).is_absolute():
        return Path(from_env)
    return Path.home() / ".local" / "share"


def desktop_path(home: Path) -> Path:
    return home / "applications" / f"{NAME}.desktop"


def icon_paths(home: Path) -> dict[str, Path]:
    """Where each icon goes, by the name ``make_icons`` gives it (the SVG by its own)."""
    hicolor = home / "icons" / "hicolor"
    paths = {SVG.name: hicolor / "scalable" / "apps" / f"{NAME}.svg"}
    for size in make_icons.SIZES:
        paths[f"{NAME}-{size}.png"] = hicolor / f"{size}x{size}" / "apps" / f"{NAME}.png"
    return paths


def installed_paths(home: Path) -> list[Path]:
    """Every file ``install`` writes under ``home``."""
    return [desktop_path(home), *icon_paths(home).values()]


def exec_value(program: Path) -> str:
    """``program`` as the value of ``Exec``: quoted when it holds a reserved character, then
    escaped as a desktop file's string (``\\`` doubled, ``%`` doubled for the field codes)."""
    text = str(program)
    if EXEC_RESERVED & set(text):
        inner = "".join("\\" + c if c in '"`$\\' else c for c in text)
        text = f'"{inner}"'
    return text.replace("\\", "\\\\").replace("%", "%%")


def string_value(program: Path) -> str:
    """``program`` as a plain string value (``TryExec``)."""
    return str(program).replace("\\", "\\\\")


def desktop_text(program: Path) -> str:
    """The template, with ``Exec`` and ``TryExec`` set to ``program``."""
    lines = []
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        if line.startswith("TryExec="):
            continue
        if line.startswith("Exec="):
            lines.append(f"TryExec={string_value(program)}")
            line = f"Exec={exec_value(program)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    """``data`` written whole (a temporary file renamed into place), mode 0644."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _refresh_icon_cache(home: Path) -> None:
    """Bring an icon cache the user already has up to date; never fails."""
    hicolor = home / "icons" / "hicolor"
    tool = shutil.which("gtk-update-icon-cache")
    if tool is None or not (hicolor / "icon-theme.cache").is_file():
        return
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            [tool, "--quiet", "--force", "--ignore-theme-index", str(hicolor)],
            check=False,
            capture_output=True,
            timeout=60,
        )


def check_platform() -> None:
    if sys.platform in ("win32", "cygwin", "darwin"):
        raise Refused(
            "The desktop launcher is for Linux desktops; on Windows and macOS, "
            "install Spine Journal from its bundle (make bundle)."
        )


def install(program: Path, home: Path) -> list[Path]:
    """The launcher and icons written under ``home``; their paths."""
    check_platform()
    program = program.expanduser()
    if not program.is_absolute():
        raise Refused(f"--exec must be an absolute path, not {program}.")
    if not (program.is_file() and os.access(program, os.X_OK)):
        raise Refused(f"{program} is not a program that can be run.")
    written = []
    with tempfile.TemporaryDirectory(prefix="spine-journal-icons-") as rendered:
        rendered_dir = Path(rendered)
        make_icons.make_icons(rendered_dir)
        for name, target in icon_paths(home).items():
            source = SVG if name == SVG.name else rendered_dir / name
            _write(target, source.read_bytes())
            written.append(target)
    # the launcher last: once the menu shows it, its icon is there
    _write(desktop_path(home), desktop_text(program).encode("utf-8"))
    written.append(desktop_path(home))
    _refresh_icon_cache(home)
    return written


def uninstall(home: Path) -> list[Path]:
    """Remove what ``install`` writes, and the folders that leaves empty; the removed files."""
    check_platform()
    removed = []
    for path in installed_paths(home):
        if path.is_file():
            path.unlink()
            removed.append(path)
        folder = path.parent
        while folder != home and folder.is_relative_to(home) and folder.is_dir():
            if any(folder.iterdir()):
                break
            folder.rmdir()
            folder = folder.parent
    _refresh_icon_cache(home)
    return removed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="desktop_entry.py", description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("install", "uninstall"))
    parser.add_argument("--exec", dest="program", metavar="PATH", help="the program to start")
    parser.add_argument("--data-home", metavar="DIR", help="default: $XDG_DATA_HOME")
    args = parser.parse_args(argv)
    home = data_home(args.data_home)
    try:
        if args.action == "install":
            if not args.program:
                raise Refused("install needs --exec PATH, the program the launcher starts.")
            install(Path(args.program), home)
            print(f"Spine Journal is in your application menu ({desktop_path(home)}).")
        else:
            removed = uninstall(home)
            if removed:
                print(f"Spine Journal's launcher and icons were removed ({len(removed)} files).")
            else:
                print("Spine Journal's launcher was not installed: nothing to remove.")
    except Refused as error:
        print(f"desktop_entry.py: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"desktop_entry.py: {error.filename or home}: {error.strerror}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
