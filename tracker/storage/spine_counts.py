"""The spine map's counts: how many of a period's entries recorded pain in each region, summed
by SQLite in one row (the regions are stored comma-separated, ``entries.regions``)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from tracker.domain import vocab
from tracker.storage.repository import TABLES

ENTRIES = TABLES["entries"]


def _has(word: str) -> ColumnElement[int]:
    """1 when ``word`` is one of the entry's regions."""
    listed = "," + ENTRIES.c.regions + ","
    return case((listed.contains("," + word + ",", autoescape=True), 1), else_=0)


def region_counts(session: Session, start: date, end: date) -> tuple[int, dict[str, int]]:
    """The number of entries whose own day is in ``start..end``, and of those, how many
    recorded pain in each region of ``vocab.REGIONS``."""
    query = select(
        func.count(),
        *(func.coalesce(func.sum(_has(region)), 0) for region in vocab.REGIONS),
    ).where(ENTRIES.c.local_day.between(start, end))
    row = session.execute(query).one()
    return int(row[0]), {
        region: int(value) for region, value in zip(vocab.REGIONS, row[1:], strict=True)
    }
