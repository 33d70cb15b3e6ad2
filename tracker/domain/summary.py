"""The appointment summary's content, computed in plain Python from one period's records.

Everything here says what was or was not recorded, never that the person is well: an empty
section reads "None recorded in this period", a symptom at level 0 reads "none recorded".
Days are a record's own calendar day (the day in the UTC offset written in its time); the
period ``start..end`` includes both days.

Red flags: every alert raised in the period is counted. A run of firings of one rule on
consecutive days with the same logged action and note is one row ("6 times"), so that a rule
that fired at every entry of a week does not push the rest of page 1 away.

Questions for this appointment: the first appointment after the period's last day (the one the
summary is usually printed for); when none is booked, the latest appointment within the period
(the summary printed on the day of the appointment itself).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tracker.domain import rules, vocab
from tracker.domain.model import (
    Alert,
    Appointment,
    Entry,
    MedicationDose,
    Treatment,
    dose_text,
)
from tracker.domain.timeutil import local_day
from tracker.domain.trends import TreatmentResponse, TrendData, treatment_label

TITLE = "Spine Journal summary"
NONE_RECORDED = "None recorded in this period"
WEEK_DAYS = 7
DEFAULT_DAYS = 30
TIER_RANK = {"emergency": 3, "urgent": 2, "watch": 1}
TIER_WORDS = {"emergency": "EMERGENCY", "urgent": "Urgent", "watch": "Watch"}
NO_ACTION = "no action logged"
NO_SIGNS = "none recorded"
LIMB_SHORT = {"left_arm": "L arm", "right_arm": "R arm", "left_leg": "L leg", "right_leg": "R leg"}
AREA_WORDS = {"arms": "arms", "legs": "legs", "trunk": "chest or tummy", "saddle": "saddle area"}
RADIOTHERAPY = "radiotherapy"

RuleWording = Callable[[str], str]


def rule_wording(rule_id: str) -> str:
    """The rule's patient wording, verbatim from the rule table."""
    return rules.RULES[rule_id].title


# ---- words -------------------------------------------------------------------------------------


def day_text(day: date) -> str:
    """``Mon 3 Nov 2026``."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_day(day: date) -> str:
    """``3 Nov 2026``."""
    return f"{day.day} {day:%b %Y}"


def time_text(at: datetime) -> str:
    """A record's own wall-clock time: ``Mon 3 Nov 2026 08:30`` (the offset is not shown)."""
    return f"{day_text(local_day(at))} {at:%H:%M}"


def period_text(start: date, end: date) -> str:
    days = (end - start).days + 1
    return f"{short_day(start)} to {short_day(end)} ({days} day{'' if days == 1 else 's'})"


def document_title(start: date, end: date) -> str:
    """The PDF's title: the words and the dates only, never a symptom."""
    return f"{TITLE} {start.isoformat()} to {end.isoformat()}"


def default_file_name(start: date, end: date) -> str:
    return f"spine-journal-summary-{start.isoformat()}-{end.isoformat()}.pdf"


# ---- red flags ---------------------------------------------------------------------------------


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


# ---- neurological status -----------------------------------------------------------------------


@dataclass(frozen=True)
class NeuroRow:
    """One sign at the first and the last entry of the period, and how its level moved."""

    sign: str
    start: str
    end: str
    change: str  # "no change", "higher", "lower" or "some higher, some lower"


@dataclass(frozen=True)
class NeuroStatus:
    first_at: datetime | None  # None: no entry in the period
    last_at: datetime | None
    rows: tuple[NeuroRow, ...] = ()


def weakness_text(entry: Entry) -> str:
    parts = [
        f"{name.replace('_', ' ')}: {vocab.WEAKNESS_WORDS[level]}"
        for name in vocab.LIMBS
        if (level := getattr(entry.weakness, name))
    ]
    return "; ".join(parts) if parts else "none recorded"


def numbness_text(entry: Entry) -> str:
    parts = [
        f"{AREA_WORDS[name]}: {vocab.NUMBNESS_WORDS[level]}"
        for name in vocab.NUMB_AREAS
        if (level := getattr(entry.numbness, name))
    ]
    return "; ".join(parts) if parts else "none recorded"


_BLADDER_LEVEL = {"normal": 0, "changed": 1, "cannot_pass": 2, "leaking": 2}
_BOWEL_LEVEL = {"normal": 0, "constipated": 1, "leaking_or_no_feeling": 2}

