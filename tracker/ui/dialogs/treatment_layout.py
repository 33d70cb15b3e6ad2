"""The treatment dialog's widgets and their places: the details on the left (the kind, the
dates, the site, the radiotherapy details and a note), the Sessions box on the right (the table
and the fields that add one session or make one per fraction), the Tab order, and a size that
fits the screen. ``treatment_dialog.TreatmentDialog`` inherits it and gives the widgets what they
do.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import vocab
from tracker.domain.model import SITE_MAX
from tracker.ui.common import DateTimeField, MessageLine, buddy_label, leave_room_for_focus
from tracker.ui.dialogs.treatment_fields import (
    NOT_RECORDED,
    DoseSpinBox,
    SessionTable,
    date_edit,
    optional_count,
)
from tracker.ui.models.session_table_model import SessionTableModel

FIELD_WIDTH = 260


class TreatmentLayout(QDialog):
    """The dialog's widgets, made and put in their places; what they do is in
    ``TreatmentDialog``."""

    def _build_inputs(self) -> None:
        self.message = MessageLine()
        self.kind = QComboBox()
        for code in vocab.TREATMENT_KINDS:
            self.kind.addItem(vocab.TREATMENT_WORDS[code], code)
        self.started_on = date_edit()
        self.ended_on = date_edit()
        self.no_end = QCheckBox("No end date (still going, or one da&y only)")
        self.no_end.setAccessibleName("No end date")
        self.site = QLineEdit()
        self.site.setMaxLength(SITE_MAX)
        self.site.setPlaceholderText("e.g. T10 or T9-T11")
        self.technique = QComboBox()
        self.technique.addItem(NOT_RECORDED, None)
        for code in vocab.TECHNIQUES:
            self.technique.addItem(vocab.TECHNIQUE_WORDS[code], code)
        self.dose = DoseSpinBox()
        self.fractions = optional_count()
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(120)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button.setDefault(True)

    def _build_sessions(self) -> None:
        self.session_model = SessionTableModel()
        self.session_table = SessionTable(self.session_model)
        self.session_table.setMinimumHeight(170)
        self.session_summary = QLabel()
        self.session_hint = QLabel(
            "Space marks the chosen session done or planned; typing writes its note."
        )
        self.session_hint.setWordWrap(True)
        self.remove_session_button = QPushButton("&Remove chosen session")
        self.session_at = DateTimeField("d MMM yyyy  HH:mm (ddd)")
        self.add_session_button = QPushButton("&Add session")
        self.generate_time = DateTimeField("HH:mm", calendar=False)
        self.generate_button = QPushButton("&Generate sessions")
        self.session_status = QLabel()
        self.session_status.setWordWrap(True)
        self.session_status.setAccessibleName("Sessions message")
        self.session_status.hide()
        for button in (self.remove_session_button, self.add_session_button, self.generate_button):
            # Enter in any field means OK, not "add another session".
            button.setAutoDefault(False)

    def _lay_out(self) -> None:
        sessions = QGroupBox("Sessions")
        sessions.setLayout(self._sessions_layout())
        middle = QHBoxLayout()
        middle.addLayout(self._details_layout(), 4)
        middle.addSpacing(12)
        middle.addWidget(sessions, 6)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(middle, 1)
        layout.addWidget(self.buttons)
        order: list[QWidget] = [
            self.kind,
            self.started_on,
            self.ended_on,
            self.no_end,
            self.site,
            self.technique,
            self.dose,
            self.fractions,
            self.note,
            self.session_table,
            self.remove_session_button,
            self.session_at,
            self.add_session_button,
            self.generate_time,
            self.generate_button,
            self.ok_button,
            self.cancel_button,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        self.tab_order = order
        self._fit_screen()

    def _details_layout(self) -> QGridLayout:
        details = QGridLayout()
        details.setColumnStretch(2, 1)
        rows: list[tuple[str, QWidget, str | None]] = [
            ("&Treatment:", self.kind, None),
            ("&Started on:", self.started_on, None),
            ("&Ended on:", self.ended_on, None),
            ("", self.no_end, None),  # under its date: Tab order and reading order agree
            ("S&ite (spinal levels):", self.site, "Site, spinal levels"),
            ("Tec&hnique (radiotherapy only):", self.technique, "Technique"),
            ("Total &dose:", self.dose, "Total dose in gray"),
            ("&Fractions:", self.fractions, "Number of fractions"),
        ]
        for row, (text, field, name) in enumerate(rows):
            if not text:
                details.addWidget(field, row, 1, 1, 2)
                continue
            label = buddy_label(text, field, name)
            label.setWordWrap(False)
            field.setMinimumWidth(FIELD_WIDTH)
            details.addWidget(label, row, 0)
            details.addWidget(field, row, 1)
        note_row = len(rows)
        details.addWidget(buddy_label("&Note:", self.note), note_row, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.note, note_row, 1, 1, 2)
        details.setRowStretch(note_row, 1)
        return details

    def _sessions_layout(self) -> QVBoxLayout:
        column = QVBoxLayout()
        heading = QHBoxLayout()
        heading.addWidget(buddy_label("&Planned and done:", self.session_table, "Sessions"))
        heading.addWidget(self.session_summary, 1)
        column.addLayout(heading)
        column.addWidget(self.session_table, 1)
        column.addWidget(self.session_hint)
        column.addWidget(self.remove_session_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(buddy_label("Add one session on this &day and time:", self.session_at))
        add_row = QHBoxLayout()
        add_row.addWidget(self.session_at)
        add_row.addWidget(self.add_session_button)
        add_row.addStretch(1)
        column.addLayout(add_row)
        column.addWidget(
            buddy_label(
                "Or make one session per fraction, Monday to Friday, from the start date, "
                "at this ti&me:",
                self.generate_time,
                "Time of generated sessions",
            )
        )
        generate_row = QHBoxLayout()
        generate_row.addWidget(self.generate_time)
        generate_row.addWidget(self.generate_button)
        generate_row.addStretch(1)
        column.addLayout(generate_row)
        column.addWidget(self.session_status)
        return column

    def _fit_screen(self) -> None:
        """Roomy, but never taller or wider than the screen (1280x720 must work)."""
        # The style sheet gives QSpinBox big targets but names no QDoubleSpinBox: match them.
        self.ensurePolished()
        self.dose.setMinimumHeight(self.fractions.sizeHint().height())
        leave_room_for_focus(
            self.remove_session_button,
            self.add_session_button,
            self.generate_button,
            self.ok_button,
            self.cancel_button,
        )
        wanted = self.sizeHint().expandedTo(QSize(1120, 660))
        screen = self.screen().availableGeometry()
        margin = 60  # the window manager's title bar and frame
        self.resize(
            min(wanted.width(), screen.width() - margin),
            min(wanted.height(), screen.height() - margin),
        )
