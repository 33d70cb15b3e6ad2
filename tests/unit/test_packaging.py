"""The wheel's package list (pyproject.toml) names every package of the checkout, and the
resources are found where the checkout keeps them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import tracker

REPO = Path(__file__).resolve().parents[2]


def test_every_package_folder_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    folders = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "tracker").rglob("__init__.py")
    }
    assert folders | {"tracker.resources"} == listed
    assert config["tool"]["setuptools"]["package-dir"]["tracker.resources"] == "resources"


def test_the_checkout_finds_its_top_level_resources() -> None:
    assert not (REPO / "tracker" / "resources").exists()
    assert tracker.resources_dir() == REPO / "resources"
    assert tracker.resource("style.qss").is_file()
    assert tracker.resource("icons/spine-journal.svg").is_file()
