"""What the window shows of the journal while it opens: the latest entries listed early (the
form usable before the journal is), ``journal_ready`` once, and why it could not be opened (a
problem, a damaged journal) or backed up at the start.

Used before the window's first paint, so this module imports nothing the window does not
already have; the sentences' helpers are imported when there is something to say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtCore import SignalInstance

    from tracker.domain.model import Entry
    from tracker.services.backups import StartCheck
    from tracker.ui.data_safety import JournalKeeper
    from tracker.ui.status_line import StatusLine
    from tracker.ui.widgets.damaged_journal_panel import DamagedJournalPanel
    from tracker.ui.widgets.history_panel import HistoryPanel
    from tracker.ui.window_menus import WindowMenus


class StateHost(Protocol):
    """The window, as the journal's state shows in it."""

    @property
    def keeper(self) -> JournalKeeper | None: ...
    @property
    def status(self) -> StatusLine: ...
    @property
    def history(self) -> HistoryPanel: ...
    @property
    def damaged_panel(self) -> DamagedJournalPanel: ...
    @property
    def journal_ready(self) -> SignalInstance: ...


class JournalState:
    def __init__(self, host: StateHost, menus: WindowMenus) -> None:
        self._host = host
        self._menus = menus
        self._ready = False  # journal_ready emitted
        # the history's dates when the start listed their entries (``show_early_listing``)
        self._listed_early: tuple[datetime, datetime] | None = None

    def ready(self) -> None:
        """The form can be saved and the latest entries are listed: say so, once."""
        if not self._ready:
            self._ready = True
            self._host.journal_ready.emit()

    def history_current(self) -> bool:
        """Whether the history still lists what the start listed for the dates chosen (read
        once: the next journal is read afresh)."""
        listed, self._listed_early = self._listed_early, None
        return listed is not None and listed == self._host.history.range()

    def show_early_listing(self, entries: list[Entry], flags: dict[str, list[str]]) -> None:
        """Before the services are made: the latest entries listed (read by the start) and the
        form usable. Saving (or "same as last", or deleting) then waits for the journal to
        finish opening (``keeper.finish_opening``); the other actions wait until it has."""
        history = self._host.history
        history.set_entries(entries, flags)
        self._listed_early = history.range()
        self._menus.set_form_enabled(True)
        self.ready()

    def show_damaged_journal(self, check: StartCheck) -> None:
        """The journal was not opened: say why and where it went, offer the way on."""
        self._listed_early = None  # the journal opened next is read afresh
        self._host.damaged_panel.show_check(check)
        keys = "Alt+F restores the backup, Alt+Y" if check.backup is not None else "Alt+Y"
        self._host.status.say_plainly(
            f"The journal could not be read. Choose above what to do ({keys} starts a new, "
            "empty journal)."
        )

    def show_backup_problem(self, sentence: str) -> None:
        """The backup at start failed; the journal is open and works (one sentence)."""
        from tracker.ui.data_safety import plain_places

        self._host.status.say_plainly(plain_places(sentence, self._host.keeper))

    def show_journal_problem(self, message: str) -> None:
        """The journal is not open: the actions that need it off, and the message (its places
        said plainly) in the status line."""
        self._listed_early = None  # the journal opened next is read afresh
        self._menus.set_enabled(False)  # the form may have been usable while the journal opened
        from tracker.ui.data_safety import plain_places

        message = plain_places(message, self._host.keeper)
        self._host.status.say_marked_up(f"<b>The journal could not be opened.</b> {message}")
