"""The lock of an encrypted journal (issue 18): locking closes the journal and drops its key;
unlocking asks for the passphrase with the dialog the start uses.

``PassphrasePrompt`` is that dialog (``UnlockDialog``) with the passphrase tried off the
window's thread: the key's derivation (Argon2id) takes a good part of a second, and the window
keeps painting meanwhile. The start asks with it too.

While locked, the window's timers wait: a timer that ran on would reach the journal, whose
engine is disposed and which opens no connection without its key (the emergency alert's
"remind me" and the reminders' clock, above all). Each active timer under the window is
stopped when the window locks and started again when it unlocks, for what was left of its
wait (at once when that has passed: a reminder that came due while locked then shows).
"""

from __future__ import annotations

import threading
import time
from functools import partial
from typing import Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from tracker.ui.dialogs.passphrase_dialog import Attempt, UnlockDialog
from tracker.ui.lock import Answered

CHECKING = "Checking the passphrase…"


class PassphrasePrompt(UnlockDialog):
    """``UnlockDialog`` whose ``attempt`` runs in a thread of its own (it must be safe there);
    the dialog waits for it, its fields and Cancel unusable, then shows what came of it."""

    tried = Signal(object)  # the sentence that refused it, or None

    def __init__(self, attempt: Attempt, parent: QWidget | None = None) -> None:
        super().__init__(attempt, parent)
        self._try_in_thread = attempt
        self.checking = False
        self.tried.connect(self._on_tried)

    def _on_open(self) -> None:
        if self.checking:
            return
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        self._set_checking(True)
        self.message.setText(CHECKING)
        self.message.show()
        attempt = self._try_in_thread

        def work() -> None:
            try:
                refused = attempt(passphrase)
            except Exception as error:  # the salt file unreadable, say: never left "checking"
                refused = f"The passphrase could not be checked ({type(error).__name__})."
            self.tried.emit(refused)

        threading.Thread(target=work, name="spine-journal-passphrase", daemon=True).start()

    def _on_tried(self, refused: str | None) -> None:
        self._set_checking(False)
        if refused is None:
            self.message.clear_message()
            self.accept()
            return
        self.refuse(refused)

    def _set_checking(self, checking: bool) -> None:
        self.checking = checking
        for control in (self.passphrase, *self.findChildren(QPushButton)):
            control.setEnabled(not checking)

    def reject(self) -> None:
        if not self.checking:  # the try ends first: its answer has a dialog to come back to
            super().reject()


class JournalLocking(Protocol):
    """What the lock asks of the composition root (``tracker.passphrase_keeping``)."""

    @property
    def key_held(self) -> bool: ...
    def lock_journal(self) -> None: ...
    def try_passphrase(self, passphrase: str) -> str | None: ...
    def reopen_journal(self) -> None: ...


class PassphraseUnlocker:
    """The lock's ``Unlocker`` for a journal with a passphrase."""

    protected = True

    def __init__(self, keeper: JournalLocking, window: QWidget) -> None:
        self._keeper = keeper
        self._window = window
        self._asks = True
        # each timer stopped by the lock: when it was to fire, and its own interval
        self._paused: list[tuple[QTimer, float, int]] = []
        self.prompt: PassphrasePrompt | None = None

    def lock(self) -> None:
        # a journal whose passphrase was never typed (the start still asks) has nothing to
        # close; unlocking brings back the start's own question
        self._asks = self._keeper.key_held
        self._keeper.lock_journal()  # may end the start, which starts timers
        self._pause_timers()

    def unlock(self, parent: QWidget, answered: Answered) -> None:
        if not self._asks:
            self._resume_timers()
            answered(True)
            return
        prompt = PassphrasePrompt(self._keeper.try_passphrase, parent)
        self.prompt = prompt

        def opened() -> None:
            self._keeper.reopen_journal()
            self._resume_timers()
            answered(True)

        prompt.accepted.connect(opened)
        prompt.rejected.connect(lambda: answered(False))
        prompt.finished.connect(prompt.deleteLater)
        prompt.open()

    def _pause_timers(self) -> None:
        now = time.monotonic()
        for timer in self._window.findChildren(QTimer):
            if timer.isActive():
                due = now + timer.remainingTime() / 1000
                self._paused.append((timer, due, timer.interval()))
                timer.stop()

    def _resume_timers(self) -> None:
        now = time.monotonic()
        paused, self._paused = self._paused, []
        for timer, due, interval in paused:
            if timer.isActive():  # started again meanwhile: it keeps its new wait
                continue
            timer.start(max(0, round((due - now) * 1000)))
            timer.timeout.connect(
                partial(_own_interval, timer, interval), Qt.ConnectionType.SingleShotConnection
            )


def _own_interval(timer: QTimer, interval: int) -> None:
    """A resumed timer, once fired, has its own interval again for its next ``start()``
    (unless what it fired started it again with a wait of its own)."""
    if not timer.isActive():
        timer.setInterval(interval)
