"""The appointment summary's data on a hand-built journal: the exact red-flag rows, the weekly
as-needed doses, the first and last 7-day means, the nerve signs at the start and the end, the
appointment whose questions are shown, and the default period."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from tracker.domain import journal_format, rules
from tracker.domain.model import Alert, Appointment, Journal
from tracker.domain.red_flag_groups import red_flag_groups
from tracker.domain.summary import (
    NO_ACTION,
    RedFlagRow,
    SummaryData,
    appointment_for,
    default_period,
    red_flag_rows,
    week_bounds,
)
from tracker.services.summary import SummaryService
from tracker.storage import list_rows

START, END = date(2026, 3, 1), date(2026, 3, 31)
UTC = timezone.utc
BST = timezone(timedelta(hours=1))
SCRIPT_NOTE = "<script>alert(1)</script> and <b>x</b>"


def _entry(
    entry_id: str, at: str, score: int, worst: int | None = None, **rest: Any
) -> dict[str, Any]:
    return {
        "id": entry_id,
        "recorded_at": at,
        "pain": {"score": score, "worst_24h": worst},
        **rest,
    }


def _alert(
    alert_id: str, at: str, rule: str, action: str | None = None, note: str = ""
) -> dict[str, Any]:
    return {
        "id": alert_id,
        "raised_at": at,
        "rule": rule,
        "tier": rules.RULES[rule].tier,
        "entry_id": None,
        "acknowledged_at": at if action else None,
        "action": action,
        "note": note,
    }


def _dose(dose_id: str, at: str, name: str, as_needed: bool = True) -> dict[str, Any]:
    return {"id": dose_id, "taken_at": at, "name": name, "dose": "5 mg", "as_needed": as_needed}


def hand_journal() -> dict[str, Any]:
    """March 2026, as a journal file (v1). Records just outside the period check its edges:
    a day is the record's own calendar day in its own UTC offset."""
    return {
        "format": "spine-journal",
        "version": 1,
        "profile": {"display_name": "Alex <Tester>"},
        "contacts": {"helpline": "0800 123 456", "emergency": "999", "team": ""},
        "entries": [
            # Its own day is 28 Feb (UTC: 1 Mar 01:30): outside the period.
            _entry("e0", "2026-02-28T23:30:00-02:00", 9, 9, walking=3),
            _entry("e1", "2026-03-01T08:00:00+00:00", 3, 4, note="Started the diary."),
            _entry("e2", "2026-03-03T09:00:00+00:00", 4, 5),
            _entry("e3", "2026-03-05T20:00:00+00:00", 5),
            _entry(
                "e4",
                "2026-03-10T09:30:00+00:00",
                6,
                7,
                weakness={"left_leg": 1},
                walking=1,
                note=SCRIPT_NOTE,
            ),
            _entry(
                "e5",
                "2026-03-20T10:00:00+00:00",
                7,
                8,
                weakness={"left_leg": 2},
                numbness={"legs": 1, "saddle": 1},
                bladder="changed",
            ),
            _entry(
                "e6",
                "2026-03-27T21:00:00+01:00",
                8,
                9,
                weakness={"left_leg": 2},
                numbness={"legs": 2},
                walking=2,
                bladder="changed",
                bowel="constipated",
            ),
            # Its own day is 31 Mar (UTC: 1 Apr 04:30): the last entry of the period.
            _entry(
                "e7",
                "2026-03-31T23:30:00-05:00",
                6,
                8,
                weakness={"left_leg": 1, "right_arm": 1},
                numbness={"legs": 2},
                walking=2,
                bowel="constipated",
            ),
            _entry("e8", "2026-04-01T08:00:00+00:00", 10, 10, walking=3),
        ],
        "treatments": [
            {
                "id": "t1",
                "kind": "radiotherapy",
                "started_on": "2026-03-16",
                "ended_on": "2026-03-20",
                "site": "T10",
                "technique": "conventional",
                "dose_gy": 20.0,
                "fractions": 5,
                "sessions": [
                    {"at": f"2026-03-{day}T11:00:00+00:00", "done": day != "20"}
                    for day in ("16", "17", "18", "19", "20")
                ],
            },
            {"id": "t2", "kind": "kyphoplasty", "started_on": "2026-03-24", "site": "L1"},
            {"id": "t3", "kind": "steroids", "started_on": "2026-01-05"},
            {
                "id": "t4",
                "kind": "chemotherapy",
                "started_on": "2025-06-01",
                "ended_on": "2025-09-01",
            },
        ],
        "medications": [
            _dose("m0", "2026-02-28T22:00:00+00:00", "Oxycodone liquid"),  # outside
            _dose("m1", "2026-03-01T09:00:00+00:00", "Oxycodone liquid"),
            _dose("m2", "2026-03-02T21:00:00+00:00", "Oxycodone liquid"),
            _dose("m3", "2026-03-30T09:00:00+01:00", "Oxycodone liquid"),
            _dose("m4", "2026-03-30T15:00:00+01:00", "Oxycodone liquid"),
            _dose("m5", "2026-03-31T23:00:00-05:00", "oxycodone  LIQUID"),  # same medicine
            _dose("m6", "2026-03-25T12:00:00+00:00", "Paracetamol"),
            _dose("m7", "2026-03-12T12:00:00+00:00", "Paracetamol"),
            _dose("m8", "2026-03-10T08:00:00+00:00", "Morphine MR", as_needed=False),
        ],
        "reviews": [],
        "alerts": [
            _alert("a0", "2026-02-20T10:00:00+00:00", "R1", "called_helpline"),  # outside
            _alert(
                "a1", "2026-03-10T09:31:00+00:00", "R1", "called_helpline", "Nurse said: come in"
            ),
            _alert("a2", "2026-03-10T09:31:00+00:00", "R2", "went_to_hospital"),
            _alert("a3", "2026-03-12T20:00:00+00:00", "A6", "acknowledged"),
            _alert("a4", "2026-03-13T20:00:00+00:00", "A6", "acknowledged"),
            _alert("a5", "2026-03-05T20:01:00+00:00", "W2"),
            _alert("a6", "2026-03-20T10:01:00+00:00", "R5", "went_to_hospital"),
        ],
        "appointments": [
            {"id": "p1", "at": "2026-02-27T10:00:00+00:00", "with": "Dr Before"},
            {
                "id": "p2",
                "at": "2026-03-15T10:00:00+00:00",
                "with": "Dr Within",
                "questions": "Asked last time.",
            },
            {
                "id": "p3",
                "at": "2026-04-02T10:00:00+01:00",
                "with": "Dr Next",
                "questions": "Why is my left leg weak?\nShould I stop the steroids?",
            },
            {"id": "p4", "at": "2026-05-02T10:00:00+01:00", "with": "Dr Later"},
        ],
    }


