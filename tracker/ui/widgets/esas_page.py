"""The weekly ESAS-r form, a page of its own: the instruction, the ten items (``EsasItems``),
"Completed by", the date and time, and the acknowledgement of the instrument's source.

Offered on the weekday the person chooses (kept in the journal): on that day the page's tab
says so ("due") until a form is saved, and the page says it at the top. It can be filled
in any day, and from the Go menu. Ctrl+S saves it while the focus is on this page (the window's
own Ctrl+S saves the day's entry everywhere else). An item left blank is stored as "not
answered", never 0. The journal draws no conclusion from the scores.

Under the form, the forms already filled in (``EsasHistory``): one opened from there fills the
form above to be corrected, and "Save the corrections" stores it in its place.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import esas
from tracker.domain.errors import ValidationError
from tracker.domain.wording import time_text
from tracker.ui.common import DateTimeField, MessageLine, from_qdatetime, local_now, to_qdatetime
from tracker.ui.widgets.esas_history import EsasHistory
from tracker.ui.widgets.esas_items import EsasItems
from tracker.ui.widgets.esas_offer import EsasOffer, label_for, left_row, plain
from tracker.ui.widgets.record_page import NOT_OPEN, scrolling

if TYPE_CHECKING:
    from tracker.services.esas import EsasService
    from tracker.services.journal import Changes
    from tracker.services.registry import Services
    from tracker.ui.pages import PageHost

TAB_TITLE = "Weekly form"
DUE_TITLE = "Weekly form (due)"
CHOOSE_WHO = (
    "Choose who completed the form (Patient, Family caregiver or Health care professional "
    "caregiver)."
)
FIELD_WORDS = {key: item.name for key, item in esas.BY_KEY.items()} | {
    "other_name": "Other Problem",
    "completed_at": "Date and time",
}


def refusal(error: ValidationError) -> str:
    """The domain's message in the form's words ("Other Problem: ...")."""
    field = FIELD_WORDS.get(error.field, error.field)
    return f"{field}: {error.problem}" if field else error.problem[:1].upper() + error.problem[1:]


class EsasPage(QWidget):
    changed = Signal(object)  # the Changes a save returned

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("esasPage")
        self._service: EsasService | None = None
        self.offer = EsasOffer()
        self.notice, self.weekday = self.offer.notice, self.offer.weekday
        self.instruction = plain(esas.INSTRUCTION, "esasInstruction")
        self.items = EsasItems()
        self.who: dict[str, QRadioButton] = {}
        self.who_group = QButtonGroup(self)
        for key, words in esas.COMPLETED_BY.items():
            button = QRadioButton(words)
            self.who[key] = button
            self.who_group.addButton(button)
        self.when = DateTimeField("d MMM yyyy  HH:mm (ddd)")
        self.when.setAccessibleName("Date and time")
        self.save_button = QPushButton("Save the form")
        self.save_button.setToolTip("Save this ESAS-r form (Ctrl+S)")
        self.clear_button = QPushButton("Clear the form")
        self.message = MessageLine()
        self.acknowledgement = plain(esas.ACKNOWLEDGEMENT, "esasAcknowledgement")
        self.editing: esas.EsasForm | None = None  # the stored form being corrected
        self.correcting = plain("", "esasCorrecting")
        self.correcting.setProperty("role", "heading")
        self.correcting.hide()
        self.history = EsasHistory()
        self._lay_out()
        self.save_button.clicked.connect(self.save)
        self.clear_button.clicked.connect(self.clear_form)
        self.history.open_requested.connect(self.open_form)
        self.history.deleted.connect(self._on_history_deleted)
        self.weekday.activated.connect(self._on_weekday_chosen)
        self.when.setDateTime(to_qdatetime(local_now()))

    def _lay_out(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        title = plain(f"{esas.NAME}: the revised Edmonton Symptom Assessment System")
        title.setProperty("role", "title")
        column.addWidget(title)
        column.addWidget(self.offer)
        column.addWidget(self.correcting)
        column.addWidget(self.instruction)
        column.addSpacing(8)  # the instruction apart from the first item under it
        column.addWidget(self.items)
        column.addWidget(plain("Completed by", "esasItemName"))
        column.addLayout(left_row(*self.who.values()))
        column.addLayout(left_row(label_for("Date and time", self.when), self.when))
        column.addLayout(left_row(self.save_button, self.clear_button))
        column.addWidget(self.message)
        column.addWidget(self.history)
        column.addWidget(self.acknowledgement)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = scrolling(content)
        outer.addWidget(self.scroller)
        # A scroll area follows the focus on Tab only: Alt+P to the list and a refused save's
        # focus on "Completed by" must bring what has the focus into view too.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.isAncestorOf(new):
            self.scroller.ensureWidgetVisible(new)

    # ---- the window's side (tracker.ui.pages.Page) -------------------------------------------

    def as_widget(self) -> QWidget:
        return self

    def join(self, host: PageHost) -> None:
        self.changed.connect(host.announce)
        self.history.changed.connect(host.announce)

    def set_services(self, services: Services) -> None:
        self._service = services.esas
        self.history.set_service(services.esas)

    def refresh(self) -> None:
        if self._service is None:
            return
        self.history.refresh()
        due = self._service.due_today(local_now().date())
        self.offer.show_offer(due, self._service.weekday())
        tabs = self._tabs()
        if tabs is not None:
            tabs.setTabText(tabs.indexOf(self), DUE_TITLE if due else TAB_TITLE)

    def _tabs(self) -> QTabWidget | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        return parent

    # ---- keyboard ------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # The window's "Save entry" owns Ctrl+S; taking the override here lets the key reach
        # keyPressEvent while the focus is on this page (Qt's ShortcutOverride).
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Save)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Save):
            self.save()
            return
        super().keyPressEvent(event)

    def focus_first_item(self) -> None:
        self.items.rows[esas.ITEMS[0].key].setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- saving --------------------------------------------------------------------------------

    def completed_by(self) -> str | None:
        for key, button in self.who.items():
            if button.isChecked():
                return key
        return None

    def save(self) -> None:
        if self._service is None:
            self.message.show_problem(NOT_OPEN)
            return
        who = self.completed_by()
        if who is None:
            self.message.show_problem(CHOOSE_WHO)
            next(iter(self.who.values())).setFocus()
            return
        try:
            form = esas.form_of(
                from_qdatetime(self.when.dateTime()),
                who,
                self.items.scores(),
                self.items.other_name.text(),
            )
        except ValidationError as error:
            self.message.show_problem(refusal(error))
            return
        from tracker.services.errors import JournalError

        editing = self.editing
        try:
            if editing is None:
                saved = self._service.add(form)
            else:
                saved = self._service.update(replace(form, id=editing.id))
        except JournalError as error:
            self.message.show_problem(str(error))
            return
        self.clear_form()
        when = time_text(form.completed_at)
        corrected = f"The corrections to the form of {when} are saved."
        self.message.show_done(
            corrected if editing else f"The {esas.NAME} form of {when} is saved."
        )
        self.changed.emit(saved.changes)
        if saved.record.id is not None:
            self.history.select(saved.record.id)

    # ---- correcting a past form ----------------------------------------------------------------

    def open_form(self, form: esas.EsasForm) -> None:
        """Fill the form with a stored one to correct it; the focus on its first item."""
        self.editing = form
        for key, score in form.scores().items():
            self.items.rows[key].setValue(score)
        self.items.other_name.setText(form.other_name)
        self.who[form.completed_by].setChecked(True)
        self.when.setDateTime(to_qdatetime(form.completed_at))
        when = time_text(form.completed_at)
        self.correcting.setText(
            f"Correcting the form of {when}: change what needs changing, then "
            "“Save the corrections”."
        )
        self.correcting.show()
        self.save_button.setText("Save the corrections")
        self.save_button.setToolTip("Save the corrections to this form (Ctrl+S)")
        self.clear_button.setText("Stop correcting")
        self.message.clear_message()
        self.scroller.ensureWidgetVisible(self.correcting)
        self.focus_first_item()

    def _stop_correcting(self) -> None:
        self.editing = None
        self.correcting.clear()
        self.correcting.hide()
        self.save_button.setText("Save the form")
        self.save_button.setToolTip("Save this ESAS-r form (Ctrl+S)")
        self.clear_button.setText("Clear the form")

    def _on_history_deleted(self, form_id: str) -> None:
        if self.editing is not None and self.editing.id == form_id:
            self.clear_form()  # the form being corrected is gone: a new one instead

    def clear_form(self) -> None:
        self._stop_correcting()
        self.items.clear()
        self.who_group.setExclusive(False)
        for button in self.who.values():
            button.setChecked(False)
        self.who_group.setExclusive(True)
        self.when.setDateTime(to_qdatetime(local_now()))
        self.message.clear_message()
        self.refresh()

    def _on_weekday_chosen(self, index: int) -> None:
        if self._service is None:
            return
        changes: Changes = self._service.set_weekday(index + 1)
        self.refresh()
        self.changed.emit(changes)
