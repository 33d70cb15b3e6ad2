"""Red flags after every save: evaluate, log every firing, decide what interrupts the person.

The entry is committed first, in its own unit of work: if the red-flag engine fails, the entry
is still saved and the caller is told that the check could not run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tracker.domain import redflags
from tracker.domain.model import Alert, Entry
from tracker.domain.redflags import Evaluation, Flag, History
from tracker.storage import repository
from tracker.storage.database import JournalDatabase

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def local_clock() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True)
class RaisedAlert:
    """A stored alert with the flag that raised it (title, advice, source for the screen)."""

    alert: Alert
    flag: Flag


@dataclass(frozen=True)
class FlagOutcome:
    """What the red-flag check made of one save."""

    evaluation: Evaluation | None = None
    raised: tuple[RaisedAlert, ...] = ()
    interrupting: tuple[RaisedAlert, ...] = ()
    check_failed: bool = False
    evaluated: tuple[Evaluation, ...] = field(default_factory=tuple)

    @property
    def highest_interrupting(self) -> str:
        tiers = [r.flag.tier for r in self.interrupting]
        for tier in ("emergency", "urgent", "watch"):
            if tier in tiers:
                return tier
        return "none"


class AlertService:
    def __init__(self, db: JournalDatabase, clock: Clock = local_clock) -> None:
        self._db = db
        self._clock = clock

    # ---- evaluation --------------------------------------------------------------------------

    def _history_for(self, entry: Entry) -> History:
        """Only the stretch of history the rules need for this entry."""
        with self._db.unit_of_work() as session:
            reviews = repository.load_reviews(session)
            treatments = repository.load_treatments(session)
            start = redflags.history_start(entry, reviews, treatments)
            entries = repository.load_entries_from_day(session, start)
        return History(entries=tuple(entries), reviews=tuple(reviews), treatments=tuple(treatments))

    def evaluate(self, entry: Entry) -> Evaluation:
        return redflags.evaluate(self._history_for(entry), entry)

    def evaluate_latest(self) -> Evaluation | None:
        """The most recent entry (by instant; on a tie, the one stored later), or None."""
        with self._db.unit_of_work() as session:
            latest = repository.latest_entry(session)
        return None if latest is None else self.evaluate(latest)

    def after_save(self, entry: Entry) -> FlagOutcome:
        """Evaluate the saved entry against its own history, then the most recent entry;
        log every firing not logged yet; say which flags interrupt."""
        try:
            return self._after_save(entry)
        except Exception:  # the entry is saved; the person must hear that the check failed
            log.exception("the red-flag check failed")
            return FlagOutcome(check_failed=True)

    def _after_save(self, entry: Entry) -> FlagOutcome:
        evaluations = [self.evaluate(entry)]
        with self._db.unit_of_work() as session:
            latest = repository.latest_entry(session)
        if latest is not None and latest.id != entry.id:
            evaluations.append(self.evaluate(latest))
        raised: list[RaisedAlert] = []
        interrupting: list[RaisedAlert] = []
        for evaluation in evaluations:
            subject = entry if evaluation.entry_id == entry.id else latest
            assert subject is not None
            previous = self._previous_evaluation(subject)
            interrupts = {f.rule for f in redflags.interrupting(previous, evaluation)}
            stored = self._log(evaluation, interrupts)
            raised.extend(stored)
            interrupting.extend(r for r in stored if r.flag.rule in interrupts)
        return FlagOutcome(
            evaluation=evaluations[0],
            raised=tuple(raised),
            interrupting=tuple(interrupting),
            evaluated=tuple(evaluations),
        )

    def after_import(self) -> FlagOutcome:
        """After an import: the most recent entry, logged, interrupting no one."""
        with self._db.unit_of_work() as session:
            latest = repository.latest_entry(session)
        if latest is None:
            return FlagOutcome()
        evaluation = self.evaluate(latest)
        return FlagOutcome(evaluation=evaluation, raised=tuple(self._log(evaluation, set())))

    def _previous_evaluation(self, entry: Entry) -> Evaluation | None:
        with self._db.unit_of_work() as session:
            previous = repository.entry_before(session, entry)
        return None if previous is None else self.evaluate(previous)

    def _log(self, evaluation: Evaluation, interrupts: set[str]) -> list[RaisedAlert]:
        """Store each firing once per entry and rule (an edit re-evaluates without repeating)."""
        now = self._clock()
        stored: list[RaisedAlert] = []
        with self._db.unit_of_work() as session:
            known = repository.alert_rules_of_entry(session, str(evaluation.entry_id))
            for flag in evaluation.flags:
                if flag.rule in known:
                    continue
                alert = repository.insert_alert(
                    session,
                    Alert(
                        raised_at=now,
                        rule=flag.rule,
                        tier=flag.tier,
                        entry_id=evaluation.entry_id,
                    ),
                    interrupted=flag.rule in interrupts,
                )
                stored.append(RaisedAlert(alert, flag))
        return stored

    # ---- what the person did -----------------------------------------------------------------

    def record_action(self, alert_ids: Sequence[str], action: str, note: str = "") -> list[Alert]:
        """Log the person's choice (and its time) on each alert."""
        now = self._clock()
        with self._db.unit_of_work() as session:
            return [repository.set_alert_action(session, i, action, now, note) for i in alert_ids]

    def set_note(self, alert_id: str, note: str) -> None:
        with self._db.unit_of_work() as session:
            repository.set_alert_note(session, alert_id, note)

    def pending_emergencies(self) -> list[RaisedAlert]:
        """Emergency alerts that interrupted and were not answered, or asked to be reminded."""
        with self._db.unit_of_work() as session:
            alerts = repository.pending_emergency_alerts(session)
        return [RaisedAlert(a, flag_for(a)) for a in alerts]

    def unacknowledged_urgent(self) -> list[RaisedAlert]:
        with self._db.unit_of_work() as session:
            alerts = repository.unacknowledged_urgent_alerts(session)
        return [RaisedAlert(a, flag_for(a)) for a in alerts]

    def all_alerts(self) -> list[Alert]:
        with self._db.unit_of_work() as session:
            return repository.load_alerts(session)

    def rules_by_entry(self) -> dict[str, list[str]]:
        with self._db.unit_of_work() as session:
            return repository.alert_rules_by_entry(session)


def flag_for(alert: Alert) -> Flag:
    """The rule's wording for a stored alert (the level is not stored, so 0)."""
    from tracker.domain import rules

    return rules.flag(alert.rule)
