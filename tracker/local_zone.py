"""The computer's time zone by its name (``Europe/London``), for reminders and the calendar.

Python has no portable way to ask it: TZ, then /etc/localtime (Linux, macOS), then Qt's
answer (which also knows Windows' zones); UTC when none of them says. Plain Python unless Qt is
needed; the window passes Qt's answer itself.
"""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC_ZONE = "UTC"


def zone_named(name: str | None) -> ZoneInfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name.lstrip(":"))
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _from_localtime(link: Path = Path("/etc/localtime")) -> str | None:
    try:
        target = str(link.resolve(strict=True))
    except OSError:
        return None
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else None


def _from_qt() -> str | None:
    try:
        from PySide6.QtCore import QTimeZone
    except ImportError:
        return None
    return bytes(QTimeZone.systemTimeZoneId().data()).decode("ascii", "replace")


def local_zone() -> ZoneInfo:
    for name in (os.environ.get("TZ"), _from_localtime(), _from_qt()):
        zone = zone_named(name)
        if zone is not None:
            return zone
    return ZoneInfo(UTC_ZONE)
