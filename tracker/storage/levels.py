"""Symptom levels in SQL, so that a baseline never needs years of entries in Python.

A care-team review may be years old. Its key's baseline is the review's level lowered to the
lowest level of any entry since (``symptom_levels.baselines``). Rather than loading every entry
since the review, SQLite finds one entry with the lowest level of each reviewed key before the
short stretch of history the other rules need; the engine gets it beside that stretch, which gives
the same result as the whole history (``tests/unit/
test_alert_history.py`` and ``test_levels.py`` hold it to that).

Each expression here mirrors ``tracker.domain.symptom_levels.symptom_levels``: the stored levels
come from the entry's field table, the bladder and bowel levels from ``wording.CHOICE_LEVELS``; a
property test checks them against it for generated entries. A screening sign not asked is NULL
and its expression NULL too (a bare column, or a CASE without ELSE), which equals no level: such
an entry is never the one that lowers a baseline, as ``symptom_levels`` gives it None.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from tracker.domain import fields
from tracker.domain.model import Entry
from tracker.domain.timeutil import from_utc_naive
from tracker.domain.wording import CHOICE_LEVELS
from tracker.storage import mapping
from tracker.storage.repository import TABLES

ENTRIES = TABLES["entries"]


def _has(column: ColumnElement[str], word: str) -> ColumnElement[bool]:
    """``word`` is one of the comma-separated values of ``column``."""
    return ("," + column + ",").contains("," + word + ",", autoescape=True)


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def level_expression(key: str) -> ColumnElement[int]:
    """The level of symptom ``key`` for an entries row, as ``symptom_levels`` computes it
    (NULL where that gives None: a sign not asked)."""
    c = ENTRIES.c
    present = or_(c.pain_score >= 1, func.coalesce(c.worst_24h, 0) >= 1)
    field = fields.BY_PATH.get(key)
    if field is not None and field.kind == "number":  # a level stored as it is
        column: ColumnElement[int] = c[field.storage]
        return column
    if key in CHOICE_LEVELS:
        answer = c[fields.BY_PATH[key].storage]
        return case(*((answer == value, level) for value, level in CHOICE_LEVELS[key].items()))
    if key == "sexual_change":
        return cast(c.sexual_change, Integer)
    if key in ("pain.cervical", "pain.thoracic"):
        return _flag(and_(present, _has(c.regions, key.removeprefix("pain."))))
    if key == "pain.night":
        return _flag(and_(present, c.pain_night))
    if key == "pain.straining":
        return _flag(and_(present, c.pain_straining))
    if key == "pain.tender":
        return _flag(and_(present, c.pain_tender))
    if key == "pain.radiating.band":
        return _flag(_has(c.radiating, "band"))
    if key == "pain.radiating.arm":
        return _flag(or_(_has(c.radiating, "left_arm"), _has(c.radiating, "right_arm")))
    if key == "pain.radiating.leg":
        return _flag(or_(_has(c.radiating, "left_leg"), _has(c.radiating, "right_leg")))
    if key == "pain.radiating.both_legs":
        return _flag(and_(_has(c.radiating, "left_leg"), _has(c.radiating, "right_leg")))
    raise KeyError(key)


def lowest_level_entry(
    session: Session, key: str, reviewed_on: date, review_level: int, until: date
) -> Entry | None:
    """An entry whose own day lies after ``reviewed_on`` and before ``until`` with the lowest
    level of ``key`` there, when that level is below ``review_level``; else None.

    Levels are small whole numbers, so it asks for level 0, then 1, ... below the review's
    level: each question stops at its first match. Which entry of that level is returned does
    not matter to a baseline, only the level.
    """
    for level in range(review_level):
        query = (
            select(ENTRIES)
            .where(
                ENTRIES.c.local_day > reviewed_on,
                ENTRIES.c.local_day < until,
                level_expression(key) == level,
            )
            .limit(1)
        )
        for row in mapping.rows(session.execute(query)):
            return mapping.row_to_entry(row)
    return None


def entry_times(session: Session) -> dict[str, datetime]:
    """When each entry that has an alert was recorded (in its own offset)."""
    alerts = TABLES["alerts"]
    query = select(ENTRIES.c.id, ENTRIES.c.recorded_utc, ENTRIES.c.utc_offset_min).where(
        ENTRIES.c.id.in_(select(alerts.c.entry_id).where(alerts.c.entry_id.is_not(None)))
    )
    return {
        str(entry_id): from_utc_naive(utc, minutes)
        for entry_id, utc, minutes in session.execute(query)
    }