# (sign, words of an entry, levels of an entry)
_SIGNS: tuple[tuple[str, Callable[[Entry], str], Callable[[Entry], tuple[int, ...]]], ...] = (
    (
        "Weakness",
        weakness_text,
        lambda e: tuple(getattr(e.weakness, n) for n in vocab.LIMBS),
    ),
    (
        "Numbness or pins and needles",
        numbness_text,
        lambda e: tuple(getattr(e.numbness, n) for n in vocab.NUMB_AREAS),
    ),
    ("Walking", lambda e: vocab.WALKING_WORDS[e.walking], lambda e: (e.walking,)),
    ("Bladder", lambda e: vocab.BLADDER_WORDS[e.bladder], lambda e: (_BLADDER_LEVEL[e.bladder],)),
    ("Bowel", lambda e: vocab.BOWEL_WORDS[e.bowel], lambda e: (_BOWEL_LEVEL[e.bowel],)),
)


def _change(before: tuple[int, ...], after: tuple[int, ...]) -> str:
    rose = any(b > a for a, b in zip(before, after, strict=True))
    fell = any(b < a for a, b in zip(before, after, strict=True))
    if rose and fell:
        return "some higher, some lower"
    if rose:
        return "higher"
    return "lower" if fell else "no change"


def neuro_status(entries: Sequence[Entry]) -> NeuroStatus:
    """The signs at the first and the last entry of ``entries`` (in time order)."""
    if not entries:
        return NeuroStatus(None, None)
    first, last = entries[0], entries[-1]
    rows = tuple(
        NeuroRow(sign, words(first), words(last), _change(levels(first), levels(last)))
        for sign, words, levels in _SIGNS
    )
    return NeuroStatus(first.recorded_at, last.recorded_at, rows)


def neuro_short(entry: Entry) -> str:
    """An entry's nerve signs in a few words for the entries table: only what is above 0."""
    parts = [
        f"weak {LIMB_SHORT[name]} {level}"
        for name in vocab.LIMBS
        if (level := getattr(entry.weakness, name))
    ]
    parts += [
        f"numb {AREA_WORDS[name]} {level}"
        for name in vocab.NUMB_AREAS
        if (level := getattr(entry.numbness, name))
    ]
    if entry.walking:
        parts.append(f"walking {entry.walking}")
    if entry.bladder != "normal":
        parts.append(f"bladder: {vocab.BLADDER_WORDS[entry.bladder]}")
    if entry.bowel != "normal":
        parts.append(f"bowel: {vocab.BOWEL_WORDS[entry.bowel]}")
    if entry.sexual_change:
        parts.append("sexual or genital change")
    return ", ".join(parts) if parts else NO_SIGNS


# ---- pain --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PainWindow:
    first_day: date
    last_day: date
    count: int
    mean: float | None  # None: no entry in the window

    def text(self) -> str:
        days = f"{short_day(self.first_day)} to {short_day(self.last_day)}"
        if self.mean is None:
            return f"no entries ({days})"
        noun = "entry" if self.count == 1 else "entries"
        return f"{self.mean:.1f} from {self.count} {noun} ({days})"


@dataclass(frozen=True)
class PainSummary:
    latest_at: datetime | None
    latest_score: int | None
    latest_worst: int | None
    first_week: PainWindow
    last_week: PainWindow


def pain_window(entries: Iterable[Entry], first_day: date, last_day: date) -> PainWindow:
    scores = [e.pain.score for e in entries if first_day <= local_day(e.recorded_at) <= last_day]
    mean = sum(scores) / len(scores) if scores else None
    return PainWindow(first_day, last_day, len(scores), mean)


def pain_summary(entries: Sequence[Entry], start: date, end: date) -> PainSummary:
    """The latest score, and the mean score of the first and of the last 7 days of the period
    (the whole period for both when it is shorter than 7 days)."""
    first = pain_window(entries, start, min(end, start + timedelta(days=WEEK_DAYS - 1)))
    last = pain_window(entries, max(start, end - timedelta(days=WEEK_DAYS - 1)), end)
    latest = entries[-1] if entries else None
    return PainSummary(
        latest_at=latest.recorded_at if latest else None,
        latest_score=latest.pain.score if latest else None,
        latest_worst=latest.pain.worst_24h if latest else None,
        first_week=first,
        last_week=last,
    )


# ---- treatments --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TreatmentLine:
    label: str  # "Radiotherapy T10"
    dates: str
    details: str


def treatment_dates(treatment: Treatment) -> str:
    if treatment.ended_on is None:
        if treatment.kind in vocab.PROCEDURE_KINDS:
            return short_day(treatment.started_on)
        return f"from {short_day(treatment.started_on)}, no end date"
    if treatment.ended_on == treatment.started_on:
        return short_day(treatment.started_on)
    return f"{short_day(treatment.started_on)} to {short_day(treatment.ended_on)}"


