"""Today's entry, a calm check-in on one page: the nerve questions, pain now, worst in 24 hours,
where (the spine picture and the pain's features), the rest, painkiller, note, Save.

By keyboard alone: Ctrl+N puts the focus on the pain score (a digit sets it), Alt+F answers
"None of these", Ctrl+S saves. Nothing starts answered: the pain score starts blank and must be
given, and the nerve questions start "not asked". Values are gathered into a domain Entry; the
domain refuses bad values with a message that names the field, which the form shows in plain
words.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import fields
from tracker.domain.errors import ValidationError
from tracker.domain.model import Entry, entry_from_values
from tracker.ui.common import (
    DateTimeField,
    MessageLine,
    buddy_label,
    from_qdatetime,
    local_now,
    to_qdatetime,
)
from tracker.ui.widgets.nerve_questions import SIGN_WORDS, NerveQuestions
from tracker.ui.widgets.score_row import PAIN_ANCHORS, ScoreRow
from tracker.ui.widgets.spine_picture import SpineRegions
from tracker.ui.widgets.toggle_chip import ToggleChip

NOT_RECORDED = -1
Control = ScoreRow | QSpinBox | QComboBox | QAbstractButton | QPlainTextEdit | dict[str, ToggleChip]
REGION_LABELS = {
    "cervical": "Ne&ck (cervical)",
    "thoracic": "&Upper or middle back (thoracic)",
    "lumbar": "&Lower back (lumbar)",
    "sacral": "Tail&bone (sacral)",
}
RADIATING_LABELS = {
    "band": "Around the chest or tummy, like a band",
    "left_arm": "Down the left arm",
    "right_arm": "Down the right arm",
    "left_leg": "Down the left leg",
    "right_leg": "Down the right leg",
}
FIELD_WORDS = {
    "score": "Pain right now",
    "worst_24h": "Worst pain in the last 24 hours",
    "fatigue": "Tiredness",
    "note": "Note",
    "recorded_at": "When",
    **{sign: words.partition(":")[0] for sign, words in SIGN_WORDS.items()},
}
PAGE_WIDTH = 1000
WORST_ANCHORS = ((0, "0 no pain"), (10, "10 worst imaginable"))


def _optional_spin(maximum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(NOT_RECORDED, maximum)
    spin.setSpecialValueText("not recorded")
    spin.setValue(NOT_RECORDED)
    spin.setMinimumWidth(150)
    return spin


class EntryForm(QWidget):
    """Emits ``save_requested`` with a valid Entry; the window saves it through the service
    and then calls ``saved()`` or ``save_failed(sentence)``."""

    save_requested = Signal(object)
    same_as_last_requested = Signal()
    painkiller_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editing: Entry | None = None
        self._order: list[QWidget] = []
        self.message = MessageLine()
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.when = DateTimeField("d MMM yyyy  HH:mm")
        self.nerves = NerveQuestions()
        self.pain_score = ScoreRow("Pain now", PAIN_ANCHORS)
        self.pain_score.setObjectName("painScore")
        self.worst = ScoreRow("Worst pain in the last 24 hours", WORST_ANCHORS)
        self.where = SpineRegions(REGION_LABELS)
        self.regions = self.where.regions
        self.night = ToggleChip("Pain at night that stops me sleeping")
        self.straining = ToggleChip("Worse when I cough, sneeze or strain on the toilet")
        self.tender = ToggleChip("A spot on my spine is tender to touch")
        self.radiating = {
            key: ToggleChip(text, f"Pain shooting {text.lower()}")
            for key, text in RADIATING_LABELS.items()
        }
        self.weakness = self.nerves.weakness
        self.numbness = self.nerves.numbness
        self.walking = self.nerves.walking
        self.bladder = self.nerves.bladder
        self.bowel = self.nerves.bowel
        self.sexual = ToggleChip("New change in erection, ejaculation or genital feeling")
        self.fatigue = _optional_spin(10)
        self.note = QPlainTextEdit()
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Anything else you want to remember or tell your team")
        self.note.setMinimumHeight(70)
        # Each field of the entry's table (tracker.domain.fields) and the control that holds it.
        self.controls: dict[str, Control] = {
            "pain.score": self.pain_score,
            "pain.worst_24h": self.worst,
            "pain.regions": self.regions,
            "pain.night": self.night,
            "pain.straining": self.straining,
            "pain.tender": self.tender,
            "pain.radiating": self.radiating,
            **{f"weakness.{key}": combo for key, combo in self.weakness.items()},
            **{f"numbness.{key}": combo for key, combo in self.numbness.items()},
            "walking": self.walking,
            "bladder": self.bladder,
            "bowel": self.bowel,
            "sexual_change": self.sexual,
            "fatigue": self.fatigue,
            "note": self.note,
        }

        self.painkiller_button = QPushButton("Painkiller ta&ken...")
        self.painkiller_button.setToolTip("Record a painkiller dose on the Painkillers page")
        self.painkiller_button.clicked.connect(self.painkiller_requested)
        self.save_button = QPushButton("&Save entry")
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip("Save this entry (Ctrl+S)")
        self.same_button = QPushButton("Sa&me as last entry")
        self.same_button.setToolTip("Copy the pain and places of the last entry (not the answers)")
        self.clear_button = QPushButton("Start &again")
        self.cancel_edit_button = QPushButton("Stop editing")
        self.save_button.clicked.connect(self.request_save)
        self.same_button.clicked.connect(self.same_as_last_requested)
        self.clear_button.clicked.connect(self.new_entry)
        self.cancel_edit_button.clicked.connect(self.new_entry)

        self._build_layout()
        self._set_accessible_names()
        self._chain_tab_order()
        self.new_entry()

    # ---- layout ------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        # Made from the outside in: each widget is then put in its place once. With the style
        # sheet, every move of a widget into another styles it, and all inside it, again.
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        outer.addLayout(top)
        top.addWidget(self.heading, 1)
        top.addWidget(buddy_label("&When:", self.when))
        top.addWidget(self.when)
        outer.addWidget(self.message)
        self.page_scroll = QScrollArea()
        self.page_scroll.setObjectName("checkInScroll")
        self.page_scroll.setWidgetResizable(True)
        self.page_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.page_scroll, 1)
        inner = QWidget()
        self.page_scroll.setWidget(inner)
        centred = QHBoxLayout(inner)
        column = QWidget()
        column.setObjectName("checkIn")
        column.setMaximumWidth(PAGE_WIDTH)  # lines a reader's eye can follow, on any screen
        centred.addWidget(column)
        page = QVBoxLayout(column)
        page.setSpacing(14)
        self._order.append(self.when)
        self._section("Nerves, bladder and bowel", page).addWidget(self.nerves)
        self._order.extend(self.nerves.tab_chain())
        self._scores(page)
        self._where(page)
        self._rest(page)
        page.addStretch(1)
        buttons = QHBoxLayout()
        outer.addLayout(buttons)
        for button in (self.save_button, self.same_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addWidget(self.cancel_edit_button)
        buttons.addStretch(1)
        QApplication.instance().focusChanged.connect(self._keep_in_view)  # type: ignore[union-attr]

    @staticmethod
    def _section(title: str, page: QVBoxLayout) -> QVBoxLayout:
        box = QGroupBox(title)
        box.setObjectName("checkInSection")
        page.addWidget(box)
        layout = QVBoxLayout(box)
        layout.setSpacing(10)
        return layout

    def _scores(self, page: QVBoxLayout) -> None:
        layout = self._section("Pain", page)
        for text, row in (
            ("&Pain right now:", self.pain_score),
            ("Worst in the last 24 hou&rs:", self.worst),
        ):
            label = QLabel(text)
            label.setBuddy(row)
            layout.addWidget(label)
            layout.addWidget(row)
            self._order.append(row)

    def _where(self, page: QVBoxLayout) -> None:
        layout = self._section("Where it hurts, and what it is like", page)
        columns = QHBoxLayout()
        layout.addLayout(columns)
        columns.addWidget(self.where, 2)
        self._order.extend(self.regions.values())
        chips = QVBoxLayout()
        columns.addLayout(chips, 3)
        for chip in (self.night, self.straining, self.tender):
            chips.addWidget(chip)
            self._order.append(chip)
        chips.addWidget(QLabel("Pain shooting:"))
        grid = QGridLayout()
        chips.addLayout(grid)
        for index, chip in enumerate(self.radiating.values()):
            grid.addWidget(chip, index // 2, index % 2)
            self._order.append(chip)
        chips.addStretch(1)

    def _rest(self, page: QVBoxLayout) -> None:
        layout = self._section("The rest", page)
        layout.addWidget(self.sexual, 0, Qt.AlignmentFlag.AlignLeft)
        self._order.append(self.sexual)
        grid = QGridLayout()
        layout.addLayout(grid)
        grid.addWidget(buddy_label("&Tiredness:", self.fatigue), 0, 0)
        grid.addWidget(self.fatigue, 0, 1)
        grid.addWidget(QLabel("0 not tired · 10 exhausted"), 0, 2)
        grid.addWidget(self.painkiller_button, 1, 1)
        grid.addWidget(buddy_label("N&ote:", self.note), 2, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.note, 2, 1, 1, 2)
        grid.setColumnStretch(2, 1)
        self._order.extend([self.fatigue, self.painkiller_button, self.note])

    def _keep_in_view(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Whatever takes the focus inside the page is scrolled whole into view, however it got
        it (Qt's own scrolling shows only a text box's cursor line)."""
        page = self.page_scroll.widget()
        if new is not None and page is not None and page.isAncestorOf(new):
            self._show_whole(new)

    def _show_whole(self, widget: QWidget) -> None:
        page = self.page_scroll.widget()
        if page is None:
            return
        # a detail just opened, or a style just changed a size, waits to be laid out: lay it
        # out now, so that the place scrolled to is where the widget will be
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        centre = widget.mapTo(page, widget.rect().center())
        self.page_scroll.ensureVisible(
            centre.x(), centre.y(), widget.width() // 2 + 16, widget.height() // 2 + 16
        )

    def _set_accessible_names(self) -> None:
        for button in (self.save_button, self.same_button, self.clear_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.painkiller_button.setAccessibleName("Painkiller taken: record a dose")
        self.cancel_edit_button.setAccessibleName("Stop editing and start a new entry")

    def _chain_tab_order(self) -> None:
        chain = [*self._order, self.save_button, self.same_button, self.clear_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ---- reading and filling -----------------------------------------------------------------

    def new_entry(self) -> None:
        """A blank form (nothing recorded), time now, focus on the pain score, value selected."""
        self._editing = None
        self.fill(None)
        self.when.setDateTime(to_qdatetime(local_now()))
        self.heading.setText("<h2>New entry</h2>")
        self.cancel_edit_button.hide()
        self.message.clear_message()
        self.focus_pain_score()

    def edit(self, entry: Entry) -> None:
        """Load an existing entry; saving replaces it and keeps its identity."""
        self._editing = entry
        self.fill(entry)
        self.when.setDateTime(to_qdatetime(entry.recorded_at))
        self.heading.setText(f"<h2>Editing the entry of {entry.recorded_at:%a %d %b %Y %H:%M}</h2>")
        self.cancel_edit_button.show()
        self.message.clear_message()
        self.focus_pain_score()

    @property
    def editing(self) -> Entry | None:
        return self._editing

    def focus_pain_score(self) -> None:
        self.pain_score.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.pain_score.selectAll()
        # in view once laid out (at the window's start the page has no sizes yet)
        QTimer.singleShot(0, lambda: self._show_whole(self.pain_score))

    def copy_symptoms(self, entry: Entry) -> None:
        """ "Same as last entry": the pain and places of ``entry``; never its nerve answers
        (asked afresh each time), its note or time."""
        when, note = self.when.dateTime(), self.note.toPlainText()
        self.fill(entry)
        self.nerves.clear()
        self.when.setDateTime(when)
        self.note.setPlainText(note)

    def fill(self, entry: Entry | None) -> None:
        """Show ``entry``'s values, or every field "not recorded" and the nerve questions not
        answered when None."""
        values = fields.flat_values(entry) if entry else {}
        for f in fields.ENTRY_FIELDS:
            _show(self.controls[f.path], values.get(f.path, f.empty))
        if entry is None:
            self.nerves.clear()
        else:
            self.nerves.show_values(values)

    def screening_values(self) -> dict[str, object]:
        """The five signs' fields as the entry will store them: a sign the nerve questions
        leave unanswered is ``None``, "not asked", never a "none" nobody said."""
        return self.nerves.screening_values()

    def _recorded_at(self) -> datetime:
        if self._editing is not None:
            # Keep the entry's own offset unless its wall-clock time was changed.
            original = self._editing.recorded_at
            if to_qdatetime(original) == self.when.dateTime():
                return original
            return from_qdatetime(self.when.dateTime(), original.utcoffset())
        return from_qdatetime(self.when.dateTime())

    def gather(self) -> Entry:
        """The form as a domain Entry; raises ValidationError naming the field."""
        if self.pain_score.value() is None:
            raise ValidationError("score", "please give your pain right now, from 0 to 10")
        for sign in self.nerves.unfinished():
            raise ValidationError(sign, "you answered yes: please say which and how bad")
        values = {path: _value(control) for path, control in self.controls.items()}
        values.update(self.screening_values())
        entry = entry_from_values(self._recorded_at(), values)
        if self._editing is not None:
            entry = replace(entry, id=self._editing.id)
        return entry

    def request_save(self) -> None:
        try:
            entry = self.gather()
        except ValidationError as error:
            self.save_failed(_plain(error))
            if error.field.endswith("score"):
                self.focus_pain_score()
            elif error.field in self.nerves.yes:
                self.nerves.first_detail(error.field).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.save_requested.emit(entry)

    def saved(self, entry: Entry) -> None:
        self.new_entry()
        self.message.show_done(f"Entry of {entry.recorded_at:%a %d %b %H:%M} saved.")

    def save_failed(self, sentence: str) -> None:
        """Keep everything exactly as typed and say what went wrong."""
        self.message.show_problem(sentence)


def _show(control: Control, value: object) -> None:
    if isinstance(control, dict):
        for key, check in control.items():
            check.setChecked(isinstance(value, tuple) and key in value)
    elif isinstance(control, ScoreRow):
        control.setValue(None if value is None else int(str(value)))
    elif isinstance(control, QSpinBox):
        control.setValue(NOT_RECORDED if value is None else int(str(value)))
    elif isinstance(control, QComboBox):
        control.setCurrentIndex(max(control.findData(value), 0))
    elif isinstance(control, QAbstractButton):
        control.setChecked(bool(value))
    else:
        control.setPlainText(str(value))


def _value(control: Control) -> object:
    if isinstance(control, dict):
        return tuple(key for key, check in control.items() if check.isChecked())
    if isinstance(control, ScoreRow):
        return control.value()
    if isinstance(control, QSpinBox):
        return None if control.value() == NOT_RECORDED else control.value()
    if isinstance(control, QComboBox):
        return control.currentData()
    if isinstance(control, QAbstractButton):
        return control.isChecked()
    return control.toPlainText()


def _plain(error: ValidationError) -> str:
    field = error.field.split(".")[-1]
    words = FIELD_WORDS.get(field, field.replace("_", " "))
    problem = error.problem
    return f"{words}: {problem[:1].upper() + problem[1:]}."
