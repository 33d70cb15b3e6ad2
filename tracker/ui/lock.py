"""The lock: "Lock now" (Ctrl+L) and, after a chosen idle time, a lock page over the window.

While locked the window shows only the lock page (``widgets.lock_page``): its title is the
app's name, its menus are hidden and their shortcuts do nothing, and every other window of the
app (dialogs, modal or not, the emergency window) is hidden. Unlocking brings them back as they
were, with the typed entry untouched: nothing is closed, only hidden.

A dialog run with ``exec()`` (a yes/no question, a file or print dialog) ends as cancelled when
it is hidden (Qt leaves its loop): nothing is changed, but it does not come back.

The seam for encryption is ``Unlocker``: a plain journal's (``PlainUnlocker``) is a privacy
screen; an encrypted journal's (``tracker.ui.passphrase_unlock``) closes the journal and drops
its key on ``lock`` and asks for the passphrase on ``unlock``, which answers later (the key's
derivation runs off the window's thread).

Idle means no key, click, wheel or pointer movement in any window of the app: an application
event filter restarts one timer (no polling). The same filter takes Ctrl+L in a dialog too (a
modal dialog blocks the window's own shortcut) and, while locked, keeps the menus' shortcuts
from acting.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolTip, QWidget

from tracker import APP_NAME
from tracker.ui.window_place import settings

if TYPE_CHECKING:
    from tracker.ui.widgets.lock_page import LockPage
    from tracker.ui.window_actions import WindowActions

IDLE_CHOICES = (0, 2, 5, 10, 30)  # minutes; 0 is "Off"
DEFAULT_PLAIN = 0  # a privacy screen that locks by itself surprises more than it protects
DEFAULT_PROTECTED = 10
IDLE_KEY = "lock/idle_minutes"  # the one thing kept: a number of minutes, nothing private


def _input_events() -> frozenset[QEvent.Type]:
    """A person's input: made when first needed, not at import (before the first paint)."""
    kinds = ("KeyPress", "MouseButtonPress", "MouseMove", "Wheel", "TouchBegin", "TabletPress")
    return frozenset(getattr(QEvent.Type, kind) for kind in kinds)


Answered = Callable[[bool], None]  # whether the window may unlock


class Unlocker(Protocol):
    """What the lock asks of the journal's protection.

    ``protected``: whether the journal has a passphrase (the lock page's words, and the
    default idle time). ``lock()``: the window is locked now (an encrypted journal disposes
    its engine and drops its key). ``unlock(parent, answered)``: may the window unlock? An
    encrypted journal asks for the passphrase over ``parent`` (a wrong one is one sentence and
    another try) and reopens, then calls ``answered(True)``; ``answered(False)`` (Cancel)
    leaves the window locked. It may answer at once or later."""

    @property
    def protected(self) -> bool: ...
    def lock(self) -> None: ...
    def unlock(self, parent: QWidget, answered: Answered) -> None: ...


class PlainUnlocker:
    """A journal without a passphrase: the lock is a privacy screen, anyone may unlock."""

    protected = False

    def lock(self) -> None:
        """Nothing to drop: the journal is a plain file."""

    def unlock(self, parent: QWidget, answered: Answered) -> None:
        answered(True)