def treatment_details(treatment: Treatment) -> str:
    """Radiotherapy: site, dose, fractions, technique and sessions done of planned; a
    procedure: its level; another course: its site when there is one."""
    parts: list[str] = []
    if treatment.site:
        where = "level" if treatment.kind in vocab.PROCEDURE_KINDS else "site"
        parts.append(f"{where} {treatment.site}")
    if treatment.kind == RADIOTHERAPY:
        if treatment.dose_gy is not None and treatment.fractions is not None:
            plural = "" if treatment.fractions == 1 else "s"
            parts.append(
                f"{dose_text(treatment.dose_gy)} Gy in {treatment.fractions} fraction{plural}"
            )
        elif treatment.dose_gy is not None:
            parts.append(f"{dose_text(treatment.dose_gy)} Gy")
        elif treatment.fractions is not None:
            parts.append(f"{treatment.fractions} fractions")
        if treatment.technique is not None:
            parts.append(vocab.TECHNIQUE_WORDS[treatment.technique])
        done = sum(1 for s in treatment.sessions if s.done)
        planned = len(treatment.sessions) or treatment.fractions
        if planned:
            parts.append(f"{done} of {planned} sessions done")
        else:
            parts.append("no sessions recorded")
    elif treatment.sessions:
        done = sum(1 for s in treatment.sessions if s.done)
        parts.append(f"{done} of {len(treatment.sessions)} sessions done")
    return "; ".join(parts) if parts else "no details recorded"


def treatment_line(treatment: Treatment) -> TreatmentLine:
    return TreatmentLine(
        label=vocab.TREATMENT_WORDS[treatment.kind],
        dates=treatment_dates(treatment),
        details=treatment_details(treatment),
    )


@dataclass(frozen=True)
class ResponseLine:
    """A row of the trends view's "what changed after each treatment" table, in words."""

    treatment: str
    dates: str
    before: str
    after: str
    change: str
    later: str


RESPONSE_COLUMNS = (
    "Treatment",
    "Dates",
    "Mean pain, 14 days before",
    "Mean pain, 14 days after",
    "Change",
    "Mean pain, days 28-42 after (radiotherapy)",
)


def change_text(change: float | None) -> str:
    if change is None:
        return "cannot tell"
    if abs(change) < 0.05:
        return "no change"
    return f"{abs(change):.1f} {'less' if change < 0 else 'more'}"


def response_line(response: TreatmentResponse) -> ResponseLine:
    if response.later is None:
        later = "not radiotherapy"
    else:
        change = response.change_later
        later = response.later.text()
        later = later if change is None else f"{later}, {change_text(change)}"
    return ResponseLine(
        treatment=treatment_label(response.treatment),
        dates=treatment_dates(response.treatment),
        before=response.before.text(),
        after=response.after.text(),
        change=change_text(response.change_after),
        later=later,
    )


# ---- painkillers -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DoseWeek:
    first_day: date
    last_day: date
    counts: tuple[int, ...]  # one per medicine of WeeklyDoses.medicines

    @property
    def days(self) -> int:
        return (self.last_day - self.first_day).days + 1

    @property
    def total(self) -> int:
        return sum(self.counts)

    def label(self) -> str:
        text = f"{self.first_day.day} {self.first_day:%b} to {short_day(self.last_day)}"
        return text if self.days == WEEK_DAYS else f"{text} ({self.days} days)"


@dataclass(frozen=True)
class WeeklyDoses:
    """As-needed doses per week, by medicine. Weeks are counted back from the period's last day,
    so the last row is the latest 7 days; the first row may be shorter (its days are shown)."""

    medicines: tuple[str, ...] = ()
    weeks: tuple[DoseWeek, ...] = ()
    regular: tuple[str, ...] = ()  # medicines also recorded as regular (not as-needed) doses

    @property
    def total(self) -> int:
        return sum(w.total for w in self.weeks)


def _medicine_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def week_bounds(start: date, end: date) -> list[tuple[date, date]]:
    """The period cut into 7-day weeks counted back from ``end``, in time order."""
    weeks: list[tuple[date, date]] = []
    last = end
    while last >= start:
        first = max(start, last - timedelta(days=WEEK_DAYS - 1))
        weeks.append((first, last))
        last = first - timedelta(days=1)
    return weeks[::-1]


