"""Use cases of the weekly ESAS-r form: save, correct or delete one, list them, and the
weekday it is offered on.

One unit of work per public method; frozen ``EsasForm`` records in and out. The weekday is a
setting of the journal (``esas.weekday``), so it travels with the journal, not the computer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.esas import EsasForm
from tracker.services.changes import Changes
from tracker.storage import list_rows, repository
from tracker.storage.database import JournalDatabase
from tracker.storage.errors import RecordMissingError

LIST_NAME = "esas_forms"
DEFAULT_WEEKDAY = 1  # Monday, ISO numbering (1 Monday - 7 Sunday)
WEEKDAY_KEY = "esas.weekday"
MISSING = "This form is no longer in the journal."


def weekday_of(settings: dict[str, str]) -> int:
    """The weekday the form is offered on, from the journal's settings (never chosen, or not
    a weekday: Monday)."""
    stored = settings.get(WEEKDAY_KEY, "")
    return int(stored) if stored in {str(d) for d in range(1, 8)} else DEFAULT_WEEKDAY


@dataclass(frozen=True)
class FormSaved:
    """The form as stored (with its id), and what storing it changed."""

    record: EsasForm
    changes: Changes


class EsasService:
    list_name = LIST_NAME

    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def add(self, form: EsasForm) -> FormSaved:
        with self._db.unit_of_work() as session:
            stored = repository.insert_simple(session, LIST_NAME, form)
        return FormSaved(stored, Changes.of(LIST_NAME))

    def update(self, form: EsasForm) -> FormSaved:
        """A form corrected in place (the same id); ``RecordMissingError`` when it is gone."""
        if form.id is None:
            raise ValueError("only a stored form can be corrected")
        with self._db.unit_of_work() as session:
            if not repository.update_simple(session, LIST_NAME, form):
                raise RecordMissingError(MISSING)
        return FormSaved(form, Changes.of(LIST_NAME))

    def delete(self, form_id: str) -> Changes:
        with self._db.unit_of_work() as session:
            repository.delete_record(session, LIST_NAME, form_id)
        return Changes.of(LIST_NAME)

    def list(self) -> list[EsasForm]:
        """Every form, oldest first."""
        with self._db.unit_of_work() as session:
            return list_rows.load_esas_forms(session)

    def weekday(self) -> int:
        """The ISO weekday the form is offered on (1 Monday - 7 Sunday)."""
        with self._db.unit_of_work() as session:
            return weekday_of(repository.read_settings(session))

    def set_weekday(self, weekday: int) -> Changes:
        if not 1 <= weekday <= 7:
            raise ValueError(f"{weekday} is not a weekday from 1 (Monday) to 7 (Sunday)")
        with self._db.unit_of_work() as session:
            repository.write_settings(session, {WEEKDAY_KEY: str(weekday)})
        return Changes.of("settings")

    def due_today(self, today: date) -> bool:
        """Whether today is the chosen weekday and no form was completed today yet."""
        if today.isoweekday() != self.weekday():
            return False
        return not any(f.completed_at.date() == today for f in self.list())
