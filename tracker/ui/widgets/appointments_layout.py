"""The appointments page's look: on the left the form of one appointment (which one it shows,
the day and time, with whom, the questions to ask and the notes, in boxes that ask for no more
than their least height) with its buttons; on the right the list of appointments and their
count; and the Tab order through them. ``appointments_panel.AppointmentsPanel`` inherits this
and gives the controls their work.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from tracker.domain.model import SHORT_TEXT_MAX
from tracker.ui.common import DateTimeField, buddy_label
from tracker.ui.models.appointment_table_model import (
    QUESTIONS,
    SORT_ROLE,
    WHEN,
    AppointmentTableModel,
)
from tracker.ui.widgets.form_page import FormPage, across, list_table, sorted_proxy, stack, wrapping


class TextBox(QPlainTextEdit):
    """Several lines of text that Tab leaves, as every other field. It asks for no more than
    its minimum height (Qt's default asks for 192 pixels), so that on a short screen the
    buttons under it stay in view; it still grows into any room left over."""

    def __init__(self, placeholder: str, height: int) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.setMinimumHeight(height)

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class AppointmentsLayout(FormPage):
    """Where the appointments page's controls go. ``AppointmentsPanel`` makes them with
    ``_build_form`` and ``_build_table``, then lays them out with ``_lay_out``."""

    def _build_form(self) -> None:
        self.status = wrapping()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName("Which appointment the form shows")
        self.when = DateTimeField("d MMM yyyy  HH:mm (ddd)")
        self.with_whom = QLineEdit()
        self.with_whom.setMaxLength(SHORT_TEXT_MAX)
        self.with_whom.setPlaceholderText("e.g. Dr Patel, oncology clinic")
        self.questions = TextBox("One question a line, so that none is forgotten", 120)
        self.notes = TextBox("What was said, what happens next", 80)
        self.add_button = QPushButton("A&dd appointment")
        self.save_button = QPushButton("Save &changes")
        self.save_button.setAccessibleName("Save changes to the chosen appointment")
        self.delete_button = QPushButton("De&lete…")
        self.delete_button.setAccessibleName("Delete the chosen appointment")
        self.clear_button = QPushButton("Clear the &form")

    def _build_table(self) -> None:
        self.model = AppointmentTableModel()
        self.proxy = sorted_proxy(self, self.model, SORT_ROLE)
        self.table = list_table(
            self.proxy,
            sort=(WHEN, Qt.SortOrder.AscendingOrder),
            stretch=(QUESTIONS,),
            stretch_last=True,
            wrap=False,
        )
        self.count_label = wrapping()

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget, str | None]] = [
            ("Da&y and time:", self.when, "Day and time"),
            ("With &whom:", self.with_whom, "With whom"),
            ("&Questions to ask:", self.questions, None),
            ("N&otes:", self.notes, None),
        ]
        for row, (text, field, name) in enumerate(rows):
            label = buddy_label(text, field, name)
            boxed = isinstance(field, QPlainTextEdit)
            place = Qt.AlignmentFlag.AlignTop if boxed else Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(label, row, 0, place)
            grid.addWidget(field, row, 1)
        grid.setRowStretch(2, 2)
        grid.setRowStretch(3, 1)
        form = stack(
            QGroupBox("An appointment"),
            self.status,
            (grid, 1),
            across(self.add_button, self.save_button, None),
            across(self.clear_button, self.delete_button, None),
        )
        list_label = buddy_label(
            "&Upcoming first, then past ones (choose one to change it):", self.table, "Appointments"
        )
        self.two_columns(form, stack(QGroupBox(), list_label, (self.table, 1), self.count_label))
        buttons = [self.add_button, self.save_button, self.clear_button, self.delete_button]
        fields: list[QWidget] = [self.when, self.with_whom, self.questions, self.notes]
        self.finish([*fields, *buttons, self.table], *buttons)
