"""``export --format ics``: the calendar file a phone imports, parsed with ``icalendar``."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli
from tests.encrypted_cli import passphrase_arguments
from tracker.domain.reminders import TEXTS

LONDON = {"TZ": "Europe/London"}


def _events(path: Path) -> tuple[icalendar.Calendar, list[Any]]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return calendar, list(calendar.walk("VEVENT"))


def _journal_words(document: dict[str, object]) -> set[str]:
    """Every piece of health text in the journal file (names, notes, details)."""
    words: set[str] = set()
    for list_name in ("medications", "treatments", "appointments", "entries", "reviews"):
        for record in document[list_name]:  # type: ignore[attr-defined]
            for key in ("name", "note", "notes", "questions", "site", "with", "symptom", "dose"):
                value = record.get(key)
                if isinstance(value, str) and len(value.strip()) > 2:
                    words.add(value.strip())
    return words


def test_each_appointment_is_an_event_at_its_instant_with_a_time_zone(
    data_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    out = tmp_path / "journal.ics"
    result = run_cli("export", "--format", "ics", "--out", str(out), data_dir=data_dir, env=LONDON)
    assert result.returncode == 0, result.stderr
    if sys.platform != "win32":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    raw = out.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    calendar, events = _events(out)
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["Europe/London"]
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    appointments = [e for e in events if str(e["SUMMARY"]) == "Appointment"]
    assert len(appointments) == len(document["appointments"])
    for event, stored in zip(appointments, document["appointments"], strict=True):
        start = event.decoded("DTSTART")
        assert start == datetime.fromisoformat(stored["at"])
        assert event["DTSTART"].params["TZID"] == "Europe/London"
        assert start.tzinfo is not None
    # neutral words: nothing of the journal's health text, by default
    text = raw.decode("utf-8")
    for words in _journal_words(document):
        assert words.replace(",", "\\,") not in text, words
    for event in events:
        assert str(event["SUMMARY"]) in {
            "Appointment",
            "Spine Journal check-in",
            "Dose due",
            "Radiotherapy session",
        }
        for alarm in event.walk("VALARM"):
            assert str(alarm["DESCRIPTION"]) in TEXTS.values()


def test_include_details_names_who_after_a_warning(data_dir: Path, tmp_path: Path) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    out = tmp_path / "details.ics"
    result = run_cli(
        "export",
        "--format",
        "ics",
        "--include-details",
        "--out",
        str(out),
        data_dir=data_dir,
        env=LONDON,
    )
    assert result.returncode == 0, result.stderr
    assert "copied to cloud services" in result.stderr
    _, events = _events(out)
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    summaries = [str(e["SUMMARY"]) for e in events]
    for stored in document["appointments"]:
        assert f"Appointment with {stored['with']}" in summaries
    text = out.read_text(encoding="utf-8")
    for stored in document["appointments"]:
        assert stored["questions"].split("?")[0] not in text  # questions are never written


def test_the_demo_calendar_has_alarms_and_repeating_reminders(
    data_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("demo", data_dir=data_dir).returncode == 0
    out = tmp_path / "demo.ics"
    env = {"TZ": "America/New_York"}
    result = run_cli("export", "--format", "ics", "--out", str(out), data_dir=data_dir, env=env)
    assert result.returncode == 0, result.stderr
    _, events = _events(out)
    repeating = [e for e in events if "RRULE" in e]
    assert repeating, "no repeating reminder"
    check_in = [e for e in repeating if str(e["SUMMARY"]) == "Spine Journal check-in"]
    assert len(check_in) == 1
    rule: Any = check_in[0]["RRULE"]
    assert rule["FREQ"] == ["DAILY"]
    start = check_in[0].decoded("DTSTART")
    assert (start.hour, start.minute) == (20, 0)
    assert start.tzinfo is not None and str(start.tzinfo) == "America/New_York"
    assert all(list(e.walk("VALARM")) for e in events)
    exported = json.loads(run_cli("export", "--out", "-", data_dir=data_dir).stdout)
    appointments = [e for e in events if str(e["SUMMARY"]) == "Appointment"]
    assert sorted(e.decoded("DTSTART") for e in appointments) == sorted(
        datetime.fromisoformat(a["at"]) for a in exported["appointments"]
    )
    for event in appointments:  # the alarm: 18:00 the day before, New York time
        alarm = next(iter(event.walk("VALARM")))
        trigger = alarm.decoded("TRIGGER").astimezone(ZoneInfo("America/New_York"))
        day_before = event.decoded("DTSTART").astimezone(trigger.tzinfo).date()
        assert (trigger.date(), trigger.hour) == (day_before - timedelta(days=1), 18)
    # the demo's regular medicines: their doses are events at their times, never named
    doses = [e for e in events if str(e["SUMMARY"]) == "Dose due"]
    ongoing = [m for m in exported["medicines"] if m.get("ended_on") is None]
    assert ongoing and doses
    times = {t for m in ongoing for t in m["times"]}
    starts = {e.decoded("DTSTART").strftime("%H:%M") for e in doses}
    assert starts <= times and starts
    text = out.read_text(encoding="utf-8")
    assert not [m["name"] for m in exported["medicines"] if m["name"] in text]


@pytest.mark.parametrize("zone", ["Not/AZone", ""])
def test_an_unknown_zone_falls_back_and_still_writes(
    data_dir: Path, tmp_path: Path, zone: str
) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    out = tmp_path / "any.ics"
    result = run_cli(
        "export", "--format", "ics", "--out", str(out), data_dir=data_dir, env={"TZ": zone}
    )
    assert result.returncode == 0, result.stderr
    calendar, _ = _events(out)
    assert len(list(calendar.walk("VTIMEZONE"))) == 1


def test_include_details_with_another_format_is_refused(data_dir: Path, tmp_path: Path) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    out = tmp_path / "journal.json"
    result = run_cli(
        "export", "--format", "json", "--include-details", "--out", str(out), data_dir=data_dir
    )
    assert result.returncode == 2
    assert "--include-details is for --format ics only." in result.stderr
    assert not out.exists()


def test_the_calendar_to_standard_output_keeps_its_line_ends(data_dir: Path) -> None:
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    result = subprocess.run(
        [
            sys.executable,
            "main.py",
            "export",
            "--format",
            "ics",
            "--out",
            "-",
            "--data-dir",
            str(data_dir),
            *passphrase_arguments(run_cli, data_dir),
        ],
        capture_output=True,
        cwd=REPO,
        env={**os.environ, "TZ": "Europe/London"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    icalendar.Calendar.from_ical(result.stdout)


def test_the_weekly_form_reminder_is_a_weekly_event_without_any_score(
    data_dir: Path, tmp_path: Path
) -> None:
    from datetime import time

    from tracker.domain import esas
    from tracker.domain.reminders import WEEKLY_FORM, ReminderSettings
    from tracker.services.esas import EsasService
    from tracker.services.reminders import ReminderService
    from tracker.storage.database import open_journal

    db = open_journal(data_dir)  # as the reminders dialog keeps it: Fridays at 17:45
    try:
        ReminderService(db).set_settings(ReminderSettings(weekly_form=time(17, 45), weekly_day=5))
        filled = datetime(2026, 3, 20, 17, 50, tzinfo=ZoneInfo("Europe/London"))
        form = esas.form_of(filled, "patient", {"pain": 9, "other": 8}, "constipation")
        EsasService(db).add(form)
    finally:
        db.close()
    out = tmp_path / "weekly.ics"
    result = run_cli("export", "--format", "ics", "--out", str(out), data_dir=data_dir, env=LONDON)
    assert result.returncode == 0, result.stderr
    _, events = _events(out)
    (weekly,) = [e for e in events if str(e["SUMMARY"]) == "Weekly symptom form"]
    rule: Any = weekly["RRULE"]
    assert (rule["FREQ"], rule["BYDAY"]) == (["WEEKLY"], ["FR"])
    start = weekly.decoded("DTSTART")
    assert (start.isoweekday(), start.hour, start.minute) == (5, 17, 45)
    assert str(start.tzinfo) == "Europe/London"
    (alarm,) = weekly.walk("VALARM")
    assert str(alarm["DESCRIPTION"]) == TEXTS[WEEKLY_FORM]
    text = out.read_text(encoding="utf-8")
    assert "constipation" not in text and "ESAS" not in text