def weekly_doses(doses: Iterable[MedicationDose], start: date, end: date) -> WeeklyDoses:
    """Count the as-needed doses whose own day is in the period, per week and medicine (names
    compared without case and extra spaces; the first spelling is shown)."""
    shown: dict[str, str] = {}
    regular: dict[str, str] = {}
    per_day: dict[tuple[str, date], int] = {}
    for dose in doses:
        day = local_day(dose.taken_at)
        if not start <= day <= end:
            continue
        key = _medicine_key(dose.name)
        if not dose.as_needed:
            regular.setdefault(key, " ".join(dose.name.split()))
            continue
        shown.setdefault(key, " ".join(dose.name.split()))
        per_day[key, day] = per_day.get((key, day), 0) + 1
    keys = sorted(shown, key=lambda k: shown[k].casefold())
    weeks = []
    for first, last in week_bounds(start, end):
        counts = tuple(
            sum(n for (k, day), n in per_day.items() if k == key and first <= day <= last)
            for key in keys
        )
        weeks.append(DoseWeek(first, last, counts))
    return WeeklyDoses(
        medicines=tuple(shown[k] for k in keys),
        weeks=tuple(weeks) if keys else (),
        regular=tuple(sorted(regular.values(), key=str.casefold)),
    )


# ---- appointments ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AppointmentQuestions:
    at: datetime
    with_whom: str
    questions: str
    after_period: bool  # True: the next appointment after the period; False: one within it


def appointment_for(
    appointments: Iterable[Appointment], start: date, end: date
) -> AppointmentQuestions | None:
    """The appointment this summary is for: the first one after ``end``; else the latest one
    within ``start..end``; else None."""
    ordered = sorted(appointments, key=lambda a: a.at)
    after = [a for a in ordered if local_day(a.at) > end]
    if after:
        chosen, later = after[0], True
    else:
        within = [a for a in ordered if start <= local_day(a.at) <= end]
        if not within:
            return None
        chosen, later = within[-1], False
    return AppointmentQuestions(chosen.at, chosen.with_whom, chosen.questions.strip(), later)


def default_period(appointments: Iterable[Appointment], today: date) -> tuple[date, date]:
    """Since the last appointment before today (its day included), else the last 30 days."""
    before = [local_day(a.at) for a in appointments if local_day(a.at) < today]
    if before:
        return max(before), today
    return today - timedelta(days=DEFAULT_DAYS - 1), today


# ---- entries -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryLine:
    recorded_at: datetime
    pain: int
    worst: int | None
    neuro: str
    note: str  # user text, printed literally


def entry_line(entry: Entry) -> EntryLine:
    return EntryLine(
        recorded_at=entry.recorded_at,
        pain=entry.pain.score,
        worst=entry.pain.worst_24h,
        neuro=neuro_short(entry),
        note=entry.note.strip(),
    )


# ---- the whole summary -------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryData:
    """Everything the printed summary shows, for the days ``start`` to ``end`` (inclusive)."""

    start: date
    end: date
    display_name: str
    helpline: str
    red_flags: tuple[RedFlagRow, ...]
    alert_count: int
    neuro: NeuroStatus
    pain: PainSummary
    trend: TrendData
    treatments: tuple[TreatmentLine, ...]
    responses: tuple[ResponseLine, ...]
    doses: WeeklyDoses
    appointment: AppointmentQuestions | None
    entries: tuple[EntryLine, ...]

    @property
    def title(self) -> str:
        return document_title(self.start, self.end)

    @property
    def file_name(self) -> str:
        return default_file_name(self.start, self.end)


def in_period(entries: Iterable[Entry], start: date, end: date) -> list[Entry]:
    """The entries whose own day is in the period, in time order (by instant)."""
    chosen = [e for e in entries if start <= local_day(e.recorded_at) <= end]
    return sorted(chosen, key=lambda e: e.recorded_at)


def build_summary(
    *,
    start: date,
    end: date,
    entries: Sequence[Entry],
    doses: Iterable[MedicationDose],
    alerts: Iterable[Alert],
    treatments: Iterable[Treatment],
    responses: Iterable[TreatmentResponse],
    appointments: Iterable[Appointment],
    trend: TrendData,
    display_name: str,
    helpline: str,
    wording: RuleWording = rule_wording,
) -> SummaryData:
    """The summary of ``start..end`` from records that may reach a little beyond it (each list
    is cut to the period here). ``treatments`` and ``responses`` are shown as given."""
    if start > end:
        raise ValueError(f"the first day {start} is after the last day {end}")
    period_entries = in_period(entries, start, end)
    period_alerts = [a for a in alerts if start <= local_day(a.raised_at) <= end]
    return SummaryData(
        start=start,
        end=end,
        display_name=display_name.strip(),
        helpline=helpline.strip(),
        red_flags=tuple(red_flag_rows(period_alerts, wording)),
        alert_count=len(period_alerts),
        neuro=neuro_status(period_entries),
        pain=pain_summary(period_entries, start, end),
        trend=trend,
        treatments=tuple(treatment_line(t) for t in treatments),
        responses=tuple(response_line(r) for r in responses),
        doses=weekly_doses(doses, start, end),
        appointment=appointment_for(appointments, start, end),
        entries=tuple(entry_line(e) for e in period_entries),
    )
