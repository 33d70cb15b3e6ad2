"""The day's entry kept: saving it (new or changed), "same as last", opening and deleting an
entry from the history, and undoing an edit or a delete (Ctrl+Z).

Every write goes through the journal service; what it changed is announced by the window, and
the undo steps belong to the journal open now (``forget`` when another one is opened).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol

from tracker.domain.wording import short_time

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from tracker.domain.model import Entry
    from tracker.services.journal import Changes, DeletedEntry, EntrySaved
    from tracker.services.registry import Services
    from tracker.ui.data_safety import JournalKeeper
    from tracker.ui.widgets.entry_form import EntryForm
    from tracker.ui.widgets.history_panel import HistoryPanel


class EntryHost(Protocol):
    """The window, as the entry's keeping sees it."""

    @property
    def keeper(self) -> JournalKeeper | None: ...

    def services_now(self) -> Services | None:
        """The services, the journal's opening finished first if it is still going on."""
        ...

    def announce(self, changes: Changes) -> None: ...

    def say(self, sentence: str) -> None:
        """One sentence on the status line."""
        ...

    def after_entry_saved(self, result: EntrySaved) -> None: ...


class UndoStep(NamedTuple):  # not a dataclass: that module is not imported before the paint
    description: str
    undo: Callable[[], None]


class UndoSteps:
    """What Ctrl+Z undoes, newest last; the Edit menu's action names the next one."""

    def __init__(self, action: QAction, host: EntryHost) -> None:
        self._steps: list[UndoStep] = []
        self._action = action
        self._host = host

    def push(self, description: str, undo: Callable[[], None]) -> None:
        self._steps.append(UndoStep(description, undo))
        self._action.setText(f"&Undo {description}")

    def undo(self) -> None:
        host = self._host
        if not self._steps:
            host.say("There is nothing to undo.")
            return
        step = self._steps.pop()
        from tracker.services.errors import JournalError
        from tracker.ui.data_safety import plain_places

        try:
            step.undo()
        except JournalError as error:
            self._steps.append(step)
            host.say(f"Could not undo: {plain_places(str(error), host.keeper)}")
            return
        host.say(f"Undone: {step.description}.")
        self._action.setText(f"&Undo {self._steps[-1].description}" if self._steps else "&Undo")

    def forget(self) -> None:
        """Another journal is open: these steps belong to the one that was replaced."""
        self._steps.clear()
        self._action.setText("&Undo")


class EntryKeeping:
    def __init__(
        self,
        host: EntryHost,
        form: EntryForm,
        history: HistoryPanel,
        undo: UndoSteps,
        show: Callable[[EntryForm], None],
        parent: QWidget,
    ) -> None:
        self._host = host
        self._parent = parent  # of the question before a delete
        self._form = form
        self._history = history
        self._undo = undo
        self._show_form = show
        form.save_requested.connect(self.save)
        form.same_as_last_requested.connect(self.same_as_last)
        history.edit_requested.connect(self.edit)
        history.delete_requested.connect(self.delete)

    def save(self, entry: Entry) -> None:
        form = self._form
        services = self._host.services_now()
        if services is None:
            form.save_failed("The journal could not be opened, so nothing was saved.")
            return
        from tracker.services.errors import JournalError

        previous = form.editing
        try:
            if previous is None:
                result = services.journal.save_entry(entry)
            else:
                result = services.journal.update_entry(entry)
        except JournalError as error:
            form.save_failed(str(error))
            return
        if previous is not None:
            self._undo.push(
                f"edit of the entry of {short_time(previous.recorded_at)}",
                lambda: self._host.announce(services.journal.update_entry(previous).changes),
            )
        form.saved(result.entry)
        self._host.announce(result.changes)
        self._host.after_entry_saved(result)

    def same_as_last(self) -> None:
        services = self._host.services_now()
        if services is None:
            return
        latest = services.journal.latest_entry()
        if latest is None:
            self._form.message.show_done("There is no earlier entry to copy yet.")
            return
        self._form.copy_symptoms(latest)

    def edit(self, entry: Entry) -> None:
        self._form.edit(entry)
        self._show_form(self._form)

    def delete(self, entry: Entry) -> None:
        host = self._host
        services = host.services_now()
        if services is None or entry.id is None:
            return
        at = entry.recorded_at
        question = f"Delete the entry of {at:%A} {at.day} {at:%B %Y at %H:%M}? Ctrl+Z undoes it."
        from tracker.ui.common import Confirm

        if not Confirm.ask(self._parent, "Delete entry", question):
            return
        from tracker.services.errors import JournalError
        from tracker.services.journal import Changes
        from tracker.ui.data_safety import plain_places

        try:
            deleted = services.journal.delete_entry(entry.id)
        except JournalError as error:
            host.say(f"Not deleted: {plain_places(str(error), host.keeper)}")
            return
        self._undo.push("delete", lambda: self._restore(services, deleted))
        host.say("Entry deleted. Ctrl+Z brings it back.")
        host.announce(Changes.of("entries", "alerts"))

    def _restore(self, services: Services, deleted: DeletedEntry) -> None:
        self._host.announce(services.journal.restore_entry(deleted).changes)
