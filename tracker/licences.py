"""The licences of what Spine Journal ships: the distributions it depends on, read from their
installed package information (``importlib.metadata``), with no Qt and no network.

The walk starts at the ``spine-journal`` distribution and follows its requirements (those its
extras add, such as the test tools, are left out), so the list is the same in a checkout, an
installed wheel and the PyInstaller bundle (which carries the package information of the whole
closure: ``--recursive-copy-metadata``). Where that information is missing, ``shipped()``
returns nothing and the About dialog says so in a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

APP_DISTRIBUTION = "spine-journal"
APP_LICENCE = "MIT"  # pyproject.toml's project.license (tests/unit/test_licences.py checks it)
QT_LICENCE = "GNU Lesser General Public License, version 3 (LGPLv3)"

# a licence file: LICENSE, LICENCE, COPYING or NOTICE, alone or within a name, as plain text
_LICENCE_NAME = re.compile(r"licen[cs]e|copying|notice", re.IGNORECASE)
_TEXT_SUFFIXES = {"", "txt", "md", "rst"}
_CODE_SUFFIXES = {"py", "pyc", "pyi", "pyd", "so", "dll", "dylib", "html", "json"}
_LICENCE_STEMS = {"license", "licence", "copying", "notice"}
_SHORT_FIELD = 80  # longer "License" fields hold the whole text, not its name


@dataclass(frozen=True)
class Shipped:
    """One distribution the app ships: its name, version, licence and licence text ("" when
    its package carries none)."""

    name: str
    version: str
    licence: str
    text: str


def canonical(name: str) -> str:
    """The distribution name as the package index compares names (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def shipped(root: str = APP_DISTRIBUTION) -> list[Shipped]:
    """Every distribution ``root`` needs, directly or not (``root`` itself left out), by name;
    [] when ``root``'s own package information is missing."""
    try:
        start = metadata.distribution(root)
    except metadata.PackageNotFoundError:
        return []
    found: dict[str, Shipped] = {}
    waiting = _required(start.metadata)
    while waiting:
        name = waiting.pop()
        key = canonical(name)
        if key in found or key == canonical(root):
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:  # not installed: not shipped either
            continue
        meta = dist.metadata  # parsed once: each access parses the file again
        found[key] = Shipped(
            _field(meta, "Name") or name, _field(meta, "Version") or "?", licence_name(meta),
            licence_text(dist, meta),
        )  # fmt: skip
        waiting.extend(_required(meta))
    return sorted(found.values(), key=lambda s: s.name.lower())


def _required(meta: metadata.PackageMetadata) -> list[str]:
    """The names of the distributions required on this machine, without the extras'."""
    names = []
    for requirement in meta.get_all("Requires-Dist") or []:
        wanted = _wanted(requirement)
        if wanted is not None:
            names.append(wanted)
    return names


def _wanted(requirement: str) -> str | None:
    """The name in a requirement line, or None when its marker leaves it out here."""
    try:
        from packaging.requirements import InvalidRequirement, Requirement
    except ImportError:  # without packaging: leave out only what an extra asks for
        name, _, marker = requirement.partition(";")
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", name)
        return None if match is None or "extra" in marker else match.group(1)
    try:
        parsed = Requirement(requirement)
    except InvalidRequirement:
        return None
    if parsed.marker is not None and not parsed.marker.evaluate({"extra": ""}):
        return None
    return parsed.name


def licence_name(meta: metadata.PackageMetadata) -> str:
    """The licence as the package states it: its SPDX expression (``License-Expression``), else
    a short ``License`` field, else its trove classifiers, else "not stated"."""
    expression = _field(meta, "License-Expression").strip()
    if expression:
        return expression
    field = _field(meta, "License").strip()
    if field and "\n" not in field and len(field) <= _SHORT_FIELD and field != "UNKNOWN":
        return field
    classifiers = [
        c.split(" :: ")[-1]
        for c in meta.get_all("Classifier") or []
        if c.startswith("License :: ") and c != "License :: OSI Approved"
    ]
    return ", ".join(classifiers) if classifiers else "not stated in its package information"


def licence_text(dist: metadata.Distribution, meta: metadata.PackageMetadata) -> str:
    """The text of the licence files the distribution ships (each under its name when there
    are several), else a ``License`` field that holds the whole text, else ""."""
    texts: dict[str, str] = {}
    for name, text in _licence_files(dist, meta):
        if text and text.strip() and text.strip() not in texts.values():
            texts[name] = text.strip()
    if not texts:
        field = _field(meta, "License").strip()
        return field if "\n" in field else ""
    if len(texts) == 1:
        return next(iter(texts.values()))
    return "\n\n".join(f"==== {name} ====\n\n{text}" for name, text in texts.items())


def _licence_files(
    dist: metadata.Distribution, meta: metadata.PackageMetadata
) -> Iterator[tuple[str, str | None]]:
    """Each licence file's name and text (None when it cannot be read), found in the list of
    installed files (RECORD, read as text: ``dist.files`` makes a path of every file, 0.1 s
    for numpy), else through the ``License-File`` fields (PEP 639)."""
    record = dist.read_text("RECORD")
    if record is not None:
        for line in record.splitlines():
            path = line.split(",", 1)[0]
            if _is_licence_file(path.rpartition("/")[2]):
                yield path, _read(Path(str(dist.locate_file(path))))
        return
    for name in meta.get_all("License-File") or []:
        yield name, dist.read_text(f"licenses/{name}") or dist.read_text(name)


def _field(meta: metadata.PackageMetadata, name: str) -> str:
    if name not in meta:  # the protocol has no get(); a missing field would be None
        return ""
    return meta[name] or ""


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # listed, but not where it was installed
        return None


def _is_licence_file(name: str) -> bool:
    """LICENSE, LICENSE.txt, LICENSE.APACHE, dragon4_LICENSE.txt, LICENSE_DEJAVU; not a
    module such as license.py."""
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    suffix = suffix.lower()
    if not _LICENCE_NAME.search(stem) or suffix in _CODE_SUFFIXES:
        return False
    return suffix in _TEXT_SUFFIXES or stem.lower() in _LICENCE_STEMS
