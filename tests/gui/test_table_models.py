"""The history and alert-log models pass Qt's model checks and show what was recorded."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from tracker.domain import rules
from tracker.domain.model import Alert, Entry, Pain, Weakness
from tracker.ui.models.alert_table_model import COLUMNS as ALERT_COLUMNS
from tracker.ui.models.alert_table_model import SORT_ROLE as ALERT_SORT
from tracker.ui.models.alert_table_model import AlertTableModel
from tracker.ui.models.entry_table_model import COLUMNS as ENTRY_COLUMNS
from tracker.ui.models.entry_table_model import SORT_ROLE as ENTRY_SORT
from tracker.ui.models.entry_table_model import EntryTableModel

AT = datetime(2026, 10, 5, 8, 30, tzinfo=timezone(timedelta(hours=1)))


def test_the_history_model_passes_qt_model_checks_and_shows_red_flags(
    qtmodeltester: ModelTester,
) -> None:
    model = EntryTableModel()
    entries = [
        Entry(id="e1", recorded_at=AT, pain=Pain(score=3), note="slept badly"),
        Entry(
            id="e2",
            recorded_at=AT + timedelta(hours=5),
            pain=Pain(score=6, worst_24h=8),
            weakness=Weakness(left_leg=2),
            fatigue=7,
        ),
    ]
    model.set_entries(entries, {"e2": ["R1", "R10"]})
    qtmodeltester.check(model)
    flags = ENTRY_COLUMNS.index("Red flags")
    assert model.index(1, flags).data() == "R1 R10"
    assert model.index(0, flags).data() == ""
    assert (
        model.index(1, ENTRY_COLUMNS.index("Weakness")).data()
        == "struggles with everyday tasks: left leg"
    )
    assert model.index(0, ENTRY_COLUMNS.index("Note")).data() == "slept badly"
    # the day as every page writes it (no leading zero), at the entry's own clock time
    assert model.index(0, ENTRY_COLUMNS.index("When")).data() == "Mon 5 Oct 2026 08:30"
    tiredness = ENTRY_COLUMNS.index("Tiredness")
    assert [model.index(row, tiredness).data() for row in (0, 1)] == ["", "7"]
    assert model.index(1, tiredness).data(ENTRY_SORT) > model.index(0, tiredness).data(ENTRY_SORT)


def test_the_alert_model_passes_qt_model_checks_and_orders_tiers(
    qtmodeltester: ModelTester,
) -> None:
    model = AlertTableModel(lambda rule: rules.flag(rule).title)
    alerts = [
        Alert(raised_at=AT, rule="W2", tier="watch", entry_id="e1", id="a1"),
        Alert(
            raised_at=AT + timedelta(hours=5),
            rule="R1",
            tier="emergency",
            entry_id="e2",
            action="called_helpline",
            acknowledged_at=AT + timedelta(hours=5, minutes=3),
            note="team booked an MRI",
            id="a2",
        ),
    ]
    model.set_alerts(alerts, {"e2": "Mon 5 Oct 2026 13:30"})
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.rowCount(model.index(1, 0)) == 0  # two rules
    row = [model.index(1, c).data() for c in range(len(ALERT_COLUMNS))]
    assert "R1" in row and "Mon 5 Oct 2026 13:30" in row and "team booked an MRI" in row
    assert rules.flag("R1").title in row
    tier = ALERT_COLUMNS.index("Tier")
    assert model.index(1, tier).data(ALERT_SORT) > model.index(0, tier).data(ALERT_SORT)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Raised"


def test_an_episodes_repeats_are_one_row_with_the_answer_and_each_alert_beneath(
    qtmodeltester: ModelTester,
) -> None:
    """R1 on 17, 18 and 19 Sep (two entries a day), answered at its first entry: one row "17 to
    19 Sep 2026, 6 entries" with that answer; the six alerts are its children, in time order."""
    first = datetime(2026, 9, 17, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    times = [first + timedelta(days=d, hours=h) for d in range(3) for h in (0, 10)]
    episode = [
        Alert(raised_at=t, rule="R1", tier="emergency", entry_id=f"e{n}", id=f"a{n}")
        for n, t in enumerate(times)
    ]
    episode[0] = Alert(
        raised_at=times[0],
        rule="R1",
        tier="emergency",
        entry_id="e0",
        action="called_helpline",
        acknowledged_at=times[0] + timedelta(minutes=2),
        id="a0",
    )
    later = Alert(raised_at=first + timedelta(days=9), rule="W2", tier="watch", id="w")
    model = AlertTableModel(lambda rule: rules.flag(rule).title)
    model.set_alerts([*reversed(episode), later], {"e3": "Fri 18 Sep 2026 18:00"})
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    top = model.index(0, 0)
    row = [model.index(0, c).data() for c in range(len(ALERT_COLUMNS))]
    assert row[:3] == ["17 to 19 Sep 2026", "R1", "EMERGENCY"]
    assert row[4] == "6 entries" and row[5] == "called the helpline (17 Sep 08:02)"
    assert model.rowCount(top) == 6
    assert [a.id for a in model.alerts_at(top)] == [f"a{n}" for n in range(6)]
    child = model.index(3, 4, top)
    assert child.data() == "Fri 18 Sep 2026 18:00" and model.alerts_at(child)[0].id == "a3"
    assert model.index(3, 5, top).data() == "not asked again: see the episode's first alert"
    assert model.parent(child) == top.siblingAtColumn(0)
    assert model.index(1, 0).data() == "Sat 26 Sep 2026 08:00" and model.index(1, 4).data() == ""


def test_the_history_shows_not_asked_never_none_and_sorts_it_below_zero(
    qtmodeltester: ModelTester,
) -> None:
    """Issue 17: an entry saved without the nerve questions reads "not asked" in every nerve
    column; an answered "no" reads "none" (or the level's words); sorting puts not asked below
    0, and a column sorted through a proxy keeps them apart."""
    from PySide6.QtCore import QSortFilterProxyModel

    from tracker.domain.model import entry_from_values
    from tracker.domain.screening import screening_answer

    def made(entry_id: str, hours: int, answer: dict[str, object] | None) -> Entry:
        values = {"pain.score": 2, **screening_answer(answer is not None, answer)}
        return entry_from_values(AT + timedelta(hours=hours), values, entry_id)

    unasked = made("u", 0, None)
    none_of_these = made("n", 1, {})
    weak = made("w", 2, {"weakness.right_arm": 1, "walking": 2})
    partly = Entry(
        id="p",
        recorded_at=AT + timedelta(hours=3),
        pain=Pain(score=1),
        weakness=Weakness(left_arm=0, right_arm=0, left_leg=0),
    )
    model = EntryTableModel()
    model.set_entries([unasked, none_of_these, weak, partly])
    qtmodeltester.check(model)
    nerve_columns = ("Weakness", "Numbness", "Walking", "Bladder", "Bowel")

    def shown(row: int) -> list[str]:
        return [model.index(row, ENTRY_COLUMNS.index(c)).data() for c in nerve_columns]

    assert shown(0) == ["not asked"] * 5
    assert shown(1) == ["none", "none", "as usual", "normal", "normal"]
    assert shown(2)[0] == "slight: right arm" and shown(2)[2] == "needs a stick, frame or help"
    assert shown(3)[0] == "not asked: right leg"
    for text in (t for row in range(4) for t in shown(row)):
        assert text not in ("0", "")
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(ENTRY_SORT)
    for column in ("Weakness", "Walking"):
        proxy.sort(ENTRY_COLUMNS.index(column), Qt.SortOrder.AscendingOrder)
        order = [model.entry_at(proxy.mapToSource(proxy.index(r, 0)).row()).id for r in range(4)]
        assert order[0] == "u" and order[-1] == "w", (column, order)
