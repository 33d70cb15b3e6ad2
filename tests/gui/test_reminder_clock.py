"""The reminder clock: one timer set to the next due instant, a reminder missed while the app
was closed shown at the start, and the next instant found again when the zone changes."""

from __future__ import annotations

import time as monotonic
from datetime import UTC, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot

from tracker.domain.reminders import CHECK_IN, TEXTS, Reminder, ReminderSettings, reminders_between
from tracker.ui.reminder_clock import LAST_CHECKED, LONGEST_WAIT, ReminderClock, app_settings

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
CHECK_IN_ONLY = ReminderSettings(doses=False, sessions=None, appointments=None)


def _due(start: datetime, end: datetime, zone: tzinfo) -> list[Reminder]:
    return reminders_between(CHECK_IN_ONLY, start, end, zone)


class MovingClock:
    """Wall time from ``start``, moving as real time does (the timer itself is real)."""

    def __init__(self, start: datetime) -> None:
        self.start = start
        self.began = monotonic.monotonic()

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=monotonic.monotonic() - self.began)


def test_the_timer_waits_for_the_next_reminder_and_fires_it(qtbot: QtBot) -> None:
    # Just before 20:00 on the day London's clocks went forward (20:00 BST = 19:00 UTC).
    now = MovingClock(datetime(2026, 3, 29, 18, 59, 59, 700000, tzinfo=UTC))
    clock = ReminderClock(_due, lambda: LONDON, now)
    clock.start()
    assert clock.next_at == datetime(2026, 3, 29, 19, tzinfo=UTC)
    assert clock.timer.isActive() and clock.timer.isSingleShot()
    with qtbot.waitSignal(clock.due, timeout=5000) as fired:
        pass
    reminders = fired.args[0]
    assert [(r.kind, r.at) for r in reminders] == [
        (CHECK_IN, datetime(2026, 3, 29, 19, tzinfo=UTC))
    ]
    assert reminders[0].text == TEXTS[CHECK_IN]
    assert clock.next_at == datetime(2026, 3, 30, 19, tzinfo=UTC)  # set again, for tomorrow
    assert clock.timer.isActive()
    stored = datetime.fromisoformat(str(app_settings().value(LAST_CHECKED)))
    assert stored >= datetime(2026, 3, 29, 19, tzinfo=UTC)
    clock.stop()


def test_a_reminder_due_while_the_app_was_closed_is_shown_at_the_start(qtbot: QtBot) -> None:
    app_settings().setValue(LAST_CHECKED, datetime(2026, 10, 24, 18, tzinfo=UTC).isoformat())
    now = datetime(2026, 10, 25, 9, tzinfo=UTC)  # the morning after
    clock = ReminderClock(_due, lambda: LONDON, lambda: now)
    with qtbot.waitSignal(clock.due, timeout=1000) as fired:
        clock.start()
    assert [r.at for r in fired.args[0]] == [datetime(2026, 10, 24, 19, tzinfo=UTC)]
    # in GMT again since 01:00 UTC: tonight's 20:00 is 20:00 UTC
    assert clock.next_at == datetime(2026, 10, 25, 20, tzinfo=UTC)
    clock.stop()


def test_nothing_is_shown_at_the_very_first_start(qtbot: QtBot) -> None:
    now = datetime(2026, 10, 25, 21, tzinfo=UTC)
    clock = ReminderClock(_due, lambda: LONDON, lambda: now)
    with qtbot.assertNotEmitted(clock.due):
        clock.start()
    assert clock.next_at == datetime(2026, 10, 26, 20, tzinfo=UTC)
    clock.stop()


def test_a_new_time_zone_moves_the_next_reminder(qtbot: QtBot) -> None:
    zone: list[tzinfo] = [LONDON]
    now = [datetime(2026, 7, 1, 12, tzinfo=UTC)]
    clock = ReminderClock(_due, lambda: zone[0], lambda: now[0])
    clock.start()
    assert clock.next_at == datetime(2026, 7, 1, 19, tzinfo=UTC)  # 20:00 BST
    # the timer never waits longer than LONGEST_WAIT, so a new zone or a clock set by hand
    # is seen then
    assert clock.timer.interval() <= LONGEST_WAIT.total_seconds() * 1000 + 1
    zone[0] = NEW_YORK  # the person flew to New York
    now[0] += timedelta(minutes=10)
    with qtbot.waitSignal(clock.timer.timeout, timeout=1000):
        clock.timer.start(0)
    assert clock.next_at == datetime(2026, 7, 2, 0, tzinfo=UTC)  # 20:00 EDT


def test_a_clock_set_forward_over_a_reminder_shows_it(qtbot: QtBot) -> None:
    now = [datetime(2026, 7, 1, 12, tzinfo=UTC)]
    clock = ReminderClock(_due, lambda: LONDON, lambda: now[0])
    clock.start()
    now[0] = datetime(2026, 7, 1, 22, tzinfo=UTC)  # the computer woke from sleep
    with qtbot.waitSignal(clock.due, timeout=1000) as fired:
        clock.check()
    assert [r.kind for r in fired.args[0]] == [CHECK_IN]
    clock.stop()
