"""Spine Journal: a private journal and symptom tracker for people with cancer in the spine."""

from pathlib import Path

__version__ = "0.1.0"
APP_NAME = "Spine Journal"

_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The project's top-level ``resources/`` folder, found the same way everywhere.

    The wheel installs it as ``tracker/resources`` (``package-dir`` in ``pyproject.toml``) and
    the bundle carries it at the same place (``tools/build_bundle.py``); a checkout has it
    beside the package. A plain path, not ``importlib.resources``: that would add its own
    imports before the window's first paint, and Qt reads these files by path anyway.
    """
    inside = _HERE / "resources"
    return inside if inside.is_dir() else _HERE.parent / "resources"


def resource(name: str) -> Path:
    """A file of ``resources/`` (``name`` may have folders: ``icons/app.svg``)."""
    return resources_dir() / name
