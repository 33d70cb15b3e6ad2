"""Trend series and the treatment response table, on a small journal whose numbers are worked
out by hand in the comments; and the SQL daily means against plain Python means."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from tracker.domain.demo import build_demo_journal
from tracker.domain.model import (
    Alert,
    Entry,
    Journal,
    MedicationDose,
    Numbness,
    Pain,
    Session,
    Treatment,
    Weakness,
)
from tracker.domain.treatment_response import W1_WORDING, Window, response_windows
from tracker.domain.trends import (
    DayStats,
    Preset,
    TrendPoint,
    preset_range,
    rolling_mean,
    rolling_means,
    uses_entry_points,
)
from tracker.services.trends import TrendsService
from tracker.storage import list_rows, queries


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def entry(when: str, score: int, **more: Any) -> Entry:
    worst = more.pop("worst", None)
    return Entry(recorded_at=at(when), pain=Pain(score=score, worst_24h=worst), **more)


RADIOTHERAPY = Treatment(
    id="rt",
    kind="radiotherapy",
    started_on=date(2026, 3, 10),
    ended_on=date(2026, 3, 12),
    site="T8",
    sessions=tuple(Session(at=at(f"2026-03-{d}T11:00:00+00:00")) for d in (10, 11, 12)),
)
STEROIDS = Treatment(
    id="st", kind="steroids", started_on=date(2026, 3, 8), ended_on=date(2026, 3, 14)
)
KYPHOPLASTY = Treatment(id="ky", kind="kyphoplasty", started_on=date(2026, 5, 1), site="L2")

ENTRIES = (
    entry("2026-02-23T09:00:00+00:00", 10),  # day -15 of the radiotherapy: outside "before"
    entry("2026-02-25T09:00:00+00:00", 6, worst=8),
    entry("2026-02-27T09:00:00+00:00", 6),
    entry("2026-03-03T09:00:00+00:00", 5, worst=7),
    entry(
        "2026-03-09T09:00:00+00:00",
        7,
        weakness=Weakness(right_arm=1, left_leg=2),
        numbness=Numbness(saddle=3),
        walking=1,
        note="Could not settle after the planning scan, the mask was tight",
    ),
    entry("2026-03-10T18:00:00+00:00", 9),  # day 0: neither before nor after; a flare
    entry("2026-03-14T09:00:00+00:00", 8),  # a flare (6.0 before, + 2)
    entry("2026-03-18T09:00:00+00:00", 4),
    entry("2026-03-26T23:30:00-05:00", 3),  # 04:30 UTC on the 27th, but the person's 26th
    entry("2026-03-27T00:30:00+02:00", 10),  # 22:30 UTC on the 26th, but the person's 27th
    entry("2026-04-08T09:00:00+01:00", 10),  # day 27 after the last session
    entry("2026-04-09T09:00:00+01:00", 2),  # day 28
    entry("2026-04-23T09:00:00+01:00", 2),  # day 42 (also 8 days before the kyphoplasty)
)
DOSES = (
    MedicationDose(at("2026-03-10T23:30:00-05:00"), "Oxycodone", as_needed=True),  # the 10th
    MedicationDose(at("2026-03-11T00:30:00+02:00"), "Oxycodone", as_needed=True),  # the 11th
    MedicationDose(at("2026-03-11T09:00:00+00:00"), "Oxycodone", as_needed=True),
    MedicationDose(at("2026-03-11T09:00:00+00:00"), "Paracetamol", as_needed=False),
)
ALERTS = (
    Alert(at("2026-03-14T09:01:00+00:00"), rule="W1", tier="watch"),
    Alert(at("2026-02-23T23:30:00-05:00"), rule="A2", tier="urgent"),  # the person's 23rd
)
JOURNAL = Journal(
    entries=ENTRIES,
    treatments=(RADIOTHERAPY, STEROIDS, KYPHOPLASTY),
    medications=DOSES,
    alerts=ALERTS,
)


@pytest.fixture
def service(db: Any) -> TrendsService:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, JOURNAL)
    return TrendsService(db)


# ---- the response table -----------------------------------------------------------------------


def test_windows_are_counted_in_whole_days_around_the_treatment() -> None:
    windows = response_windows(RADIOTHERAPY)
    assert windows.before == Window(date(2026, 2, 24), date(2026, 3, 9))  # days -14..-1
    assert windows.after == Window(date(2026, 3, 13), date(2026, 3, 26))  # last session +1..+14
    assert windows.later == Window(date(2026, 4, 9), date(2026, 4, 23))  # +28..+42
    course = response_windows(STEROIDS)
    assert course.after == Window(date(2026, 3, 15), date(2026, 3, 28))  # after ended_on
    assert course.later is None
    procedure = response_windows(KYPHOPLASTY)
    assert procedure.before == Window(date(2026, 4, 17), date(2026, 4, 30))
    assert procedure.after == Window(date(2026, 5, 2), date(2026, 5, 15))


def test_radiotherapy_counts_from_its_last_session_done() -> None:
    planned = Session(at=at("2026-03-13T11:00:00+00:00"), done=False)
    course = Treatment(
        kind="radiotherapy",
        started_on=date(2026, 3, 10),
        ended_on=date(2026, 3, 20),
        sessions=(*RADIOTHERAPY.sessions, planned),
    )
    assert response_windows(course).after.first_day == date(2026, 3, 13)
    no_sessions = Treatment(kind="radiotherapy", started_on=date(2026, 3, 10))
    assert response_windows(no_sessions).later == Window(date(2026, 4, 7), date(2026, 4, 21))


def test_response_table_means_and_counts(service: TrendsService) -> None:
    rows = {r.treatment.id: r for r in service.responses()}
    assert list(rows) == ["st", "rt", "ky"]  # in the order they started

    rt = rows["rt"]
    # before: 25th (6), 27th (6), 3 Mar (5), 9 Mar (7); the 23rd is day -15 and 10 Mar is day 0
    assert (rt.before.count, rt.before.mean) == (4, 6.0)
    # after (13-26 Mar): 14th (8), 18th (4), the 26th at 23:30 -05:00 (3); not the 27th +02:00
    assert (rt.after.count, rt.after.mean) == (3, 5.0)
    assert rt.change_after == pytest.approx(-1.0)
    assert rt.after.text() == "5.0 (3 entries)"
    # days 28-42 (9-23 Apr): 9 Apr (2) and 23 Apr (2); 8 Apr is day 27
    assert rt.later is not None
    assert (rt.later.count, rt.later.mean) == (2, 2.0)
    assert not rt.later.enough
    assert rt.later.usable_mean is None
    assert rt.later.text() == "too few entries (2)"
    assert rt.change_later is None

    st = rows["st"]
    # before (22 Feb - 7 Mar): 23rd (10), 25th (6), 27th (6), 3 Mar (5) = 27 / 4
    assert (st.before.count, st.before.mean) == (4, 6.75)
    # after (15-28 Mar): 18th (4), 26th (3), 27th (10) = 17 / 3
    assert st.after.count == 3
    assert st.after.mean == pytest.approx(17 / 3)
    assert st.label == "Steroids"


def test_a_treatment_with_too_few_entries_says_so(service: TrendsService) -> None:
    (ky,) = [r for r in service.responses() if r.treatment.id == "ky"]
    assert ky.label == "Kyphoplasty L2"
    assert (ky.before.count, ky.before.mean) == (1, 2.0)  # only 23 Apr
    assert (ky.after.count, ky.after.mean) == (0, None)
    assert ky.before.text() == "too few entries (1)"
    assert ky.after.text() == "too few entries (0)"
    assert ky.change_after is None
    assert ky.later is None


def test_an_empty_journal_has_no_responses(db: Any) -> None:
    assert TrendsService(db).responses() == []


# ---- the series --------------------------------------------------------------------------------


def test_a_short_range_is_drawn_entry_by_entry(service: TrendsService) -> None:
    data = service.trend_data(date(2026, 3, 1), date(2026, 3, 31))
    assert data.per_entry
    assert [p.at for p in data.points][:2] == [at("2026-03-03T09:00"), at("2026-03-09T09:00")]
    nine = data.points[1]
    assert (nine.pain, nine.weakness, nine.numbness, nine.walking) == (7.0, 2, 3, 1)
    assert nine.note.startswith("Could not settle")
    assert nine.entry_id is not None
    # the entries at the month's edges are placed on the person's own day and clock
    assert data.points[-2].at == at("2026-03-26T23:30")
    assert data.points[-1].at == at("2026-03-27T00:30")
    assert len(data.points) == 7  # 3, 9, 10, 14, 18, 26 and 27 March


def test_doses_per_day_use_the_offset_of_each_dose(service: TrendsService) -> None:
    data = service.trend_data(date(2026, 3, 1), date(2026, 3, 31))
    # 23:30 at -05:00 is the 10th; 00:30 at +02:00 is the 11th; the regular dose is not counted
    assert [(d.day, d.count) for d in data.doses] == [
        (date(2026, 3, 10), 1),
        (date(2026, 3, 11), 2),
    ]
    narrow = service.trend_data(date(2026, 3, 11), date(2026, 3, 11))
    assert [(d.day, d.count) for d in narrow.doses] == [(date(2026, 3, 11), 2)]


def test_the_7_day_mean_looks_back_before_the_range(service: TrendsService) -> None:
    data = service.trend_data(date(2026, 3, 3), date(2026, 3, 14))
    means = {v.day: v.value for v in data.pain_7day}
    # 3 Mar: entries on 25 Feb - 3 Mar: 6, 6, 5 -> 17 / 3
    assert means[date(2026, 3, 3)] == pytest.approx(17 / 3)
    # 9 Mar: 3-9 Mar: 5, 7 -> 6.0; 10 Mar: 4-10 Mar: 7, 9 -> 8.0; 14 Mar: 8-14 Mar: 7, 9, 8
    assert means[date(2026, 3, 9)] == 6.0
    assert means[date(2026, 3, 10)] == 8.0
    assert means[date(2026, 3, 14)] == 8.0
    assert sorted(means) == [date(2026, 3, d) for d in (3, 9, 10, 14)]


def test_rolling_mean_weighs_each_entry_once() -> None:
    def day(d: int, pain_sum: int, count: int) -> DayStats:
        return DayStats(date(2026, 1, d), pain_sum, count, 0, 0, 0, 0, 0)

    # 1 Jan: one entry of 2; 2 Jan: three entries summing 12; 8 Jan: one of 6 (1 Jan drops out)
    result = rolling_mean([day(8, 6, 1), day(1, 2, 1), day(2, 12, 3)])
    assert [(v.day.day, v.value) for v in result] == [(1, 2.0), (2, 3.5), (8, 4.5)]
    assert rolling_mean([]) == []


def test_both_rolling_means_in_one_pass() -> None:
    def day(d: int, pain_sum: int, count: int, worst_sum: int, worst_count: int) -> DayStats:
        return DayStats(date(2026, 1, d), pain_sum, count, worst_sum, worst_count, 0, 0, 0)

    # 3 Jan records no worst pain: it has a pain mean but no worst mean of its own.
    days = [day(9, 6, 1, 9, 1), day(1, 2, 1, 4, 1), day(3, 12, 3, 0, 0), day(2, 5, 1, 7, 1)]
    pain, worst = rolling_means(days)
    assert pain == rolling_mean(days)
    assert worst == rolling_mean(days, worst=True)
    assert [(v.day.day, v.value) for v in worst] == [(1, 4.0), (2, 5.5), (9, 9.0)]
    # Days before ``since`` still count in the means of the days after it.
    pain_since, worst_since = rolling_means(days, since=date(2026, 1, 3))
    assert pain_since == [v for v in pain if v.day >= date(2026, 1, 3)]
    assert worst_since == [v for v in worst if v.day >= date(2026, 1, 3)]


def test_a_long_range_is_drawn_as_daily_means(service: TrendsService) -> None:
    data = service.trend_data(date(2026, 1, 1), date(2026, 6, 30))
    assert not data.per_entry
    assert all(p.entry_id is None and p.at.hour == 12 for p in data.points)
    by_day = {p.day: p for p in data.points}
    assert by_day[date(2026, 3, 9)].worst is None
    assert by_day[date(2026, 3, 3)].worst == 7.0
    assert by_day[date(2026, 3, 9)].weakness == 2


def test_treatments_alerts_and_flares_in_the_range(service: TrendsService) -> None:
    data = service.trend_data(date(2026, 2, 20), date(2026, 3, 31))
    assert [t.id for t in data.treatments] == ["st", "rt"]
    # the A2 alert at 23:30 -05:00 on the 23rd is on the person's 23rd (04:30 UTC on the 24th)
    assert [a.rule for a in data.alerts] == ["A2", "W1"]
    assert [a.rule for a in service.trend_data(date(2026, 2, 24), None).alerts] == ["W1"]
    (flare,) = data.flares
    # before: 3 Mar (5) and 9 Mar (7) -> 6.0; 10 Mar (9) and 14 Mar (8) are 2 or more above it
    assert flare.before_mean == 6.0
    assert (flare.first_day, flare.last_day) == (date(2026, 3, 10), date(2026, 3, 14))
    assert (flare.peak_at, flare.peak_score) == (at("2026-03-10T18:00"), 9)
    assert W1_WORDING in flare.explanation
    assert flare.label == "Radiotherapy T8"
    assert service.trend_data(date(2026, 3, 15), date(2026, 3, 31)).flares == ()


def test_the_whole_journal_by_default(service: TrendsService) -> None:
    assert service.span() == (date(2026, 2, 23), date(2026, 4, 23))
    data = service.trend_data()
    assert (data.start, data.end) == (date(2026, 2, 23), date(2026, 4, 23))
    assert data.per_entry  # 60 days
    with pytest.raises(ValueError, match="after"):
        service.trend_data(date(2026, 3, 2), date(2026, 3, 1))


def test_an_empty_journal_shows_today(db: Any) -> None:
    service = TrendsService(db, today=lambda: date(2026, 11, 3))
    assert service.span() is None
    data = service.trend_data()
    assert (data.start, data.end) == (date(2026, 11, 3), date(2026, 11, 3))
    assert data.is_empty


def test_presets_end_on_the_last_recorded_day() -> None:
    first, last = date(2020, 1, 1), date(2026, 11, 20)
    assert preset_range(Preset.DAYS_30, first, last) == (date(2026, 10, 22), last)
    assert preset_range(Preset.DAYS_90, first, last)[0] == last - timedelta(days=89)
    assert preset_range(Preset.YEAR, first, last)[0] == last - timedelta(days=364)
    assert preset_range(Preset.ALL, first, last) == (first, last)
    assert uses_entry_points(*preset_range(Preset.DAYS_90, first, last))
    assert not uses_entry_points(last - timedelta(days=90), last)


# ---- SQL against Python ------------------------------------------------------------------------


def highest(levels: Iterable[int | None]) -> int | None:
    asked = [level for level in levels if level is not None]
    return max(asked) if asked else None


def test_sql_daily_means_equal_python_means(db: Any) -> None:
    journal = build_demo_journal(1)
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, journal)
    by_day: dict[date, list[Entry]] = defaultdict(list)
    for e in journal.entries:
        by_day[e.recorded_at.date()].append(e)
    first, last = min(by_day), max(by_day)
    with db.unit_of_work() as session:
        stats = queries.day_stats(session, first, last)
        doses = queries.as_needed_doses_per_day(session, first, last)
    assert [s.day for s in stats] == sorted(by_day)
    for s in stats:
        day = by_day[s.day]
        assert s.count == len(day)
        assert s.pain_mean == pytest.approx(sum(e.pain.score for e in day) / len(day))
        worst = [e.pain.worst_24h for e in day if e.pain.worst_24h is not None]
        point: TrendPoint = s.to_point()
        assert point.worst == (pytest.approx(sum(worst) / len(worst)) if worst else None)
        # the highest level asked that day; a sign not asked (None) is no level
        assert s.weakness == highest(v for e in day for v in vars(e.weakness).values())
        assert s.numbness == highest(v for e in day for v in vars(e.numbness).values())
        assert s.walking == highest(e.walking for e in day)
    per_day: dict[date, int] = defaultdict(int)
    for dose in journal.medications:
        if dose.as_needed:
            per_day[dose.taken_at.date()] += 1
    assert {d.day: d.count for d in doses} == dict(per_day)


def test_sql_window_sums_equal_python_sums(db: Any) -> None:
    """More windows than one query takes, repeated ones and empty ones among them."""
    journal = build_demo_journal(1)
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, journal)
    days = sorted({e.recorded_at.date() for e in journal.entries})
    windows = [
        Window(day, day + timedelta(days=length)) for day in days[::3] for length in (0, 6, 13)
    ]
    windows += [*windows[:5], Window(date(1990, 1, 1), date(1990, 1, 14))]
    assert len(set(windows)) > queries.COMPOUND_LIMIT
    with db.unit_of_work() as session:
        stats = queries.window_stats(session, windows)
    assert set(stats) == set(windows)
    for window, found in stats.items():
        scores = [
            e.pain.score
            for e in journal.entries
            if window.first_day <= e.recorded_at.date() <= window.last_day
        ]
        assert (found.pain_sum, found.count) == (sum(scores), len(scores))


def test_sql_scored_entries_of_many_windows_in_recording_order(db: Any) -> None:
    journal = build_demo_journal(1)
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, journal)
    days = sorted({e.recorded_at.date() for e in journal.entries})
    windows = [Window(day, day + timedelta(days=10)) for day in days[::40]]
    windows += [windows[0], Window(date(1990, 1, 1), date(1990, 1, 14))]
    with db.unit_of_work() as session:
        found = queries.scored_entries(session, windows)
    assert set(found) == set(windows)
    for window, entries in found.items():
        expected = sorted(
            (
                e
                for e in journal.entries
                if window.first_day <= e.recorded_at.date() <= window.last_day
            ),
            key=lambda e: e.recorded_at,
        )
        assert [(s.at, s.score) for s in entries] == [
            (e.recorded_at.replace(tzinfo=None), e.pain.score) for e in expected
        ]


@pytest.mark.parametrize(
    ("doses", "span"),
    [
        # The first instant (22:30 UTC on the 1st) is the person's 2nd; 23:30 UTC on the 1st
        # at -05:00 is their 1st. The last instant (01:30 UTC on the 9th at -05:00) is their
        # 8th; 22:30 UTC on the 8th at +02:00 is their 9th.
        (
            (
                "2026-01-02T00:30:00+02:00",
                "2026-01-01T18:30:00-05:00",
                "2026-01-09T00:30:00+02:00",
                "2026-01-08T20:30:00-05:00",
            ),
            (date(2026, 1, 1), date(2026, 1, 9)),
        ),
        (("2026-01-05T23:59:00-12:00",), (date(2026, 1, 5), date(2026, 1, 5))),
    ],
)
def test_recorded_span_takes_each_dose_in_its_own_day(
    db: Any, doses: tuple[str, ...], span: tuple[date, date]
) -> None:
    journal = Journal(medications=tuple(MedicationDose(at(t), "Oxycodone") for t in doses))
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, journal)
        assert queries.recorded_span(session) == span


def test_what_was_read_is_kept_only_while_the_journal_is_unchanged(
    service: TrendsService, db: Any, data_dir: Any
) -> None:
    """Showing the same days again reads nothing; after any change, by this program (an entry,
    a treatment, a dose, its deletion) or by another connection, the series are read again."""
    from tracker.services.journal import JournalService
    from tracker.services.records import MedicationService, TreatmentService
    from tracker.storage.database import open_journal

    days = (date(2026, 2, 1), date(2026, 6, 30))

    def pain_on(data: Any, day: date) -> float | None:
        return next((p.pain for p in data.points if p.day == day), None)

    first = service.trend_data(*days)
    assert service.trend_data(*days) is first
    assert service.trend_data() is not first  # other days: read, then kept too
    assert service.trend_data() is service.trend_data()

    saved = JournalService(db).save_entry(entry("2026-05-20T09:00:00+00:00", 7)).entry
    second = service.trend_data(*days)
    assert pain_on(first, date(2026, 5, 20)) is None and pain_on(second, date(2026, 5, 20)) == 7
    assert service.span() == (date(2026, 2, 23), date(2026, 5, 20))

    TreatmentService(db).add(Treatment(kind="steroids", started_on=date(2026, 6, 1)))
    third = service.trend_data(*days)
    assert len(third.treatments) == len(second.treatments) + 1

    MedicationService(db).add(
        MedicationDose(at("2026-06-02T08:00:00+00:00"), "Oxycodone", as_needed=True)
    )
    fourth = service.trend_data(*days)
    assert sum(d.count for d in fourth.doses) == sum(d.count for d in third.doses) + 1

    JournalService(db).delete_entry(str(saved.id))
    assert pain_on(service.trend_data(*days), date(2026, 5, 20)) is None

    other = open_journal(data_dir)  # a second connection, as another program would have
    try:
        JournalService(other).save_entry(entry("2026-06-10T09:00:00+00:00", 3))
    finally:
        other.close()
    assert pain_on(service.trend_data(*days), date(2026, 6, 10)) == 3
    assert service.span() == (date(2026, 2, 23), date(2026, 6, 10))
