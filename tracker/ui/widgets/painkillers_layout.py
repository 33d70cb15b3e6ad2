"""The painkillers page's look: on the left your recent medicines as buttons, the form for a
medicine not listed (its name, dose and "as needed"), what will be recorded, "Took a dose now" and
the earlier time with its button; on the right the chosen day's doses, the buttons that move the
day, the count and "Delete chosen dose…"; and the Tab order through them.
``painkillers_panel.PainkillersPanel`` inherits this and gives the controls their work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from tracker.domain.model import SHORT_TEXT_MAX
from tracker.ui.common import DateTimeField, buddy_label
from tracker.ui.models.dose_table_model import SORT_ROLE, TIME, DoseTableModel
from tracker.ui.widgets.form_page import FormPage, across, list_table, sorted_proxy, stack, wrapping
from tracker.ui.widgets.recent_choices import RECENT_HEIGHT, RecentChoices


class PainkillersLayout(FormPage):
    """Where the painkillers page's controls go. ``PainkillersPanel`` makes them with
    ``_build_form`` and ``_build_day_list``, then lays them out with ``_lay_out``."""

    def _build_form(self) -> None:
        self.recent = RecentChoices()
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setMinimumWidth(280)
        name_edit = self.name.lineEdit()
        assert name_edit is not None  # an editable combo box always has one
        name_edit.setMaxLength(SHORT_TEXT_MAX)
        name_edit.setPlaceholderText("e.g. Oxycodone liquid")
        self.dose = QLineEdit()
        self.dose.setMaxLength(SHORT_TEXT_MAX)
        self.dose.setPlaceholderText("e.g. 5 mg or 10 ml")
        self.as_needed = QCheckBox("As neede&d for pain (not a regular dose at set times)")
        self.as_needed.setAccessibleName("As needed")
        self.ready = wrapping()
        self.ready.setTextFormat(Qt.TextFormat.RichText)
        self.ready.setAccessibleName("What will be recorded")
        self.took_now_button = QPushButton("Took a dose &now")
        self.took_now_button.setObjectName("primary")
        self.took_now_button.setMinimumHeight(RECENT_HEIGHT)
        self.taken_at = DateTimeField("d MMM yyyy  HH:mm")
        self.save_at_button = QPushButton("Save with this t&ime")

    def _build_day_list(self) -> None:
        self.model = DoseTableModel()
        self.proxy = sorted_proxy(self, self.model, SORT_ROLE)
        self.table = list_table(
            self.proxy, sort=(TIME, Qt.SortOrder.AscendingOrder), stretch_last=True
        )
        self.day = DateTimeField("d MMM yyyy (ddd)")
        self.day_before_button = QPushButton("◀ Day &before")
        self.day_before_button.setAccessibleName("Day before")
        self.day_after_button = QPushButton("Day a&fter ▶")
        self.day_after_button.setAccessibleName("Day after")
        self.today_button = QPushButton("&Go to today")
        self.count_label = wrapping()
        self.delete_button = QPushButton("De&lete chosen dose…")
        self.delete_button.setAccessibleName("Delete the chosen dose")

    def _lay_out(self) -> None:
        form = QGridLayout()
        form.setColumnStretch(1, 1)
        form.addWidget(buddy_label("&Medicine:", self.name), 0, 0)
        form.addWidget(self.name, 0, 1)
        form.addWidget(buddy_label("D&ose:", self.dose), 1, 0)
        form.addWidget(self.dose, 1, 1)
        form.addWidget(self.as_needed, 2, 1)
        new_box = QGroupBox("A medicine not listed above, or a different dose")
        new_box.setLayout(form)
        left = stack(
            QWidget(),
            self.recent,
            new_box,
            self.ready,
            self.took_now_button,
            buddy_label("Or, if you took it earlier, &when:", self.taken_at),
            across((self.taken_at, 1), self.save_at_button),
            None,
            bare=True,
        )
        day_label = buddy_label("Doses on this da&y:", self.day, "Day")
        day_label.setWordWrap(False)
        moves = (self.day_before_button, self.day_after_button, self.today_button)
        right = stack(
            QGroupBox("Doses recorded"),
            across(day_label, self.day, None),
            across(*moves, None),
            (self.table, 1),
            across((self.count_label, 1), self.delete_button),
        )
        self.table.setAccessibleName("Doses on the chosen day")
        self.form_scroll = self.two_columns(left, right)
        order: list[QWidget] = [
            *self.recent.buttons,
            self.name,
            self.dose,
            self.as_needed,
            self.took_now_button,
            self.taken_at,
            self.save_at_button,
            self.day,
            *moves,
            self.table,
            self.delete_button,
        ]
        self.finish(order, self.took_now_button, self.save_at_button, *moves, self.delete_button)
