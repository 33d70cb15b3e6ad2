"""Build the one-folder bundle of Spine Journal with PyInstaller, for the machine it runs on.

    python tools/build_bundle.py [--dist DIR] [--work DIR]

Writes ``DIST/SpineJournal/`` (default ``dist/``) with the executable
``DIST/SpineJournal/SpineJournal`` (``SpineJournal.exe`` on Windows; on macOS PyInstaller also
writes ``DIST/SpineJournal.app``). Everything PyInstaller writes besides (its analysis, the
``.spec`` file, the icons) goes to ``WORK`` (default ``build/``): nothing lands in the
repository's root. The same script on Windows, macOS and Linux; nothing is downloaded.

What PyInstaller cannot find by following imports is named here:

- the Alembic migrations (``tracker/storage/migrations``): Alembic reads them as files;
- the top-level ``resources/`` folder, put at ``tracker/resources`` in the bundle, where
  ``tracker.resources_dir()`` looks first (as in the installed wheel);
- every module of ``tracker`` (the commands and the window's panels are imported by name);
- matplotlib's Agg, Qt and SVG backends (chosen at run time, by name);
- the package metadata of the whole dependency closure, so that ``importlib.metadata`` lists
  the third-party licences inside the bundle too.

PySide6's plugins (platforms, image formats incl. SVG, icon engines) come with the PySide6
hooks of PyInstaller and pyinstaller-hooks-contrib, matplotlib's fonts with its hook. One of
PyInstaller's run-time hooks is replaced (``tools/pyinstaller_hooks``): matplotlib keeps its font
cache between starts, as it does for ``python main.py``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NAME = "SpineJournal"
DISTRIBUTION = "spine-journal"  # the project's name in pyproject.toml
MIGRATIONS = Path("tracker") / "storage" / "migrations"
HOOKS = REPO / "tools" / "pyinstaller_hooks"  # matplotlib keeps its font cache (see there)
HIDDEN_IMPORTS = (
    "matplotlib.backends.backend_agg",
    "matplotlib.backends.backend_qtagg",
    "matplotlib.backends.backend_svg",
)
# Imported by nothing the app runs, but found by PyInstaller through optional imports of its
# dependencies: left out, they would only make the bundle larger. setuptools above all: once
# collected, its run-time hook imports it at every start, before the window (150 ms and more).
EXCLUDED = (
    "setuptools",
    "distutils",
    "_distutils_hack",
    "pkg_resources",
    "tkinter",
    "IPython",
    "pytest",
    "PyQt5",
    "PyQt6",
)


def executable(folder: Path, platform: str = sys.platform) -> Path:
    """The executable inside the bundle's folder ``folder`` (``DIST/SpineJournal``)."""
    return folder / (f"{NAME}.exe" if platform == "win32" else NAME)


def icon_arguments(icons: Path, platform: str = sys.platform) -> list[str]:
    """PyInstaller's ``--icon`` for ``platform`` from the folder ``make_icons`` wrote: the .ico
    on Windows, the .icns on macOS; none on Linux (a desktop entry names the icon there)."""
    name = {"win32": "spine-journal.ico", "darwin": "spine-journal.icns"}.get(platform)
    return ["--icon", str(icons / name)] if name else []


def _data(source: Path, destination: Path) -> list[str]:
    # PyInstaller takes ":" between the two on every platform (and a Windows drive's colon is
    # told apart from it); destination is relative to the bundle's root, with "/" anywhere.
    return ["--add-data", f"{source}:{destination.as_posix()}"]


def data_arguments(repo: Path = REPO) -> list[str]:
    """The migrations' files (not their caches) and the resources folder."""
    arguments: list[str] = []
    for script in sorted((repo / MIGRATIONS).rglob("*.py")):
        arguments += _data(script, script.parent.relative_to(repo))
    arguments += _data(repo / "resources", Path("tracker") / "resources")
    return arguments


def pyinstaller_arguments(dist: Path, work: Path, platform: str = sys.platform) -> list[str]:
    """The whole PyInstaller command line, after ``python -m PyInstaller``."""
    arguments = [
        str(REPO / "main.py"),
        "--name", NAME,
        "--onedir",
        "--windowed",
        "--noconfirm",
        "--log-level", "WARN",
        "--distpath", str(dist),
        "--workpath", str(work / "pyinstaller"),
        "--specpath", str(work),
        "--paths", str(REPO),  # the checkout's tracker, whatever is installed
        "--collect-submodules", "tracker",
        "--additional-hooks-dir", str(HOOKS),
        "--recursive-copy-metadata", DISTRIBUTION,
    ]  # fmt: skip
    for module in HIDDEN_IMPORTS:
        arguments += ["--hidden-import", module]
    for module in EXCLUDED:
        arguments += ["--exclude-module", module]
    arguments += data_arguments()
    arguments += icon_arguments(work / "icons", platform)
    return arguments


def build(dist: Path, work: Path) -> Path:
    """Render the icons into ``work/icons``, then run PyInstaller; the bundle's executable."""
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "make_icons.py"), str(work / "icons")],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", *pyinstaller_arguments(dist, work)],
        check=True, cwd=work,
    )  # fmt: skip
    built = executable(dist / NAME)
    if not built.is_file():
        raise SystemExit(f"build_bundle: PyInstaller ended without writing {built}.")
    return built


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="build_bundle", description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="default: dist/")
    parser.add_argument("--work", type=Path, default=REPO / "build", help="default: build/")
    args = parser.parse_args(list(argv))
    try:
        built = build(args.dist.resolve(), args.work.resolve())
    except subprocess.CalledProcessError as error:
        print(
            f"build_bundle: {error.cmd[1]} ... failed (exit {error.returncode}).", file=sys.stderr
        )
        return 1
    print(f"Built {built}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
