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


def red_flag_rows(alerts: Iterable[Alert], wording: RuleWording = rule_wording) -> list[RedFlagRow]:
    """The period's alerts, emergency first, then urgent, then watch; in time order within a
    tier. Alerts of one rule whose days follow each other (at most a day apart) share a row when
    they have the same action and note, or when the later one has neither: the app interrupts
    only at an episode's first entry, so the repeats that follow carry no answer of their own
    and belong to the answered row."""
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
