"""Errors the window shows as one plain sentence."""

from tracker.storage.errors import JournalError, StorageWriteError

__all__ = ["JournalError", "StorageWriteError"]
