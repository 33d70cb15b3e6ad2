"""The licence walk (tracker.licences), with no Qt: the installed closure of spine-journal, and
made-up distributions in a temporary site folder for the cases the real ones do not show (a
licence file listed but missing, as in a bundle; no RECORD; no package information at all)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from email.message import Message
from importlib import metadata
from pathlib import Path

import pytest

from tests.conftest import REPO
from tracker import licences
from tracker.licences import APP_LICENCE, licence_name, shipped


def test_the_app_licence_is_the_one_in_pyproject() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert config["project"]["license"] == {"text": APP_LICENCE}


def test_the_installed_closure_lists_what_the_app_needs_with_licences() -> None:
    found = {item.name: item for item in shipped()}
    # the direct requirements, and what they need in turn (matplotlib -> numpy, alembic -> Mako)
    for name in ("PySide6_Essentials", "shiboken6", "SQLAlchemy", "alembic", "matplotlib"):
        assert found[name].licence.strip(), name
        assert found[name].version == metadata.version(name)
    assert {"numpy", "Mako", "pillow"} <= set(found)
    # never the app itself, nor what only its test extra asks for
    assert not {"spine-journal", "pytest", "pytest-qt", "ruff", "mypy", "hypothesis"} & set(found)
    assert "LGPL-3.0" in found["PySide6_Essentials"].licence
    assert found["SQLAlchemy"].licence == "MIT"
    assert "Permission is hereby granted" in found["SQLAlchemy"].text
    # matplotlib's License field is its whole text: the name comes from its classifier
    assert "\n" not in found["matplotlib"].licence and found["matplotlib"].text
    assert [item.name.lower() for item in found.values()] == sorted(
        item.name.lower() for item in found.values()
    )


def test_importing_the_walk_loads_no_qt() -> None:
    code = "import sys, tracker.licences; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def _meta(**fields: str | list[str]) -> Message:
    message = Message()
    for key, value in fields.items():
        for one in value if isinstance(value, list) else [value]:
            message[key.replace("_", "-")] = one
    return message


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"License_Expression": "MIT", "License": "BSD"}, "MIT"),
        ({"License": "Apache-2.0"}, "Apache-2.0"),
        (
            {
                "License": "Copyright (c) 2015\nAll rights reserved.",
                "Classifier": ["License :: OSI Approved", "License :: OSI Approved :: BSD License"],
            },
            "BSD License",
        ),
        ({"License": "UNKNOWN"}, "not stated in its package information"),
        ({}, "not stated in its package information"),
    ],
)
def test_the_licence_name_comes_from_the_expression_the_field_or_the_classifiers(
    fields: dict[str, str | list[str]], expected: str
) -> None:
    assert licence_name(_meta(**fields)) == expected  # type: ignore[arg-type]


# ---- made-up distributions ---------------------------------------------------------------------


def _distribution(
    site: Path,
    name: str,
    requires: tuple[str, ...] = (),
    files: dict[str, str] | None = None,
    record: tuple[str, ...] | None = None,
    extra_fields: tuple[str, ...] = (),
) -> None:
    """``name``-1.0.dist-info in ``site``, with ``files`` (paths relative to ``site``) written
    and a RECORD listing ``record`` (default: the files), or none when ``record`` is ()."""
    info = site / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir(parents=True)
    lines = ["Metadata-Version: 2.4", f"Name: {name}", "Version: 1.0", *extra_fields]
    lines += [f"Requires-Dist: {requirement}" for requirement in requires]
    (info / "METADATA").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for path, text in (files or {}).items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    listed = list(files or {}) if record is None else list(record)
    if record != ():
        (info / "RECORD").write_text("".join(f"{p},,\n" for p in listed), encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))
    return folder


def test_the_walk_follows_requirements_but_not_extras_markers_or_missing_ones(site: Path) -> None:
    _distribution(
        site,
        "made-up-app",
        requires=(
            "made-up-lib>=1",
            "made-up-tool; extra == 'test'",
            "made-up-old; python_version < '3'",
            "made-up-absent",
        ),
    )
    _distribution(site, "made-up-lib", requires=("made_up.deep",), extra_fields=("License: MIT",))
    _distribution(site, "made-up-tool")
    _distribution(site, "made-up-old")
    _distribution(site, "made_up.deep", requires=("made-up-app",))  # a cycle back to the root
    names = [item.name for item in shipped("made-up-app")]
    assert names == ["made-up-lib", "made_up.deep"]


def test_without_packaging_only_extras_are_left_out(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "packaging.requirements", None)  # import fails
    _distribution(site, "made-up-app", requires=("made-up-lib (>=1)", "made-up-tool; extra=='t'"))
    _distribution(site, "made-up-lib")
    _distribution(site, "made-up-tool")
    assert [item.name for item in shipped("made-up-app")] == ["made-up-lib"]


def test_licence_files_are_read_and_a_missing_one_is_skipped(site: Path) -> None:
    info = "made_up_lib-1.0.dist-info"
    _distribution(site, "made-up-app", requires=("made-up-lib",))
    _distribution(
        site,
        "made-up-lib",
        files={
            f"{info}/licenses/LICENSE": "The made-up licence.\n",
            "made_up_lib/fonts/LICENSE_FONT": "The font's licence.",
            "made_up_lib/license.py": "print('a module, not a licence')",
        },
        # as in a bundle that left a listed file out
        record=(
            f"{info}/licenses/LICENSE",
            "made_up_lib/fonts/LICENSE_FONT",
            "made_up_lib/license.py",
            "made_up_lib/COPYING",
        ),
    )
    (item,) = shipped("made-up-app")
    assert "The made-up licence." in item.text and "The font's licence." in item.text
    assert "module" not in item.text
    assert f"==== {info}/licenses/LICENSE ====" in item.text  # several: each under its name


def test_without_record_the_license_file_fields_are_read(site: Path) -> None:
    _distribution(site, "made-up-app", requires=("made-up-lib",))
    _distribution(
        site,
        "made-up-lib",
        files={"made_up_lib-1.0.dist-info/licenses/COPYING": "Copying terms."},
        record=(),
        extra_fields=("License-Expression: GPL-3.0-only", "License-File: COPYING"),
    )
    (item,) = shipped("made-up-app")
    assert (item.licence, item.text) == ("GPL-3.0-only", "Copying terms.")


def test_a_licence_field_holding_the_whole_text_is_the_text_when_no_file_is_shipped(
    site: Path,
) -> None:
    _distribution(site, "made-up-app", requires=("made-up-lib",))
    _distribution(site, "made-up-lib", extra_fields=("License: Line one", "        Line two"))
    (item,) = shipped("made-up-app")
    assert item.text.splitlines()[0] == "Line one" and "Line two" in item.text


def test_without_the_apps_package_information_nothing_is_listed(site: Path) -> None:
    assert shipped("made-up-app-not-installed") == []
    assert licences.canonical("Made_Up.App") == "made-up-app"
