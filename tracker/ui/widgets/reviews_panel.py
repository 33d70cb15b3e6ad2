"""Care-team reviews, recorded as a sentence: "My team has assessed [symptom] at [level] on
[date]". A review sets the level a red flag compares against (red-flags.md, "Baseline"), so a
known, stable symptom stops alarming while any worsening still does.

Writes go through the ReviewService only; the panel holds frozen Review records.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLineEdit, QPushButton, QWidget

from tracker.domain import vocab
from tracker.domain.errors import ValidationError
from tracker.domain.model import NOTE_MAX, Review
from tracker.ui.common import DateTimeField, buddy_label, from_qdate, to_qdate
from tracker.ui.models.review_table_model import (
    DATE,
    NOTE,
    SORT_ROLE,
    ReviewTableModel,
    level_text,
    level_words,
)
from tracker.ui.models.treatment_table_model import day_text
from tracker.ui.widgets.form_page import FormPage, across, list_table, sorted_proxy, stack, wrapping

if TYPE_CHECKING:
    from tracker.services.records import ReviewService
    from tracker.services.registry import Services

CHOOSE_FIRST = "Choose a review in the list first."
PREFILLED = "Filled in from the alert. Check the sentence, then press “Add review”."
INTRO = (
    "When your care team has examined a symptom and knows about it, write it down here. "
    "The journal then warns you again only if that symptom gets worse than they found it."
)


def describe(review: Review) -> str:
    """ "weakness in the left leg at slight on Mon 23 Nov 2026" """
    symptom = vocab.SYMPTOM_WORDS[review.symptom]
    level = level_text(review.symptom, review.level)
    return f"{symptom} at “{level}” on {day_text(review.reviewed_on)}"


class ReviewsPanel(FormPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service: ReviewService | None = None
        self._build_sentence()
        self._build_table()
        self._lay_out()
        self._connect()
        self.reviewed_on.setDate(to_qdate(date.today()))
        self._fill_levels()
        self.set_level(1)
        self._show_count()

    # ---- building ----------------------------------------------------------------------------

    def _build_sentence(self) -> None:
        self.intro = wrapping(INTRO)
        self.symptom = QComboBox()
        for key in vocab.REVIEWABLE_KEYS:
            words = vocab.SYMPTOM_WORDS[key]
            self.symptom.addItem(words[:1].upper() + words[1:], key)
        self.level = QComboBox()
        self.reviewed_on = DateTimeField("d MMM yyyy (ddd)")
        self.note = QLineEdit()
        self.note.setMaxLength(NOTE_MAX)
        self.note.setPlaceholderText("e.g. who saw you, what they said or planned")
        self.add_button = QPushButton("A&dd review")
        self.add_button.setObjectName("primary")

    def _build_table(self) -> None:
        self.model = ReviewTableModel()
        self.proxy = sorted_proxy(self, self.model, SORT_ROLE)
        self.table = list_table(
            self.proxy, sort=(DATE, Qt.SortOrder.DescendingOrder), stretch=(NOTE,), wrap=False
        )
        self.count_label = wrapping()
        self.delete_button = QPushButton("De&lete chosen review…")
        self.delete_button.setAccessibleName("Delete the chosen review")

    def _lay_out(self) -> None:
        sentence = QGridLayout()
        sentence.setColumnStretch(1, 1)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        rows: list[tuple[str, QWidget, str]] = [
            ("&My team has assessed", self.symptom, "Symptom my team has assessed"),
            ("at", self.level, "Level they assessed it at"),
            ("on", self.reviewed_on, "Day of the assessment"),
            ("&Note (optional):", self.note, "Note"),
        ]
        for row, (text, field, name) in enumerate(rows):
            label = buddy_label(text, field, name)
            label.setWordWrap(False)
            sentence.addWidget(label, row, 0, right)
            sentence.addWidget(field, row, 1)
        sentence.addWidget(self.add_button, len(rows), 1, Qt.AlignmentFlag.AlignLeft)
        form = stack(QGroupBox("Record a review by your care team"), self.intro, sentence, None)
        listing = stack(
            QGroupBox(),
            buddy_label("Reviews already rec&orded:", self.table, "Reviews"),
            (self.table, 1),
            across((self.count_label, 1), self.delete_button),
        )
        self.two_columns(form, listing)
        fields = [field for _text, field, _name in rows]
        order = [*fields, self.add_button, self.table, self.delete_button]
        self.finish(order, self.add_button, self.delete_button)

    def _connect(self) -> None:
        self.symptom.currentIndexChanged.connect(lambda _index: self._fill_levels())
        self.note.returnPressed.connect(self.add_review)
        self.add_button.clicked.connect(self.add_review)
        self.delete_with(self.delete_button, self.delete_selected)
        self.model.modelReset.connect(self._show_count)

    # ---- the main window's interface ---------------------------------------------------------

    def set_services(self, services: Services) -> None:
        self._service = services.reviews

    def refresh(self) -> None:
        if self._service is None:
            return
        self.model.set_reviews(self._service.list())

    def prefill(self, symptom_key: str, level: int) -> None:
        """ "My team has assessed this", from an alert: the sentence filled in for today,
        and the focus on "Add review", so that one press records it."""
        index = self.symptom.findData(symptom_key)
        if index < 0:
            return
        self.symptom.setCurrentIndex(index)
        self.set_level(level)
        self.reviewed_on.setDate(to_qdate(date.today()))
        self.message.show_important(PREFILLED)
        # On a hidden tab too: the focus lands on the button when the window shows the tab.
        self.add_button.setFocus()

    # ---- the sentence ------------------------------------------------------------------------

    def symptom_key(self) -> str:
        return str(self.symptom.currentData())

    def _fill_levels(self) -> None:
        """The chosen symptom's own levels; the level chosen before stays where it still fits."""
        before = self.level.currentData()
        self.level.clear()
        for number, words in enumerate(level_words(self.symptom_key())):
            self.level.addItem(f"{number} – {words}", number)
        self.set_level(before if isinstance(before, int) else 1)

    def set_level(self, level: int) -> None:
        top = self.level.count() - 1
        self.level.setCurrentIndex(max(0, min(level, top)))

    def add_review(self) -> None:
        service = self.opened(self._service)
        if service is None:
            return
        try:
            review = Review(
                reviewed_on=from_qdate(self.reviewed_on.date()),
                symptom=self.symptom_key(),
                level=int(self.level.currentData()),
                note=self.note.text().strip(),
            )
        except ValidationError as error:
            self.message.show_problem(f"{error.field.replace('_', ' ')}: {error.problem}.")
            return
        written = self.write(lambda: service.add(review))
        if written is None:
            return
        saved = written.record
        self.note.clear()
        self.refresh()
        if saved.id is not None:
            self.select_review(saved.id)
        self.written(written.changes, f"Review of {describe(saved)} added.")

    # ---- the list ----------------------------------------------------------------------------

    def select_review(self, review_id: str) -> None:
        self.select_id(self.model, review_id)

    def selected_review(self) -> Review | None:
        chosen = self.chosen_row()
        return None if chosen is None else self.model.review_at(chosen)

    def delete_selected(self) -> None:
        self.delete_chosen(
            self._service,
            self.selected_review(),
            CHOOSE_FIRST,
            lambda review: (
                "Delete review",
                f"Delete the review of {describe(review)}? Without it, the journal may warn you "
                "about this symptom again. This cannot be undone.",
                f"The review of {describe(review)} was deleted.",
            ),
        )

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.count_label.setText("No reviews recorded yet.")
        else:
            self.count_label.setText(f"{count} review{'' if count == 1 else 's'}")
