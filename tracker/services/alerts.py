"""Red flags after every save: evaluate, log every firing, decide what interrupts the person.

The entry is committed first, in its own unit of work: if the red-flag engine fails, the entry
is still saved and the caller is told that the check could not run.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from tracker.domain import flag_results, redflags
from tracker.domain.model import Alert, Entry, Review
from tracker.domain.redflags import Evaluation, Flag, History
from tracker.domain.timeutil import local_day
from tracker.services.changes import Changes
from tracker.storage import alert_rows, levels, list_rows, repository
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

    def alerted_entries(self) -> list[str | None]:
        """The entries the new alerts name."""
        return [r.alert.entry_id for r in self.raised]

    @property
    def highest_interrupting(self) -> str:
        tiers = [r.flag.tier for r in self.interrupting]
        for tier in ("emergency", "urgent", "watch"):
            if tier in tiers:
                return tier
        return "none"


class _Reader:
    """Evaluations inside one unit of work: reviews and treatments read once, and the lowest
    levels since old reviews (which the entries being judged cannot change) asked once."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._reviews = list_rows.load_reviews(session)
        self._treatments = list_rows.load_treatments(session)
        self._lowest: dict[tuple[str, date, int, date], Entry | None] = {}
        self._from_day: dict[date, list[Entry]] = {}

    def evaluate(self, entry: Entry) -> Evaluation:
        return redflags.evaluate(self.history_for(entry), entry)

    def history_for(self, entry: Entry) -> History:
        """Only what the rules need for this entry: the days its rules look at, and for each
        care-team review older than those days, the one entry since it with the lowest level of
        its key (all its baseline needs; see ``storage.levels``). The engine then gives the
        same flags as it would on the whole journal."""
        start = redflags.history_start(entry, (), self._treatments)
        if start not in self._from_day:  # a save's evaluations mostly share their start
            self._from_day[start] = repository.load_entries_from_day(self._session, start)
        entries = self._from_day[start]
        known = {e.id for e in entries}
        # Entries of days before ``start`` are all recorded before ``entry`` (at least 9 days
        # before its own day, and offsets are within a day), so no time bound is needed.
        extra: dict[str, Entry] = {}
        day = local_day(entry.recorded_at)
        for key, reviewed_on, level in older_reviews(self._reviews, day, start):
            memo_key = (key, reviewed_on, level, start)
            if memo_key not in self._lowest:
                self._lowest[memo_key] = levels.lowest_level_entry(
                    self._session, key, reviewed_on, level, start
                )
            found = self._lowest[memo_key]
            if found is not None and found.id not in known:
                extra[str(found.id)] = found
        return History(
            entries=(*extra.values(), *entries),
            reviews=tuple(self._reviews),
            treatments=tuple(self._treatments),
        )


