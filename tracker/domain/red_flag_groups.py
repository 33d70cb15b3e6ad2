"""The printed summary's red-flag table: the period's red-flag rows (``red_flag_rows``) grouped
by rule, tier, logged action and note, each group's times written with the year only where it
changes. Plain Python, as the rest of the summary's content (``summary``)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from tracker.domain.red_flag_rows import RedFlagRow
from tracker.domain.timeutil import local_day
from tracker.domain.wording import time_text


@dataclass(frozen=True)
class RedFlagGroup:
    """The episodes (``RedFlagRow``) of one rule and tier with the same logged action and note:
    one printed row that lists each episode's time, so that a rule raised week after week takes
    a row, not a row a week."""

    rows: tuple[RedFlagRow, ...]

    @property
    def first(self) -> RedFlagRow:
        return self.rows[0]

    @property
    def count(self) -> int:
        """The alerts in all (an episode may hold several)."""
        return sum(r.count for r in self.rows)

    @property
    def when(self) -> str:
        """One episode as ``RedFlagRow.when``; several as "6 times: Sat 5 Sep 2026 08:01, Sat
        12 Sep 20:13, ..." with the year written only where it changes."""
        if len(self.rows) == 1:
            return self.first.when
        year = None
        times = []
        for row in self.rows:
            text = _time_in(row.first_at, year)
            if row.count > 1:
                text += f" to {_time_in(row.last_at, local_day(row.first_at).year)}"
                text += f" ({row.count} times)"
            times.append(text)
            year = local_day(row.last_at).year
        return f"{self.count} times: " + ", ".join(times)


def _time_in(at: datetime, year: int | None) -> str:
    """``time_text`` without the year when it is ``year``."""
    day = local_day(at)
    if day.year != year:
        return time_text(at)
    return f"{day:%a} {day.day} {day:%b} {at:%H:%M}"


def red_flag_groups(rows: Iterable[RedFlagRow]) -> list[RedFlagGroup]:
    """``rows`` (``red_flag_rows``) grouped by rule, tier, action and note, in the order of each
    group's first row."""
    groups: dict[tuple[str, str, str, str], list[RedFlagRow]] = {}
    for row in rows:
        groups.setdefault((row.rule, row.tier, row.action, row.note), []).append(row)
    return [RedFlagGroup(tuple(g)) for g in groups.values()]
