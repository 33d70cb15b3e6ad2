"""Errors a person can understand, as opposed to bugs.

Each carries one plain sentence. The window and the command line show it as it is.
"""

from __future__ import annotations

import errno


class JournalError(Exception):
    """A known problem with the journal file or the disk: one plain sentence in ``str()``."""


class NewerJournalError(JournalError):
    pass


class DamagedJournalError(JournalError):
    pass


class MigrationError(JournalError):
    pass


class StorageWriteError(JournalError):
    """The disk is full, the folder is read-only, or the journal is locked."""


class DuplicateIdError(JournalError):
    pass


class RecordMissingError(JournalError):
    """The record was deleted (perhaps in another window) before this change was saved."""


def plain_reason(error: OSError) -> str:
    """The reason of an operating-system error in plain words: a full disk said as such."""
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return "the disk is full"
    if error.errno == errno.EFBIG:
        return "the file would be larger than the disk or the account allows"
    return error.strerror or str(error)
