"""tools/build_bundle.py: the PyInstaller command line for each system (the bundle itself is
built and run by tests/cli/test_bundle.py)."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


def _build_bundle() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_bundle", REPO / "tools" / "build_bundle.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_bundle = _build_bundle()


@pytest.mark.parametrize(
    ("platform", "icon"),
    [("win32", "spine-journal.ico"), ("darwin", "spine-journal.icns"), ("linux", None)],
)
def test_the_icon_is_the_ico_on_windows_the_icns_on_macos_and_none_on_linux(
    platform: str, icon: str | None, tmp_path: Path
) -> None:
    arguments = build_bundle.pyinstaller_arguments(tmp_path / "dist", tmp_path / "work", platform)
    if icon is None:
        assert "--icon" not in arguments
    else:
        assert arguments[arguments.index("--icon") + 1] == str(tmp_path / "work" / "icons" / icon)


@pytest.mark.parametrize(
    ("platform", "name"),
    [("win32", "SpineJournal.exe"), ("darwin", "SpineJournal"), ("linux", "SpineJournal")],
)
def test_the_executable_is_named_for_the_system(platform: str, name: str) -> None:
    folder = Path("dist") / "SpineJournal"
    assert build_bundle.executable(folder, platform) == folder / name


def _pairs(arguments: list[str], option: str) -> list[str]:
    return [arguments[i + 1] for i, arg in enumerate(arguments) if arg == option]


def test_the_migrations_and_resources_land_where_the_package_looks_for_them() -> None:
    data = dict(pair.rsplit(":", 1) for pair in _pairs(build_bundle.data_arguments(), "--add-data"))
    migrations = REPO / "tracker" / "storage" / "migrations"
    scripts = sorted(migrations.rglob("*.py"))
    assert {"env.py", "0001_initial.py", "0002_alert_interrupted.py"} <= {p.name for p in scripts}
    for script in scripts:
        assert data[str(script)] == script.parent.relative_to(REPO).as_posix()
    assert not any("__pycache__" in source for source in data)
    assert data[str(REPO / "resources")] == "tracker/resources"


def test_every_module_metadata_and_the_build_files_are_asked_for(tmp_path: Path) -> None:
    work = tmp_path / "work"
    arguments = build_bundle.pyinstaller_arguments(tmp_path / "dist", work, "linux")
    assert {"--onedir", "--windowed", "--noconfirm"} <= set(arguments)
    assert _pairs(arguments, "--collect-submodules") == ["tracker"]  # commands, panels
    assert _pairs(arguments, "--recursive-copy-metadata") == ["spine-journal"]
    assert _pairs(arguments, "--specpath") == [str(work)]  # no .spec in the repository
    assert _pairs(arguments, "--distpath") == [str(tmp_path / "dist")]
    assert {
        "matplotlib.backends.backend_agg",
        "matplotlib.backends.backend_qtagg",
        "matplotlib.backends.backend_svg",
    } <= set(_pairs(arguments, "--hidden-import"))


def test_matplotlib_s_run_time_hook_is_replaced_by_the_repository_s_own(tmp_path: Path) -> None:
    """PyInstaller's would move matplotlib's font cache to a new temporary folder at each start
    (checked on the built bundle by tests/cli/test_bundle.py)."""
    arguments = build_bundle.pyinstaller_arguments(tmp_path / "dist", tmp_path / "work", "linux")
    (hooks,) = map(Path, _pairs(arguments, "--additional-hooks-dir"))
    rthooks = ast.literal_eval((hooks / "rthooks.dat").read_text(encoding="utf-8"))
    (name,) = rthooks["matplotlib"]
    assert (hooks / "rthooks" / name).is_file()
