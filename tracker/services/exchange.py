"""Import and export of whole journals (journal file v1)."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from tracker.domain import csv_esas, csv_format, csv_medicines, fhir, journal_writing
from tracker.domain.model import Journal
from tracker.os_files import private_file
from tracker.services.alerts import AlertService, FlagOutcome
from tracker.storage import list_rows, repository
from tracker.storage.database import JournalDatabase
from tracker.storage.errors import JournalError, StorageWriteError


class ImportRefused(JournalError):
    """The file is not a valid journal, or clashes with what is stored: nothing was imported."""


def write_private_file(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, mode 0600, then rename it into place."""
    directory = path.parent
    handle, temporary = tempfile.mkstemp(prefix=".spine-journal-", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        private_file(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ExchangeService:
    def __init__(self, db: JournalDatabase) -> None:
        self._db = db

    def load(self) -> Journal:
        with self._db.unit_of_work() as session:
            return list_rows.load_journal(session)

    def export_json(self, exported_at: datetime | None = None) -> str:
        journal = self.load()
        return journal_writing.dumps(replace(journal, exported_at=exported_at))

    def export_text(self, format_name: str, exported_at: datetime | None = None) -> str:
        """The whole journal as ``json`` (file v2), ``csv`` (entries), ``csv-doses`` (regular
        medicines' doses), ``esas-csv`` (the ESAS-r forms) or ``fhir`` (R4 Bundle)."""
        journal = replace(self.load(), exported_at=exported_at)
        if format_name == "json":
            return journal_writing.dumps(journal)
        if format_name == "csv":
            return csv_format.dumps_csv(journal)
        if format_name == "csv-doses":  # the regular medicines' doses due, up to today
            until = (exported_at or datetime.now().astimezone()).date()
            return csv_medicines.dumps_doses_csv(journal, until)
        if format_name == "esas-csv":
            return csv_esas.dumps_esas_csv(journal)
        if format_name == "fhir":
            return json.dumps(fhir.bundle(journal), indent=2, ensure_ascii=False)
        raise ValueError(format_name)

    def export_file(
        self, format_name: str, path: Path, exported_at: datetime | None = None
    ) -> Path:
        """``export_text`` written to ``path`` by ``write_private_file`` (a temporary file
        beside it, mode 0600, renamed into place), as the ``export`` command writes it."""
        text = self.export_text(format_name, exported_at)
        try:
            write_private_file(path, text.encode("utf-8"))
        except OSError as error:
            reason = error.strerror or str(error)
            raise StorageWriteError(f"The file {path} could not be written ({reason}).") from None
        return path

    def import_journal(self, journal: Journal, alerts: AlertService | None = None) -> FlagOutcome:
        """Store every record of ``journal`` and, with ``alerts``, run the red-flag rules on the
        most recent entry: one unit of work, so that if anything fails after the file was
        validated (the rules included), nothing of the import stays.

        Profile and contacts from the file fill in only what the stored journal leaves empty:
        an import never overwrites the person's own helpline number.
        """
        self._check_alert_links(journal)
        with self._db.unit_of_work() as session:
            profile, contacts = repository.profile_and_contacts(session)
            list_rows.insert_journal(session, journal, settings=False)
            merged_profile = profile if profile.display_name else journal.profile
            merged_contacts = replace(
                contacts,
                **{
                    name: getattr(journal.contacts, name)
                    for name in ("helpline", "emergency", "team")
                    if not getattr(contacts, name)
                },
            )
            repository.write_profile_and_contacts(session, merged_profile, merged_contacts)
            return FlagOutcome() if alerts is None else alerts.after_import(session)

    def _check_alert_links(self, journal: Journal) -> None:
        in_file = {e.id for e in journal.entries if e.id is not None}
        missing = {
            index: alert.entry_id
            for index, alert in enumerate(journal.alerts)
            if alert.entry_id is not None and alert.entry_id not in in_file
        }
        if not missing:
            return
        with self._db.unit_of_work() as session:
            known = repository.stored_ids(session, "entries", set(missing.values()))
        for index, entry_id in missing.items():
            if entry_id not in known:
                raise ImportRefused(
                    f"alerts[{index}].entry_id: {entry_id!r} names no entry of this file "
                    "or of the journal; nothing was imported."
                )
