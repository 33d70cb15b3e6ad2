"""``import FILE``: all or nothing; a record already stored is refused as bad input."""

from __future__ import annotations

import argparse

from tracker.commands.base import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    CommandError,
    counts_text,
    open_stored,
    read_journal_file,
    safe,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="FILE", help="a journal file (.json), or a CSV of entries (.csv)"
    )


def run(args: argparse.Namespace) -> int:
    from tracker.services.alerts import AlertService
    from tracker.services.backups import BackupService
    from tracker.services.exchange import ExchangeService, ImportRefused
    from tracker.storage.errors import DuplicateIdError, JournalError

    journal = read_journal_file(args.file)
    with open_stored(args, lock=True) as db:
        BackupService(db.path.parent).backup_before("import")
        try:
            # the red-flag rules on the most recent entry, logged like a save (no window to
            # show), in the import's own unit of work: if they fail, nothing is imported
            outcome = ExchangeService(db).import_journal(journal, AlertService(db))
        except (DuplicateIdError, ImportRefused) as error:
            raise CommandError(
                f"{safe(args.file)} was not imported: {error}", EXIT_BAD_INPUT
            ) from None
        except JournalError:
            raise
        except Exception as error:
            raise CommandError(
                f"{safe(args.file)} was not imported, nothing of it was stored: an unexpected "
                f"error stopped the import ({type(error).__name__}: {error})."
            ) from None
    print(f"Imported {counts_text(journal.counts())} from {safe(args.file)}.")
    if outcome.evaluation is not None and outcome.evaluation.flags:
        rules = ", ".join(f.rule for f in outcome.evaluation.flags)
        print(
            f"The most recent entry has red flags ({rules}; highest: "
            f"{outcome.evaluation.highest}): run `spine-journal flags` for what to do."
        )
    return EXIT_OK
