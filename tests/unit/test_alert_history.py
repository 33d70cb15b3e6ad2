"""The whole journal evaluated at once equals each entry evaluated against its full history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

from tracker.domain import redflags
from tracker.domain.alert_history import alerts_as_met, evaluate_all
from tracker.domain.demo import build_demo_journal
from tracker.domain.model import Entry, Pain, Review, Weakness
from tracker.domain.redflags import History
from tracker.storage.database import JournalDatabase

UTC_PLUS_2 = timezone(timedelta(hours=2))


def one_by_one(history: History) -> list[redflags.Evaluation]:
    ordered = sorted(range(len(history.entries)), key=lambda i: (history.entries[i].recorded_at, i))
    return [redflags.evaluate(history, history.entries[i]) for i in ordered]


def test_the_demo_year_gives_the_same_flags_as_evaluating_each_entry_on_its_own() -> None:
    history = History.from_journal(build_demo_journal(1))
    fast = evaluate_all(history)
    assert fast == one_by_one(history)
    assert sum(len(e.flags) for e in fast) > 20  # the demo has red-flag episodes to compare


def test_an_old_review_and_a_long_ago_recovery_still_set_the_baseline() -> None:
    """The review is a year before the entry, far outside the rules' day windows: the one
    entry since then with no weakness lowers the baseline, so the weakness alarms again."""
    start = datetime(2025, 1, 1, 9, 0, tzinfo=UTC_PLUS_2)
    weak = Weakness(left_leg=1)
    entries = [
        Entry(id=f"e{n}", recorded_at=start + timedelta(days=n), pain=Pain(score=2), weakness=weak)
        for n in range(1, 300)
    ]
    entries[10] = replace(entries[10], weakness=Weakness(left_leg=0))  # better for a day
    review = Review(reviewed_on=date(2025, 1, 1), symptom="weakness.left_leg", level=1, id="r1")
    history = History(entries=tuple(entries), reviews=(review,))
    fast = evaluate_all(history)
    assert fast == one_by_one(history)
    assert "R1" not in fast[5].rule_ids  # known, assessed, stable
    assert "R1" in fast[11].rule_ids and "R1" in fast[298].rule_ids  # came back: alarms


def test_an_entry_not_asked_about_weakness_lowers_no_baseline() -> None:
    """As above, but the entry between says nothing about weakness (not asked): the review's
    baseline stands, the stable weakness does not alarm, in the fast and the plain engine."""
    start = datetime(2025, 1, 1, 9, 0, tzinfo=UTC_PLUS_2)
    entries = [
        Entry(
            id=f"e{n}",
            recorded_at=start + timedelta(days=n),
            pain=Pain(score=2),
            weakness=Weakness(left_leg=1, right_leg=0, left_arm=0, right_arm=0),
        )
        for n in range(1, 60)
    ]
    entries[10] = replace(entries[10], weakness=Weakness())  # not asked that day
    review = Review(reviewed_on=date(2025, 1, 1), symptom="weakness.left_leg", level=1, id="r1")
    history = History(entries=tuple(entries), reviews=(review,))
    fast = evaluate_all(history)
    assert fast == one_by_one(history)
    assert all("R1" not in evaluation.rule_ids for evaluation in fast)


def test_alerts_as_met_interrupt_once_per_episode() -> None:
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC_PLUS_2)
    levels = [0, 1, 1, 2, 2, 0, 1]
    entries = tuple(
        Entry(
            id=f"e{n}",
            recorded_at=start + timedelta(hours=n),
            pain=Pain(score=2),
            weakness=Weakness(right_leg=level),
        )
        for n, level in enumerate(levels)
    )
    met = alerts_as_met(History(entries=entries))
    r1 = [(m.alert.entry_id, m.interrupted) for m in met if m.alert.rule == "R1"]
    # first of the episode, the rise to 2, then a new episode after the gap
    assert r1 == [
        ("e1", True),
        ("e2", False),
        ("e3", True),
        ("e4", False),
        ("e6", True),
    ]
    assert all(m.alert.raised_at == entries[int(m.alert.entry_id[1:])].recorded_at for m in met)  # type: ignore[index]


def test_the_demo_journal_holds_the_engines_alerts_all_answered(db: JournalDatabase) -> None:
    from tracker.services.alerts import AlertService
    from tracker.services.demo import fill_demo

    fill_demo(db, 1, end=date(2026, 11, 20))
    alerts = AlertService(db)
    stored = alerts.all_alerts()
    expected = alerts_as_met(History.from_journal(build_demo_journal(1)))
    assert sorted((a.entry_id, a.rule) for a in stored) == sorted(
        (m.alert.entry_id, m.alert.rule) for m in expected
    )
    assert {a.tier for a in stored} == {"emergency", "urgent", "watch"}
    assert alerts.pending_emergencies() == [] and alerts.unacknowledged_urgent() == []