def hand_built() -> Journal:
    return journal_format.parse_journal(hand_journal())


@pytest.fixture
def summary(db: Any) -> SummaryData:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, hand_built())
    return SummaryService(db).summary_data(START, END)


def test_red_flags_every_alert_of_the_period_emergency_first(summary: SummaryData) -> None:
    rows = [
        (r.when, r.tier, r.rule, r.wording, r.action, r.note, r.count) for r in summary.red_flags
    ]
    assert rows == [
        (
            "Tue 10 Mar 2026 09:31",
            "emergency",
            "R1",
            "new or worse weakness or heaviness in an arm or leg",
            "called the helpline",
            "Nurse said: come in",
            1,
        ),
        (
            "Tue 10 Mar 2026 09:31",
            "emergency",
            "R2",
            "new or worse difficulty walking, unsteadiness, legs giving way",
            "went to hospital",
            "",
            1,
        ),
        (
            "Fri 20 Mar 2026 10:01",
            "emergency",
            "R5",
            rules.RULES["R5"].title,
            "went to hospital",
            "",
            1,
        ),
        (
            "Thu 12 Mar 2026 20:00 to Fri 13 Mar 2026 20:00 (2 times)",
            "urgent",
            "A6",
            "pain at night that stops you sleeping",
            "seen and noted",
            "",
            2,
        ),
        (
            "Thu 5 Mar 2026 20:01",
            "watch",
            "W2",
            rules.RULES["W2"].title,
            NO_ACTION,
            "",
            1,
        ),
    ]
    assert summary.alert_count == 6  # every alert is counted, the A6 run included
    assert summary.red_flags[0].tier_words == "EMERGENCY"


