"""What the window needs for backups, restore, deleting everything and the example journal, and
the words it uses.

The journal has to be closed while a backup is restored or the data deleted, and opened again
afterwards, and the example journal opened in its place and the person's again after it; only
the composition root (``tracker.app_run.AppRun``) can do that, so the window asks it through
``JournalKeeper``. Each of its methods leaves the journal open and the window
attached to the new services when it returns, and raises ``JournalError`` (the journal as it
was) when it could not do what was asked.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import PurePath
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from tracker.services.backups import BackupInfo, BackupService, RestoreResult

TAG_WORDS = {
    "": "Automatic, at start",
    "manual": "Made by you",
    "before-restore": "Before a restore",
    "before-import": "Before an import",
    "before-delete": "Before a delete",
    "recovered": "Saved after a crash",
}


class JournalKeeper(Protocol):
    @property
    def backups(self) -> BackupService: ...

    def restore(self, backup: BackupInfo) -> RestoreResult:
        """Close the journal, save it (or keep the damaged copy), put ``backup`` in its place,
        open it again."""
        ...

    def start_empty(self) -> None:
        """A new, empty journal in place of a damaged one (which stays where it was moved)."""
        ...

    def delete_all_data(self) -> None:
        """Close the journal, remove it and every backup, then open a new, empty one."""
        ...

    @property
    def protected(self) -> bool:
        """Whether the journal is encrypted with a passphrase."""
        ...

    def change_passphrase(self, old: str | None, new: str | None) -> list[str]:
        """Protect (``old`` None), change or remove (``new`` None) the journal's passphrase;
        the names of the backups left as they were."""
        ...

    def finish_opening(self) -> None:
        """If the journal is still opening (the form was usable early), finish now."""
        ...

    def chart_wanted(self) -> None:
        """The Trends tab waits for the journal to open."""
        ...

    @property
    def in_example(self) -> bool:
        """Whether the example journal is open (rather than the person's own)."""
        ...

    def open_example(self) -> None:
        """Close the person's journal and open a fresh example journal (demo data, in a folder
        and under a lock of its own) in its place."""
        ...

    def leave_example(self) -> None:
        """Close the example journal, remove it and open the person's own journal again."""
        ...


def when_made(created: datetime) -> str:
    """``22 November 2026, 23:15``."""
    return f"{created.day} {created:%B %Y, %H:%M}"


def entries_words(count: int) -> str:
    return "1 entry" if count == 1 else f"{count} entries"


def backup_words(info: BackupInfo) -> str:
    """``22 November 2026, 23:15 (412 entries)``."""
    return f"{when_made(info.created)} ({entries_words(info.entries)})"


def why_made(tag: str) -> str:
    if tag.startswith("before-upgrade"):
        return "Before an update of Spine Journal"
    return TAG_WORDS.get(tag, tag.replace("-", " ").capitalize())


def plain_size(size: int) -> str:
    """``812 bytes``, ``48 KB``, ``1.7 MB`` (1 KB = 1024 bytes)."""
    if size < 1024:
        return "1 byte" if size == 1 else f"{size} bytes"
    if size < 1024 * 1024:
        return f"{round(size / 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def plain_places(sentence: str, keeper: JournalKeeper | None) -> str:
    """``sentence`` (an error's, for the status line) with no file path in it: the files in the
    journal's folder by their names, the folders in words (Help, About shows where they are)."""
    if keeper is None:
        return sentence
    backups = keeper.backups
    folder = backups.journal_path.parent
    return words_for_places(sentence, folder, backups.backup_dir)


def words_for_places(sentence: str, folder: PurePath, backup_dir: PurePath) -> str:
    """``The backup could not be written in /x/backups (...)`` -> ``... in the journal's
    backups folder (...)``; ``The journal file /x/journal.sqlite3 is empty`` -> ``The journal
    file journal.sqlite3 is empty``; ``The journal folder /x cannot ...`` -> ``The journal
    folder cannot ...``."""
    text = sentence.replace(f" folder {folder}", " folder")
    for place, words in (
        (backup_dir, "the journal's backups folder"),
        (folder, "the journal folder"),
    ):
        text = _names_only(text, str(place))
        text = text.replace(str(place), words)
    return text


def _names_only(text: str, place: str) -> str:
    """Each ``place/name`` in ``text`` as ``name`` alone."""
    for separator in ("/", "\\"):  # either, whatever the system: no branch by OS
        text = text.replace(place + separator, "")
    return text
