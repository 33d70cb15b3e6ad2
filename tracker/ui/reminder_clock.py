"""Fires the reminders while the app runs: one timer, set to the next due instant.

No polling: the timer waits for the next reminder, then shows what came due and is set again.
Qt's timers count on the monotonic clock, which does not see the wall clock or the time zone
change (a trip, the computer waking from sleep, the clock set by hand), and Qt has no event
for it on every system. So the wait is never longer than ``LONGEST_WAIT``: on waking, the
zone is read again and the next instant found afresh, and a reminder whose instant was jumped
over is shown then.

The last instant checked is kept with QSettings (a time, no health data) so that a reminder
that came due while the app was closed is shown at the next start.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from tracker.domain.reminders import Reminder

LONGEST_WAIT = timedelta(minutes=10)
LOOK_AHEAD = timedelta(days=2)
CATCH_UP = timedelta(days=7)  # at a start, reminders missed up to this long ago are shown
LAST_CHECKED = "reminders/last_checked"

DueBetween = Callable[[datetime, datetime, tzinfo], list[Reminder]]


def app_settings() -> QSettings:
    """The app's own settings (not the journal's): an INI file in the user's settings folder,
    holding times and on/off choices only, never a symptom or a medicine."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "spine-journal", "reminders"
    )


def _now() -> datetime:
    return datetime.now(UTC)


class ReminderClock(QObject):
    due = Signal(list)  # list[Reminder], in time order

    def __init__(
        self,
        due_between: DueBetween,
        zone: Callable[[], tzinfo],
        now: Callable[[], datetime] = _now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._due_between = due_between
        self._zone = zone
        self._now = now
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.next_at: datetime | None = None  # the reminder the timer waits for, if any
        self._last: datetime | None = None

    def start(self) -> None:
        """Show what came due since the app last looked (at most ``CATCH_UP`` ago), then wait."""
        now = self._now()
        text = str(app_settings().value(LAST_CHECKED, ""))
        try:
            last = datetime.fromisoformat(text)
        except ValueError:  # never kept (the first start) or not a time: nothing missed
            last = now
        if last.utcoffset() is None or last > now:
            last = now
        self._last = max(last, now - CATCH_UP)
        self.check()

    def stop(self) -> None:
        self.timer.stop()
        self._last = None

    def check(self) -> None:
        """Show the reminders due since the last check, keep that instant, set the timer."""
        if self._last is None:
            return
        now = self._now()
        zone = self._zone()
        due = self._due_between(self._last, now, zone) if now > self._last else []
        self._last = now
        stored = app_settings()
        stored.setValue(LAST_CHECKED, now.isoformat())
        stored.sync()
        if due:
            self.due.emit(due)
        self._arm(now, zone)

    def _arm(self, now: datetime, zone: tzinfo) -> None:
        ahead = self._due_between(now, now + LOOK_AHEAD, zone)
        self.next_at = ahead[0].at if ahead else None
        wait = LONGEST_WAIT if self.next_at is None else min(self.next_at - now, LONGEST_WAIT)
        self.timer.start(max(0, int(wait.total_seconds() * 1000)) + 1)
