"""The red-flag service: every save checked, every firing logged once, episodes interrupt once."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE_JOURNAL, run_cli
from tracker.domain.model import Entry, Numbness, Pain, Review, Weakness
from tracker.services.registry import Services, build_services
from tracker.storage.database import JournalDatabase

UTC = timezone.utc
T0 = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


@pytest.fixture
def services(db: JournalDatabase) -> Services:
    return build_services(db)


def entry(hours: int, score: int = 2, **kwargs: object) -> Entry:
    return Entry(recorded_at=T0 + timedelta(hours=hours), pain=Pain(score=score), **kwargs)  # type: ignore[arg-type]


def test_each_firing_is_logged_and_only_the_first_of_an_episode_interrupts(
    services: Services,
) -> None:
    first = services.journal.save_entry(entry(0, weakness=Weakness(left_leg=1)))
    assert [r.flag.rule for r in first.flags.interrupting] == ["R1"]
    second = services.journal.save_entry(entry(12, weakness=Weakness(left_leg=1)))
    assert [r.flag.rule for r in second.flags.raised] == ["R1"]
    assert second.flags.interrupting == ()
    worse = services.journal.save_entry(entry(24, weakness=Weakness(left_leg=2)))
    assert [r.flag.rule for r in worse.flags.interrupting] == ["R1"]
    alerts = services.alerts.all_alerts()
    assert [(a.rule, a.entry_id) for a in alerts] == [
        ("R1", first.entry.id),
        ("R1", second.entry.id),
        ("R1", worse.entry.id),
    ]


def test_an_edit_is_checked_again_without_logging_a_rule_twice(services: Services) -> None:
    saved = services.journal.save_entry(entry(0, weakness=Weakness(right_arm=1)))
    from dataclasses import replace

    edited = replace(saved.entry, walking=2)
    result = services.journal.update_entry(edited)
    assert {r.flag.rule for r in result.flags.raised} == {"R2"}
    assert sorted(a.rule for a in services.alerts.all_alerts()) == ["R1", "R2"]


def test_a_morning_entry_made_later_is_checked_against_its_own_past(services: Services) -> None:
    services.journal.save_entry(entry(12))  # evening, nothing to flag
    morning = services.journal.save_entry(entry(2, numbness=Numbness(saddle=1)))
    assert morning.flags.evaluation is not None
    assert morning.flags.evaluation.entry_id == morning.entry.id
    assert "R5" in [f.rule for f in morning.flags.evaluation.flags]
    assert len(morning.flags.evaluated) == 2  # and the most recent entry too


def test_a_review_sets_the_baseline(services: Services) -> None:
    services.reviews.add(Review(reviewed_on=T0.date(), symptom="weakness.left_leg", level=1))
    quiet = services.journal.save_entry(entry(0, weakness=Weakness(left_leg=1)))
    assert "R1" not in [f.rule for f in quiet.flags.evaluation.flags]  # type: ignore[union-attr]
    loud = services.journal.save_entry(entry(5, weakness=Weakness(left_leg=2)))
    assert "R1" in [f.rule for f in loud.flags.evaluation.flags]  # type: ignore[union-attr]


def test_pending_emergencies_until_answered(services: Services) -> None:
    saved = services.journal.save_entry(entry(0, weakness=Weakness(left_leg=2)))
    pending = services.alerts.pending_emergencies()
    assert [p.alert.entry_id for p in pending] == [saved.entry.id]
    services.alerts.record_action([str(pending[0].alert.id)], "reminder")
    assert len(services.alerts.pending_emergencies()) == 1  # a reminder keeps it pending
    services.alerts.record_action([str(pending[0].alert.id)], "went_to_hospital")
    assert services.alerts.pending_emergencies() == []
    (alert,) = services.alerts.all_alerts()
    assert alert.action == "went_to_hospital" and alert.acknowledged_at is not None


def test_a_failing_engine_still_saves_the_entry(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.domain import redflags

    def broken(*_args: object) -> None:
        raise ZeroDivisionError

    monkeypatch.setattr(redflags, "evaluate", broken)
    result = services.journal.save_entry(entry(0, weakness=Weakness(left_leg=3)))
    assert result.flags.check_failed
    assert [e.id for e in services.journal.entries()] == [result.entry.id]


def test_flags_command_reads_only_the_file(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    result = run_cli("flags", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["evaluated_entry"] == "2026-09-22T09:15:00+02:00"
    assert set(document) == {"evaluated_entry", "highest", "flags"}
    assert not data_dir.exists()  # the stored journal was not opened


def test_flags_on_the_stored_journal_and_on_an_empty_one(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    empty = run_cli("flags", data_dir=data_dir)
    assert json.loads(empty.stdout) == {"evaluated_entry": None, "highest": "none", "flags": []}
    run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir)
    from_file = json.loads(run_cli("flags", str(EXAMPLE_JOURNAL)).stdout)
    stored = json.loads(run_cli("flags", data_dir=data_dir).stdout)
    assert stored == from_file


def test_flags_on_a_bad_file_exits_2_with_the_import_message(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    document = json.loads(EXAMPLE_JOURNAL.read_text(encoding="utf-8"))
    document["entries"][3]["walking"] = 9
    bad.write_text(json.dumps(document), encoding="utf-8")
    result = run_cli("flags", str(bad))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "entries[3].walking: 9 is above 3" in result.stderr
