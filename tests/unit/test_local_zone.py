"""The computer's zone by name, each way of asking it: TZ, /etc/localtime, Qt, else UTC."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tracker import local_zone as lz


def test_tz_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", ":Europe/Paris")
    assert lz.local_zone().key == "Europe/Paris"


@pytest.mark.skipif(os.name != "posix", reason="links to the zone files: Linux and macOS")
def test_the_link_of_etc_localtime(tmp_path: Path) -> None:
    zone_file = tmp_path / "usr" / "share" / "zoneinfo" / "America" / "New_York"
    zone_file.parent.mkdir(parents=True)
    zone_file.write_bytes(b"TZif")
    link = tmp_path / "localtime"
    link.symlink_to(zone_file)
    assert lz._from_localtime(link) == "America/New_York"
    assert lz._from_localtime(tmp_path / "missing") is None


def test_qt_is_asked_when_neither_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(lz, "_from_localtime", lambda: None)
    monkeypatch.setattr(lz, "_from_qt", lambda: "Asia/Tokyo")
    assert lz.local_zone().key == "Asia/Tokyo"


def test_qts_own_answer_is_a_zone_name() -> None:
    name = lz._from_qt()
    assert name is not None and name.isascii()


def test_utc_when_nothing_names_a_known_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Not/AZone")
    monkeypatch.setattr(lz, "_from_localtime", lambda: "Also/Unknown")
    monkeypatch.setattr(lz, "_from_qt", lambda: None)
    assert lz.local_zone().key == "UTC"
    assert lz.zone_named("") is None and lz.zone_named("../etc/passwd") is None
