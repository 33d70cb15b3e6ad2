"""The summary's red-flag rows: every alert of the period, a run of one rule's alerts on
consecutive days with the same logged action and note as one row ("6 times"), so that a rule that
fired at every entry of a week does not push the rest of page 1 away."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from tracker.domain import rules, vocab
from tracker.domain.model import Alert
from tracker.domain.timeutil import local_day
from tracker.domain.wording import time_text

TIER_RANK = {"emergency": 3, "urgent": 2, "watch": 1}
TIER_WORDS = {"emergency": "EMERGENCY", "urgent": "Urgent", "watch": "Watch"}
NO_ACTION = "no action logged"

RuleWording = Callable[[str], str]


def rule_wording(rule_id: str) -> str:
    """The rule's patient wording, verbatim from the rule table."""
    return rules.RULES[rule_id].title


@dataclass(frozen=True)
class RedFlagRow:
    """One alert, or a run of one rule's alerts on consecutive days with the same action."""

    first_at: datetime
    last_at: datetime
    count: int
    rule: str
    tier: str
    wording: str  # the rule's patient wording (tracker.domain.rules)
    action: str  # the logged action in plain words, or NO_ACTION
    note: str  # the person's note on the alert (user text)

    @property
    def when(self) -> str:
        if self.count == 1:
            return time_text(self.first_at)
        return f"{time_text(self.first_at)} to {time_text(self.last_at)} ({self.count} times)"

    @property
    def tier_words(self) -> str:
        return TIER_WORDS[self.tier]


def _alert_key(alert: Alert) -> tuple[str, str, str | None, str]:
    return (alert.rule, alert.tier, alert.action, alert.note.strip())


def alert_episodes(alerts: Iterable[Alert]) -> list[tuple[Alert, ...]]:
    """The alerts as episodes, in time order: alerts of one rule whose days follow each other (at
    most a day apart) share an episode when they have the same action and note, or when the later
    one has neither: the app interrupts only at an episode's first entry, so the repeats that
    follow carry no answer of their own and belong to the answered one (its first alert)."""
    runs: list[list[Alert]] = []
    last_of: dict[tuple[str, str], list[Alert]] = {}
    for alert in sorted(alerts, key=lambda a: (a.raised_at, a.id or "")):
        run = last_of.get((alert.rule, alert.tier))
        silent_repeat = alert.action is None and not alert.note.strip()
        if (
            run is not None
            and local_day(alert.raised_at) - local_day(run[-1].raised_at) <= timedelta(days=1)
            and (silent_repeat or _alert_key(alert) == _alert_key(run[0]))
        ):
            run.append(alert)
            continue
        run = [alert]
        runs.append(run)
        last_of[(alert.rule, alert.tier)] = run
    return [tuple(run) for run in runs]


def days_text(first: datetime, last: datetime) -> str:
    """The days an episode ran, in its own time zone: "17 to 19 Sep 2026", "30 Sep to 2 Oct
    2026", "31 Dec 2025 to 1 Jan 2026", or one day "17 Sep 2026"."""
    a, b = local_day(first), local_day(last)
    if a == b:
        return f"{a.day} {a:%b %Y}"
    if a.year != b.year:
        return f"{a.day} {a:%b %Y} to {b.day} {b:%b %Y}"
    if a.month != b.month:
        return f"{a.day} {a:%b} to {b.day} {b:%b %Y}"
    return f"{a.day} to {b.day} {b:%b %Y}"


def red_flag_rows(alerts: Iterable[Alert], wording: RuleWording = rule_wording) -> list[RedFlagRow]:
    """The period's alerts, emergency first, then urgent, then watch; in time order within a
    tier; an episode (``alert_episodes``) is one row."""
    runs = alert_episodes(alerts)
    rows = [
        RedFlagRow(
            first_at=run[0].raised_at,
            last_at=run[-1].raised_at,
            count=len(run),
            rule=run[0].rule,
            tier=run[0].tier,
            wording=wording(run[0].rule),
            action=vocab.ACTION_WORDS[run[0].action] if run[0].action else NO_ACTION,
            note=run[0].note.strip(),
        )
        for run in runs
    ]
    return sorted(rows, key=lambda r: (-TIER_RANK[r.tier], r.first_at))