def _alert_at(rule: str, day: int, action: str | None = "acknowledged", note: str = "") -> Alert:
    at = datetime(2026, 3, day, 12, 0, tzinfo=UTC)
    return Alert(raised_at=at, rule=rule, tier=rules.RULES[rule].tier, action=action, note=note)


def test_a_run_of_one_rule_breaks_at_a_gap_a_new_action_or_a_note() -> None:
    alerts = [
        _alert_at("A1", 1),
        _alert_at("A1", 2),
        _alert_at("A1", 4),  # a day without it: a new run
        _alert_at("A1", 5, action="called_helpline"),  # another action: a new row
        _alert_at("A1", 6, action="called_helpline", note="MRI booked"),  # a note: a new row
    ]
    rows = red_flag_rows(alerts)
    assert [(r.first_at.day, r.last_at.day, r.count, r.action, r.note) for r in rows] == [
        (1, 2, 2, "seen and noted", ""),
        (4, 4, 1, "seen and noted", ""),
        (5, 5, 1, "called the helpline", ""),
        (6, 6, 1, "called the helpline", "MRI booked"),
    ]
    assert isinstance(rows[0], RedFlagRow)


def test_no_alert_in_the_period_gives_no_rows(db: Any) -> None:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, hand_built())
    data = SummaryService(db).summary_data(date(2026, 3, 21), date(2026, 3, 31))
    assert data.red_flags == ()
    assert data.alert_count == 0


def test_weekly_as_needed_doses_by_medicine(summary: SummaryData) -> None:
    doses = summary.doses
    assert doses.medicines == ("Oxycodone liquid", "Paracetamol")
    weeks = [(w.first_day, w.last_day, w.counts) for w in doses.weeks]
    assert weeks == [
        (date(2026, 3, 1), date(2026, 3, 3), (2, 0)),
        (date(2026, 3, 4), date(2026, 3, 10), (0, 0)),
        (date(2026, 3, 11), date(2026, 3, 17), (0, 1)),
        (date(2026, 3, 18), date(2026, 3, 24), (0, 0)),
        (date(2026, 3, 25), date(2026, 3, 31), (3, 1)),
    ]
    assert doses.weeks[0].label() == "1 Mar to 3 Mar 2026 (3 days)"
    assert doses.weeks[-1].label() == "25 Mar to 31 Mar 2026"
    assert doses.total == 7
    assert doses.regular == ("Morphine MR",)


def test_week_bounds_cover_the_period_once() -> None:
    weeks = week_bounds(date(2026, 1, 1), date(2026, 1, 14))
    assert weeks == [(date(2026, 1, 1), date(2026, 1, 7)), (date(2026, 1, 8), date(2026, 1, 14))]
    assert week_bounds(date(2026, 1, 5), date(2026, 1, 5)) == [(date(2026, 1, 5),) * 2]


def test_pain_latest_and_the_first_and_last_7_day_means(summary: SummaryData) -> None:
    pain = summary.pain
    assert (pain.latest_score, pain.latest_worst) == (6, 8)
    assert pain.latest_at == datetime(2026, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    first, last = pain.first_week, pain.last_week
    assert (first.first_day, first.last_day, first.count) == (date(2026, 3, 1), date(2026, 3, 7), 3)
    assert first.mean == pytest.approx(4.0)  # 3, 4, 5 (e0 is on 28 Feb in its own offset)
    assert (last.first_day, last.last_day, last.count) == (date(2026, 3, 25), date(2026, 3, 31), 2)
    assert last.mean == pytest.approx(7.0)  # 8 and 6 (e8 is on 1 Apr)
    assert first.text() == "4.0 from 3 entries (1 Mar 2026 to 7 Mar 2026)"


def test_a_week_without_entries_says_so(db: Any) -> None:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, hand_built())
    data = SummaryService(db).summary_data(date(2026, 3, 11), date(2026, 3, 26))
    assert data.pain.first_week.mean is None
    assert data.pain.first_week.text() == "no entries (11 Mar 2026 to 17 Mar 2026)"
    assert data.pain.last_week.count == 1  # e5 on 20 Mar


