"""Use cases of the daily journal: one unit of work per public method.

Every method takes and returns frozen domain records; no Session or ORM object leaves here.
Each write returns a ``Changes`` naming what changed, which the window broadcasts so that
each view refreshes only what it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from tracker.domain.model import Contacts, Entry, Profile
from tracker.services.alerts import AlertService, FlagOutcome
from tracker.services.changes import Changes as Changes  # where callers have found it
from tracker.storage import alert_rows, list_rows, repository
from tracker.storage.database import JournalDatabase
from tracker.storage.errors import RecordMissingError


@dataclass(frozen=True)
class EntrySaved:
    entry: Entry
    changes: Changes
    flags: FlagOutcome = field(default_factory=FlagOutcome)


@dataclass(frozen=True)
class DeletedEntry:
    """An entry as it was before deletion, with the alerts that named it, so that undo can
    put both back exactly."""

    entry: Entry
    alert_ids: tuple[str, ...]


class JournalService:
    def __init__(self, db: JournalDatabase, alerts: AlertService | None = None) -> None:
        self._db = db
        self._alerts = alerts if alerts is not None else AlertService(db)

    @property
    def location(self) -> str:
        return str(self._db.path)

    def counts(self) -> dict[str, int]:
        with self._db.unit_of_work() as session:
            return repository.counts(session)

    def save_entry(self, entry: Entry) -> EntrySaved:
        """Store a new entry (an id is assigned when it has none), then run the red-flag
        rules. The entry is committed first: a failing check never loses it."""
        with self._db.unit_of_work() as session:
            stored = repository.insert_entry(session, entry)
        flags = self._alerts.after_save(stored)
        return EntrySaved(stored, Changes.entry_saved(stored, flags.alerted_entries()), flags)

    def update_entry(self, entry: Entry) -> EntrySaved:
        """Replace an existing entry (its identity is kept), then run the red-flag rules."""
        with self._db.unit_of_work() as session:
            if not repository.update_entry(session, entry):
                raise RecordMissingError("This entry is no longer in the journal.")
        flags = self._alerts.after_save(entry)
        return EntrySaved(entry, Changes.entry_saved(entry, flags.alerted_entries()), flags)

    def delete_entry(self, entry_id: str) -> DeletedEntry:
        """Delete an entry; return it as it was, so that it can be restored."""
        with self._db.unit_of_work() as session:
            entry = repository.get_entry(session, entry_id)
            if entry is None:
                raise RecordMissingError("This entry is no longer in the journal.")
            alert_ids = alert_rows.alert_ids_of_entry(session, entry_id)
            repository.delete_entry(session, entry_id)
        return DeletedEntry(entry, tuple(alert_ids))

    def restore_entry(self, deleted: DeletedEntry) -> EntrySaved:
        """Undo a delete: the same entry, same id, its alerts linked to it again."""
        with self._db.unit_of_work() as session:
            repository.insert_entry(session, deleted.entry)
            assert deleted.entry.id is not None
            alert_rows.link_alerts(session, deleted.alert_ids, deleted.entry.id)
        return EntrySaved(deleted.entry, Changes.entry_saved(deleted.entry, [deleted.entry.id]))

    def latest_entry(self) -> Entry | None:
        with self._db.unit_of_work() as session:
            return repository.latest_entry(session)

    def larger_text(self) -> bool:
        with self._db.unit_of_work() as session:
            return repository.read_settings(session).get("ui.larger_text") == "1"

    def set_larger_text(self, on: bool) -> None:
        with self._db.unit_of_work() as session:
            repository.write_settings(session, {"ui.larger_text": "1" if on else "0"})

    def needs_welcome(self) -> bool:
        """Whether the welcome page is due: the journal holds no entry and "Start my journal"
        was never chosen for it (someone who quit on the welcome page sees it again)."""
        with self._db.unit_of_work() as session:
            started = repository.read_settings(session).get("journal.started") == "1"
            return not started and repository.latest_entry(session) is None

    def start_journal(self, profile: Profile | None, contacts: Contacts | None) -> Changes:
        """ "Start my journal": the numbers given (if any) stored, and the welcome page not
        shown again for this journal; one unit of work."""
        with self._db.unit_of_work() as session:
            if profile is not None and contacts is not None:
                repository.write_profile_and_contacts(session, profile, contacts)
            repository.write_settings(session, {"journal.started": "1"})
        return Changes.of("settings")

    def export_warning_shown(self) -> bool:
        """Whether the person was told, before an earlier export, that an exported file is no
        longer protected by the app (so the warning is shown once)."""
        with self._db.unit_of_work() as session:
            return repository.read_settings(session).get("export.warned") == "1"

    def remember_export_warning(self) -> None:
        with self._db.unit_of_work() as session:
            repository.write_settings(session, {"export.warned": "1"})

    def get_entry(self, entry_id: str) -> Entry | None:
        with self._db.unit_of_work() as session:
            return repository.get_entry(session, entry_id)

    def entries(self, since: datetime | None = None, until: datetime | None = None) -> list[Entry]:
        with self._db.unit_of_work() as session:
            return list_rows.load_entries(session, since, until)

    def profile_and_contacts(self) -> tuple[Profile, Contacts]:
        with self._db.unit_of_work() as session:
            return repository.profile_and_contacts(session)

    def set_profile_and_contacts(self, profile: Profile, contacts: Contacts) -> Changes:
        with self._db.unit_of_work() as session:
            repository.write_profile_and_contacts(session, profile, contacts)
        return Changes.of("settings")
