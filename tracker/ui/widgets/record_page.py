"""What the record pages (painkillers, reviews, appointments, treatments) share: the table whose
Delete key asks first, the "journal not open yet" sentence, the confirm-delete-refresh flow, the
announcing of what a write changed, and the scrolling form column.

A page never names what it changed: the service's write returns its ``Changes`` and the page
hands them to the window (``changed``), which tells every page that shows that list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QTableView, QWidget

from tracker.ui.common import Confirm, MessageLine

if TYPE_CHECKING:
    from tracker.services.journal import Changes
    from tracker.services.registry import Services
    from tracker.ui.pages import PageHost

NOT_OPEN = "The journal is not open yet. Wait a moment and try again."


class RecordTable(QTableView):
    """Delete asks to delete the chosen row; with ``opens``, Enter opens it. Tab leaves the
    table (arrows move in it)."""

    open_requested = Signal()
    delete_requested = Signal()

    def __init__(self, opens: bool = False) -> None:
        super().__init__()
        self._opens = opens

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._opens and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_requested.emit()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area: on a short screen (or below the first-start
    contacts form) the form scrolls instead of squeezing its fields on top of each other."""
    scroll = QScrollArea()
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    keep_width(scroll)
    content.installEventFilter(_WidthKeeper(scroll))
    return scroll


def keep_width(scroll: QScrollArea) -> None:
    """As wide as the content needs beside a vertical scroll bar (a scroll area's own minimum
    is only its scroll bars)."""
    content = scroll.widget()
    if content is not None:
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(content.minimumSizeHint().width() + bar)


class _WidthKeeper(QObject):
    """``keep_width`` again whenever the content's layout changes (View > Larger text, a row
    of buttons added): the form is never cut at its right edge, since it cannot scroll
    sideways."""

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self._scroll = scroll

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            keep_width(self._scroll)
        return False


class RecordPage(QWidget):
    """A page of one list of records. Subclasses make ``table`` (a ``RecordTable``), take
    their service in ``set_services`` and read it again in ``refresh``."""

    changed = Signal(object)  # the Changes a write that succeeded returned

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = MessageLine()
        self.table: RecordTable

    # ---- the window's side (tracker.ui.pages.Page) -------------------------------------------

    def as_widget(self) -> QWidget:
        return self

    def join(self, host: PageHost) -> None:
        self.changed.connect(host.announce)

    def set_services(self, services: Services) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    # ---- shared steps ------------------------------------------------------------------------

    def not_open(self, opened: bool) -> bool:
        """Whether the journal is not open yet (said on the message line)."""
        if not opened:
            self.message.show_problem(NOT_OPEN)
        return not opened

    def choose_first(self, sentence: str) -> None:
        """Nothing is chosen to delete: say so, and put the focus in the list."""
        self.message.show_problem(sentence)
        self.table.setFocus()

    def written(self, changes: Changes, done: str) -> None:
        """A write succeeded: say what was done and announce what it changed."""
        self.message.show_done(done)
        self.changed.emit(changes)

    def ask_and_delete(
        self,
        title: str,
        question: str,
        delete: Callable[[], Changes],
        done: str,
        before_refresh: Callable[[], None] | None = None,
    ) -> None:
        """Ask ``question``; on yes, ``delete``, read the list again, say ``done`` and announce
        it, the focus back in the list. A problem with the disk is said and nothing changes."""
        if not Confirm.ask(self, title, question):
            return
        from tracker.services.errors import JournalError

        try:
            changes = delete()
        except JournalError as error:
            self.message.show_problem(str(error))
            return
        if before_refresh is not None:
            before_refresh()
        self.refresh()
        self.written(changes, done)
        self.table.setFocus()