def test_neurological_status_at_the_first_and_last_entry(summary: SummaryData) -> None:
    neuro = summary.neuro
    assert neuro.first_at == datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    assert neuro.last_at == datetime(2026, 3, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    rows = [(r.sign, r.start, r.end, r.change) for r in neuro.rows]
    assert rows == [
        ("Weakness", "none recorded", "right arm: slight; left leg: slight", "higher"),
        ("Numbness or pins and needles", "none recorded", "legs: constant", "higher"),
        ("Walking", "as usual", "needs a stick, frame or help", "higher"),
        ("Bladder", "normal", "normal", "no change"),
        ("Bowel", "normal", "constipated", "higher"),
    ]


def test_no_entries_no_neurological_rows(db: Any) -> None:
    data = SummaryService(db).summary_data(START, END)
    assert data.neuro.first_at is None
    assert data.neuro.rows == ()
    assert data.pain.latest_score is None
    assert data.entries == ()
    assert data.red_flags == ()
    assert data.doses.weeks == ()


def test_entries_of_the_period_in_time_order_with_a_short_nerve_summary(
    summary: SummaryData,
) -> None:
    assert [e.pain for e in summary.entries] == [3, 4, 5, 6, 7, 8, 6]
    fourth, fifth = summary.entries[3], summary.entries[4]
    assert fourth.note == SCRIPT_NOTE  # kept as typed: the document escapes it
    assert fourth.neuro == "weak L leg 1, walking 1"
    assert fifth.neuro == "weak L leg 2, numb legs 1, numb saddle area 1, bladder: changed"
    assert summary.entries[0].neuro == "none recorded"


def test_treatments_in_the_period_and_their_responses(summary: SummaryData) -> None:
    lines = [(t.label, t.dates, t.details) for t in summary.treatments]
    assert lines == [
        ("Steroids", "from 5 Jan 2026, no end date", "no details recorded"),
        (
            "Radiotherapy",
            "16 Mar 2026 to 20 Mar 2026",
            "site T10; 20 Gy in 5 fractions; conventional; 4 of 5 sessions done",
        ),
        ("Kyphoplasty", "24 Mar 2026", "level L1"),
    ]
    responses = {r.treatment: r for r in summary.responses}
    # The steroids' response windows (January) are not in the period; the chemotherapy of 2025
    # is neither shown nor answered.
    assert set(responses) == {"Radiotherapy T10", "Kyphoplasty L1"}
    radiotherapy = responses["Radiotherapy T10"]
    # Before: 2 to 15 Mar holds e2..e4 (4, 5, 6); after: days 1-14 after the last session done
    # (19 Mar) holds e5, e6, e7 and e8 (7, 8, 6, 10).
    assert radiotherapy.before == "5.0 (3 entries)"
    assert radiotherapy.after == "7.8 (4 entries)"
    assert radiotherapy.change == "2.8 more"
    assert responses["Kyphoplasty L1"].later == "not radiotherapy"


def test_the_next_appointment_after_the_period_else_the_latest_in_it() -> None:
    journal = hand_built()
    chosen = appointment_for(journal.appointments, START, END)
    assert chosen is not None
    assert (chosen.with_whom, chosen.after_period) == ("Dr Next", True)
    assert chosen.questions == "Why is my left leg weak?\nShould I stop the steroids?"
    within = appointment_for(journal.appointments[:2], START, END)
    assert within is not None
    assert (within.with_whom, within.questions, within.after_period) == (
        "Dr Within",
        "Asked last time.",
        False,
    )
    assert appointment_for(journal.appointments[:1], START, END) is None


def test_summary_carries_the_questions_name_and_helpline(summary: SummaryData) -> None:
    assert summary.appointment is not None
    assert summary.appointment.with_whom == "Dr Next"
    assert summary.display_name == "Alex <Tester>"
    assert summary.helpline == "0800 123 456"
    assert summary.title == "Spine Journal summary 2026-03-01 to 2026-03-31"
    assert summary.file_name == "spine-journal-summary-2026-03-01-2026-03-31.pdf"


def test_the_trend_data_is_the_trends_views_for_the_period(summary: SummaryData) -> None:
    trend = summary.trend
    assert (trend.start, trend.end) == (START, END)
    assert trend.per_entry
    assert [p.pain for p in trend.points] == [3, 4, 5, 6, 7, 8, 6]
    assert sum(d.count for d in trend.doses) == 7
    assert {t.id for t in trend.treatments} == {"t1", "t2"}  # the chart's own choice


def _appointment(day: date, hour: int = 10) -> Appointment:
    return Appointment(at=datetime(day.year, day.month, day.day, hour, tzinfo=BST))


def test_default_period_since_the_last_appointment_before_today() -> None:
    today = date(2026, 3, 31)
    appointments = [_appointment(date(2026, 2, 1)), _appointment(date(2026, 3, 3))]
    assert default_period(appointments, today) == (date(2026, 3, 3), today)
    # One today or later does not count: it is the appointment being prepared for.
    later = [_appointment(today), _appointment(date(2026, 4, 2))]
    assert default_period(later, today) == (date(2026, 3, 2), today)  # the last 30 days
    assert default_period([], today) == (date(2026, 3, 2), today)


def test_service_default_period(db: Any) -> None:
    with db.unit_of_work() as session:
        list_rows.insert_journal(session, hand_built())
    service = SummaryService(db)
    assert service.default_period(date(2026, 3, 20)) == (date(2026, 3, 15), date(2026, 3, 20))
    assert service.default_period(date(2026, 2, 27)) == (date(2026, 1, 29), date(2026, 2, 27))


def test_start_after_end_is_refused(db: Any) -> None:
    with pytest.raises(ValueError, match="after"):
        SummaryService(db).summary_data(END, START)


def test_the_silent_repeats_of_an_episode_join_its_answered_row() -> None:
    """Only an episode's first entry interrupts, so its repeats carry no answer: they belong to
    the row of the answer, not to a row of their own saying "no action logged"."""
    alerts = [
        _alert_at("R1", 1, action="went_to_hospital"),
        _alert_at("R1", 2, action=None),
        _alert_at("R1", 3, action=None),
        _alert_at("R1", 6, action=None),  # a gap: a new episode, never answered
    ]
    rows = red_flag_rows(alerts)
    assert [(r.first_at.day, r.last_at.day, r.count, r.action) for r in rows] == [
        (1, 3, 3, "went to hospital"),
        (6, 6, 1, NO_ACTION),
    ]


def test_a_rules_episodes_with_one_action_are_one_printed_row_listing_every_time() -> None:
    """W2 raised three times, unanswered, days apart: one row, each time in it, the count 3;
    R1's two hospital episodes one row (the first of three alerts), its acknowledged one apart."""
    alerts = [
        _alert_at("W2", 1, action=None),
        _alert_at("W2", 5, action=None),
        _alert_at("W2", 9, action=None),
        _alert_at("R1", 1, action="went_to_hospital"),
        _alert_at("R1", 2, action=None),
        _alert_at("R1", 3, action=None),
        _alert_at("R1", 20, action="went_to_hospital"),
        _alert_at("R1", 25),
    ]
    groups = red_flag_groups(red_flag_rows(alerts))
    assert [(g.first.rule, g.first.action, g.count) for g in groups] == [
        ("R1", "went to hospital", 4),
        ("R1", "seen and noted", 1),
        ("W2", NO_ACTION, 3),
    ]
    assert groups[0].when == (
        "4 times: Sun 1 Mar 2026 12:00 to Tue 3 Mar 12:00 (3 times), Fri 20 Mar 12:00"
    )
    assert groups[1].when == "Wed 25 Mar 2026 12:00"
    assert groups[2].when == "3 times: Sun 1 Mar 2026 12:00, Thu 5 Mar 12:00, Mon 9 Mar 12:00"
    assert sum(g.count for g in groups) == len(alerts)  # every alert in one row


def test_the_year_is_written_again_where_it_changes() -> None:
    at = datetime(2026, 12, 30, 9, 15, tzinfo=UTC)
    alerts = [
        Alert(raised_at=at + timedelta(days=d), rule="W2", tier="watch", action=None, note="")
        for d in (0, 5, 9)
    ]
    [group] = red_flag_groups(red_flag_rows(alerts))
    assert group.when == "3 times: Wed 30 Dec 2026 09:15, Mon 4 Jan 2027 09:15, Fri 8 Jan 09:15"