class WindowLock(QObject):
    """The lock of ``window``: its actions in ``menu`` (before ``before``), its idle timer."""

    locked_changed = Signal(bool)

    def __init__(
        self, window: QMainWindow, actions: WindowActions, menu: QMenu, before: QAction
    ) -> None:
        super().__init__(window)
        self._window = window
        self._unlocker: Unlocker = PlainUnlocker()
        self.locked = False
        self.minute_ms = 60_000  # tests shorten the minute
        self.page: LockPage | None = None  # made the first time the window locks
        self._hidden: list[QWidget] = []  # the windows hidden by the lock, to show again
        self._focus: QWidget | None = None
        self._asking = False  # the unlocker is asking (for the passphrase)
        self._title = ""
        self._input: frozenset[QEvent.Type] = frozenset()  # made after the first paint
        self._watching = False  # ``watch_input``
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock_now)
        self.lock_action = actions.action("&Lock now", "Ctrl+L", self.lock_now)
        self.after_menu = QMenu("Lock a&fter…", window)
        self.idle_actions: dict[int, QAction] = {}
        group = QActionGroup(self)
        for minutes in IDLE_CHOICES:
            action = QAction("Off" if minutes == 0 else f"{minutes} minutes", self)
            action.setCheckable(True)
            action.triggered.connect(lambda _on=False, m=minutes: self.choose_idle(m))
            group.addAction(action)
            self.after_menu.addAction(action)
            self.idle_actions[minutes] = action
        menu.insertAction(before, self.lock_action)
        menu.insertMenu(before, self.after_menu)
        menu.insertSeparator(before)
        self._apply_idle(self.idle_minutes())

    def watch_input(self) -> None:
        """Watch every event of the app (input restarts the idle time; shortcuts and new
        windows while locked), once: when the start is over (``AppRun``), or at a lock taken
        before. Every event of every object then passes through Python, and PySide6 makes the
        classes of the enums of each type of object the filter is handed: watching from the
        first paint, that took ~10 000 events while the pages were made, then ~115 enum
        classes while the journal opened and the chart was drawn (``benchmarks/README.md``)."""
        app = QApplication.instance()
        if app is not None and not self._watching:
            self._watching = True
            app.installEventFilter(self)

    # ---- the seam ----------------------------------------------------------------------------

    def set_unlocker(self, unlocker: Unlocker) -> None:
        """The journal's protection (the composition root gives it; again when it changes)."""
        self._unlocker = unlocker
        if self.page is not None:
            self.page.set_protected(unlocker.protected)
        self._apply_idle(self.idle_minutes())

    # ---- the idle time -----------------------------------------------------------------------

    def idle_minutes(self) -> int:
        """The chosen idle time, or the default for this journal when none was chosen."""
        default = DEFAULT_PROTECTED if self._unlocker.protected else DEFAULT_PLAIN
        try:
            minutes = int(str(settings().value(IDLE_KEY, default)))
        except ValueError:
            return default
        return minutes if minutes in IDLE_CHOICES else default

    def choose_idle(self, minutes: int) -> None:
        """The person's choice in "Lock after…", remembered for the next start."""
        stored = settings()
        stored.setValue(IDLE_KEY, minutes)
        stored.sync()
        self._apply_idle(minutes)

    def _apply_idle(self, minutes: int) -> None:
        self.idle_actions[minutes].setChecked(True)
        self.idle_timer.setInterval(minutes * self.minute_ms)
        if minutes and not self.locked:
            self.idle_timer.start()
        else:
            self.idle_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not self.locked:
            if not self._input:  # the first event: the enums exist by now
                self._input = _input_events()
            if kind not in self._input:
                return False
            if self.idle_timer.interval() > 0:
                self.idle_timer.start()
            if kind == QEvent.Type.KeyPress and _is_lock_key(event):
                self.lock_now()  # Ctrl+L in a dialog (the window's own shortcut is blocked)
                return True
            return False
        if kind == QEvent.Type.Shortcut and isinstance(watched, QAction):
            return True  # the window's menus' shortcuts do nothing while locked
        if kind == QEvent.Type.Resize and watched is self._window and self.page is not None:
            self.page.setGeometry(self._window.rect())
        elif kind == QEvent.Type.Show and not self._asking and self._arrived_while_locked(watched):
            assert isinstance(watched, QWidget)
            self._hidden.append(watched)
            QTimer.singleShot(0, watched, watched.hide)  # a reminder shown under the lock
        return False

    def _arrived_while_locked(self, watched: QObject) -> bool:
        return (
            isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self._window
            and watched not in self._hidden
            and not _is_popup(watched)
        )

    # ---- locking and unlocking ---------------------------------------------------------------

    def lock_now(self) -> None:
        if self.locked:
            return
        self.watch_input()  # locked while the journal opens: the menus' shortcuts, new windows
        self.locked = True
        self.idle_timer.stop()
        window = self._window
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and focus.window() is window else None
        self._title = window.windowTitle()
        window.setWindowTitle(APP_NAME)
        QToolTip.hideText()
        while (popup := QApplication.activePopupWidget()) is not None:
            popup.close()  # an open menu or list
        self._hidden = [w for w in QApplication.topLevelWidgets() if self._to_hide(w)]
        for other in self._hidden:
            other.hide()
        page = self._page()
        page.set_protected(self._unlocker.protected)
        central = window.centralWidget()
        if central is not None:
            central.hide()
        window.menuBar().hide()
        page.setGeometry(window.rect())
        page.show()
        page.raise_()
        page.unlock_button.setFocus()
        self._unlocker.lock()
        self.locked_changed.emit(True)

    def _to_hide(self, widget: QWidget) -> bool:
        return widget is not self._window and widget.isVisible() and not _is_popup(widget)

    def _page(self) -> LockPage:
        if self.page is None:
            from tracker.ui.widgets.lock_page import LockPage

            self.page = LockPage(self._window)
            self.page.unlock_requested.connect(self.unlock)
        return self.page

    def unlock(self) -> None:
        """Ask the unlocker; on yes, the window and its dialogs as they were."""
        if not self.locked or self._asking:
            return
        self._asking = True  # its passphrase dialog is not one to hide
        self._unlocker.unlock(self._window, self._answered)

    def _answered(self, allowed: bool) -> None:
        self._asking = False
        page = self.page
        assert page is not None
        self._window.activateWindow()  # the passphrase's dialog had the keyboard
        if not allowed or not self.locked:
            page.unlock_button.setFocus()
            return
        self.locked = False
        window = self._window
        page.hide()
        window.menuBar().show()
        central = window.centralWidget()
        if central is not None:
            central.show()
        window.setWindowTitle(self._title)
        if self._focus is not None and _alive(self._focus):
            self._focus.setFocus()
        hidden, self._hidden = self._hidden, []
        for other in hidden:
            if _alive(other):
                other.show()
                other.raise_()
                other.activateWindow()
        self._apply_idle(self.idle_minutes())
        self.locked_changed.emit(False)


def _is_lock_key(event: QEvent) -> bool:
    from PySide6.QtCore import Qt

    return (
        isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_L
        and event.modifiers() == Qt.KeyboardModifier.ControlModifier
    )


def _is_popup(widget: QWidget) -> bool:
    from PySide6.QtCore import Qt

    return widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


def _alive(widget: QWidget) -> bool:
    """Whether Qt still has ``widget`` (a dialog may have been deleted while hidden)."""
    from shiboken6 import Shiboken

    return bool(Shiboken.isValid(widget))
