"""Symptom levels computed by SQLite equal the engine's, and the alert service's short history
gives the same flags as the whole journal."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from tests.unit.test_round_trip_properties import entries as any_entry
from tracker.domain import redflags, vocab
from tracker.domain.model import Entry
from tracker.domain.redflags import History
from tracker.domain.symptom_levels import symptom_levels
from tracker.services.alerts import AlertService
from tracker.services.demo import fill_demo
from tracker.storage import levels, list_rows, repository
from tracker.storage.database import open_journal


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(any_entry, min_size=1, max_size=8))
def test_every_keys_sql_level_equals_the_engines(
    tmp_path_factory: object, batch: list[Entry]
) -> None:
    folder = Path(tmp_path_factory.mktemp("levels"))
    db = open_journal(folder)
    try:
        with db.unit_of_work() as session:
            stored = [repository.insert_entry(session, e) for e in batch]
        columns = [
            levels.level_expression(k).label(k.replace(".", "_")) for k in vocab.SYMPTOM_KEYS
        ]
        with db.unit_of_work() as session:
            for entry in stored:
                row = session.execute(select(*columns).where(levels.ENTRIES.c.id == entry.id)).one()
                assert dict(zip(vocab.SYMPTOM_KEYS, row, strict=True)) == symptom_levels(entry)
    finally:
        db.close()


def test_the_services_short_history_gives_the_whole_journals_flags(data_dir: Path) -> None:
    """The demo has a care-team review from its first day and others after each episode: the
    service loads days, not years, yet every sampled entry gets the flags of the whole history."""
    db = open_journal(data_dir)
    try:
        fill_demo(db, 2, end=date(2026, 11, 20))
        with db.unit_of_work() as session:
            journal = list_rows.load_journal(session)
        whole = History.from_journal(journal)
        service = AlertService(db)
        sample = random.Random(7).sample(list(journal.entries), 120)
        fired = 0
        for entry in sample:
            expected = redflags.evaluate(whole, entry)
            assert service.evaluate(entry) == expected, entry.id
            fired += bool(expected.flags)
        assert fired > 5  # the sample holds red flags to compare, not only silence
        first_review = min(journal.reviews, key=lambda r: r.reviewed_on)
        assert first_review.symptom == "pain.thoracic"  # years before most entries
    finally:
        db.close()
