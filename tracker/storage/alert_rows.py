"""The alerts' rows: which rules alerted on an entry, and the alerts waiting for an answer.
Read and written inside the caller's Session; ``repository`` holds the table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from tracker.domain.model import Alert
from tracker.storage import mapping
from tracker.storage.repository import TABLES, update_simple, with_id


def alert_ids_of_entry(session: Session, entry_id: str) -> list[str]:
    table = TABLES["alerts"]
    return list(session.execute(select(table.c.id).where(table.c.entry_id == entry_id)).scalars())


def link_alerts(session: Session, alert_ids: Iterable[str], entry_id: str) -> None:
    table = TABLES["alerts"]
    ids = list(alert_ids)
    if ids:
        session.execute(update(table).where(table.c.id.in_(ids)).values(entry_id=entry_id))


def alert_rules_of_entry(session: Session, entry_id: str) -> set[str]:
    table = TABLES["alerts"]
    return set(session.execute(select(table.c.rule).where(table.c.entry_id == entry_id)).scalars())


def alert_rules_by_entry(
    session: Session, entry_ids: Iterable[str] | None = None
) -> dict[str, list[str]]:
    """The rules alerted on each entry (of ``entry_ids``, or of every entry)."""
    table = TABLES["alerts"]
    result: dict[str, list[str]] = defaultdict(list)
    query = select(table.c.entry_id, table.c.rule).where(table.c.entry_id.is_not(None))
    if entry_ids is not None:
        query = query.where(table.c.entry_id.in_(list(entry_ids)))
    for entry_id, rule in session.execute(query.order_by(table.c.pk)):
        result[str(entry_id)].append(str(rule))
    return dict(result)


def insert_alert(session: Session, alert: Alert, *, interrupted: bool) -> Alert:
    alert = with_id(alert, "alerts")
    values = {**mapping.alert_values(alert), "interrupted": interrupted}
    session.execute(insert(TABLES["alerts"]).values(**values))
    return alert


def _get_alert(session: Session, alert_id: str) -> Alert:
    table = TABLES["alerts"]
    (row,) = mapping.rows(session.execute(select(table).where(table.c.id == alert_id)))
    return mapping.row_to_alert(row)


def set_alert_action(
    session: Session, alert_id: str, action: str, when: datetime, note: str = ""
) -> Alert:
    alert = replace(_get_alert(session, alert_id), action=action, acknowledged_at=when)
    if note:
        alert = replace(alert, note=note)
    update_simple(session, "alerts", alert)
    return alert


def set_alert_note(session: Session, alert_id: str, note: str) -> None:
    update_simple(session, "alerts", replace(_get_alert(session, alert_id), note=note))


def pending_emergency_alerts(session: Session) -> list[Alert]:
    table = TABLES["alerts"]
    query = (
        select(table)
        .where(
            (table.c.tier == "emergency")
            & (table.c.interrupted == True)  # noqa: E712 - SQL, not Python
            & (table.c.action.is_(None) | (table.c.action == "reminder"))
        )
        .order_by(table.c.raised_utc, table.c.pk)
    )
    return [mapping.row_to_alert(r) for r in mapping.rows(session.execute(query))]


def unacknowledged_urgent_alerts(session: Session) -> list[Alert]:
    table = TABLES["alerts"]
    query = (
        select(table)
        .where(
            (table.c.tier == "urgent")
            & (table.c.interrupted == True)  # noqa: E712 - SQL, not Python
            & table.c.action.is_(None)
        )
        .order_by(table.c.raised_utc, table.c.pk)
    )
    return [mapping.row_to_alert(r) for r in mapping.rows(session.execute(query))]