class AlertService:
    def __init__(self, db: JournalDatabase, clock: Clock = local_clock) -> None:
        self._db = db
        self._clock = clock

    # ---- evaluation --------------------------------------------------------------------------

    def evaluate(self, entry: Entry) -> Evaluation:
        with self._db.unit_of_work() as session:
            return _Reader(session).evaluate(entry)

    def evaluate_latest(self) -> Evaluation | None:
        """The most recent entry (by instant; on a tie, the one stored later), or None."""
        with self._db.unit_of_work() as session:
            latest = repository.latest_entry(session)
            return None if latest is None else _Reader(session).evaluate(latest)

    def after_save(self, entry: Entry) -> FlagOutcome:
        """Evaluate the saved entry against its own history, then the most recent entry;
        log every firing not logged yet; say which flags interrupt."""
        try:
            return self._after_save(entry)
        except Exception:  # the entry is saved; the person must hear that the check failed
            log.exception("the red-flag check failed")
            return FlagOutcome(check_failed=True)

    def _after_save(self, entry: Entry) -> FlagOutcome:
        # everything read in one unit of work, everything logged in one more
        judged: list[tuple[Evaluation, set[str]]] = []
        with self._db.unit_of_work() as session:
            reader = _Reader(session)
            subjects = [entry]
            latest = repository.latest_entry(session)
            if latest is not None and latest.id != entry.id:
                subjects.append(latest)
            for subject in subjects:
                evaluation = reader.evaluate(subject)
                interrupts: set[str] = set()
                if evaluation.flags:  # without flags nothing interrupts: no need to look back
                    before = repository.entry_before(session, subject)
                    previous = None if before is None else reader.evaluate(before)
                    interrupts = {f.rule for f in flag_results.interrupting(previous, evaluation)}
                judged.append((evaluation, interrupts))
        raised: list[RaisedAlert] = []
        interrupting: list[RaisedAlert] = []
        with self._db.unit_of_work() as session:
            for evaluation, interrupts in judged:
                stored = self._log(session, evaluation, interrupts)
                raised.extend(stored)
                interrupting.extend(r for r in stored if r.flag.rule in interrupts)
        return FlagOutcome(
            evaluation=judged[0][0],
            raised=tuple(raised),
            interrupting=tuple(interrupting),
            evaluated=tuple(evaluation for evaluation, _ in judged),
        )

    def after_import(self, session: Session) -> FlagOutcome:
        """After an import, in its unit of work: the most recent entry, logged, interrupting no
        one (``ExchangeService.import_journal`` runs it, so that a failure here undoes it)."""
        latest = repository.latest_entry(session)
        if latest is None:
            return FlagOutcome()
        evaluation = _Reader(session).evaluate(latest)
        raised = self._log(session, evaluation, set())
        return FlagOutcome(evaluation=evaluation, raised=tuple(raised))

    def _log(
        self, session: Session, evaluation: Evaluation, interrupts: set[str]
    ) -> list[RaisedAlert]:
        """Store each firing once per entry and rule (an edit re-evaluates without repeating)."""
        if not evaluation.flags:
            return []
        now = self._clock()
        stored: list[RaisedAlert] = []
        known = alert_rows.alert_rules_of_entry(session, str(evaluation.entry_id))
        for flag in evaluation.flags:
            if flag.rule in known:
                continue
            alert = alert_rows.insert_alert(
                session,
                Alert(raised_at=now, rule=flag.rule, tier=flag.tier, entry_id=evaluation.entry_id),
                interrupted=flag.rule in interrupts,
            )
            stored.append(RaisedAlert(alert, flag))
        return stored

    # ---- what the person did -----------------------------------------------------------------

    def record_action(self, alert_ids: Sequence[str], action: str, note: str = "") -> list[Alert]:
        """Log the person's choice (and its time) on each alert."""
        now = self._clock()
        with self._db.unit_of_work() as session:
            return [alert_rows.set_alert_action(session, i, action, now, note) for i in alert_ids]

    def set_note(self, alert_id: str, note: str) -> Changes:
        with self._db.unit_of_work() as session:
            alert_rows.set_alert_note(session, alert_id, note)
        return Changes.of("alerts")

    def pending_emergencies(self) -> list[RaisedAlert]:
        """Emergency alerts that interrupted and were not answered, or asked to be reminded."""
        with self._db.unit_of_work() as session:
            alerts = alert_rows.pending_emergency_alerts(session)
        return [RaisedAlert(a, flag_for(a)) for a in alerts]

    def unacknowledged_urgent(self) -> list[RaisedAlert]:
        with self._db.unit_of_work() as session:
            alerts = alert_rows.unacknowledged_urgent_alerts(session)
        return [RaisedAlert(a, flag_for(a)) for a in alerts]

    def all_alerts(self) -> list[Alert]:
        with self._db.unit_of_work() as session:
            return list_rows.load_alerts(session)

    def entry_times(self) -> dict[str, datetime]:
        """When each entry that has an alert was recorded."""
        with self._db.unit_of_work() as session:
            return levels.entry_times(session)

    def rules_by_entry(self, entry_ids: Sequence[str] | None = None) -> dict[str, list[str]]:
        """The rules alerted on each entry (of ``entry_ids``, or of every entry)."""
        with self._db.unit_of_work() as session:
            return alert_rows.alert_rules_by_entry(session, entry_ids)


def older_reviews(reviews: Sequence[Review], day: date, start: date) -> list[tuple[str, date, int]]:
    """The latest reviews (of each key, on or before ``day``; every review of that latest date)
    that can lower a baseline from entries before ``start``: level above 0, and a day after the
    review that lies before ``start``."""
    latest: dict[str, date] = {}
    for review in reviews:
        if review.reviewed_on <= day and review.reviewed_on > latest.get(review.symptom, date.min):
            latest[review.symptom] = review.reviewed_on
    return [
        (r.symptom, r.reviewed_on, r.level)
        for r in reviews
        if r.level > 0
        and latest.get(r.symptom) == r.reviewed_on
        and r.reviewed_on + timedelta(days=1) < start
    ]


def flag_for(alert: Alert) -> Flag:
    """The rule's wording for a stored alert (the level is not stored, so 0)."""
    from tracker.domain import rules

    return rules.flag(alert.rule)
