"""Today's entry: the form a person fills in under a minute, by mouse or keyboard alone.

Everything starts at "nothing recorded"; the pain score starts blank and must be given.
Values are gathered into a domain Entry; the domain refuses bad values with a message that
names the field, which the form shows in plain words.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

from tracker.domain import fields, vocab
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

NOT_RECORDED = -1
Control = QSpinBox | QComboBox | QCheckBox | QPlainTextEdit | dict[str, QCheckBox]
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
WEAKNESS_LABELS = {
    "left_arm": "Left arm",
    "right_arm": "Right arm",
    "left_leg": "Left leg",
    "right_leg": "Right leg",
}
NUMBNESS_LABELS = {
    "arms": "Arms or hands",
    "legs": "Legs or feet",
    "trunk": "Chest or tummy",
    "saddle": "Between the legs, buttocks, or when wiping",
}
FIELD_WORDS = {
    "score": "Pain right now",
    "worst_24h": "Worst pain in the last 24 hours",
    "fatigue": "Tiredness",
    "note": "Note",
    "recorded_at": "When",
}


def _optional_spin(maximum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(NOT_RECORDED, maximum)
    spin.setSpecialValueText("not recorded")
    spin.setValue(NOT_RECORDED)
    spin.setMinimumWidth(150)
    return spin


def _level_combo(words: tuple[str, ...] | list[str]) -> QComboBox:
    combo = QComboBox()
    for level, word in enumerate(words):
        combo.addItem(f"{level} – {word}", level)
    return combo


def _choice_combo(words: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for value, word in words.items():
        combo.addItem(word[:1].upper() + word[1:], value)
    return combo


class EntryForm(QWidget):
    """Emits ``save_requested`` with a valid Entry; the window saves it through the service
    and then calls ``saved()`` or ``save_failed(sentence)``."""

    save_requested = Signal(object)
    same_as_last_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editing: Entry | None = None
        self._unasked: set[str] = set()  # nerve signs shown but not asked (see fill)
        self._shown: dict[str, object] = {}
        self._order: list[QWidget] = []
        self.message = MessageLine()
        self.heading = QLabel()
        self.heading.setObjectName("formHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.when = DateTimeField("d MMM yyyy  HH:mm")
        self.pain_score = _optional_spin(10)
        self.pain_score.setObjectName("painScore")
        self.worst = _optional_spin(10)
        self.regions = {key: QCheckBox(text) for key, text in REGION_LABELS.items()}
        self.night = QCheckBox("Pain at night that stops me sleeping")
        self.straining = QCheckBox("Worse when I cough, sneeze or strain on the toilet")
        self.tender = QCheckBox("A spot on my spine is tender to touch")
        self.radiating = {key: QCheckBox(text) for key, text in RADIATING_LABELS.items()}
        self.weakness = {key: _level_combo(vocab.WEAKNESS_WORDS) for key in vocab.LIMBS}
        self.numbness = {key: _level_combo(vocab.NUMBNESS_WORDS) for key in vocab.NUMB_AREAS}
        self.walking = _level_combo(vocab.WALKING_WORDS)
        self.bladder = _choice_combo(vocab.BLADDER_WORDS)
        self.bowel = _choice_combo(vocab.BOWEL_WORDS)
        self.sexual = QCheckBox("New change in erection, ejaculation or genital feeling")
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

        self.save_button = QPushButton("&Save entry")
        self.save_button.setObjectName("primary")
        self.save_button.setToolTip("Save this entry (Ctrl+S)")
        self.same_button = QPushButton("Sa&me as last entry")
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
        outer.addWidget(self.heading)
        outer.addWidget(self.message)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(scroll, 1)
        inner = QWidget()
        scroll.setWidget(inner)
        columns = QHBoxLayout()
        QVBoxLayout(inner).addLayout(columns)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self._when_and_pain(left)
        self._where(left)
        self._pain_kind(left)
        left.addStretch(1)
        self._nerves(right)
        self._body(right)
        right.addStretch(1)
        buttons = QHBoxLayout()
        outer.addLayout(buttons)
        for button in (self.save_button, self.same_button, self.clear_button):
            buttons.addWidget(button)
        buttons.addWidget(self.cancel_edit_button)
        buttons.addStretch(1)

    @staticmethod
    def _box(title: str, column: QVBoxLayout) -> QGroupBox:
        """An empty group box, put in its column before it is filled."""
        box = QGroupBox(title)
        column.addWidget(box)
        return box

    def _grid_box(
        self, title: str, column: QVBoxLayout, rows: list[tuple[str, QWidget, str]]
    ) -> QGroupBox:
        box = self._box(title, column)
        grid = QGridLayout(box)
        for row, (text, widget, hint) in enumerate(rows):
            grid.addWidget(buddy_label(text, widget), row, 0)
            grid.addWidget(widget, row, 1)
            if hint:
                hint_label = QLabel(hint)
                hint_label.setWordWrap(True)
                grid.addWidget(hint_label, row, 2)
            self._order.append(widget)
        grid.setColumnStretch(2, 1)
        return box

    def _when_and_pain(self, column: QVBoxLayout) -> None:
        self._grid_box(
            "Pain",
            column,
            [
                ("&When:", self.when, ""),
                (
                    "&Pain right now:",
                    self.pain_score,
                    "0 no pain · 5 moderate · 10 worst imaginable",
                ),
                ("Worst in the last 24 hou&rs:", self.worst, "0 no pain · 10 worst imaginable"),
            ],
        )

    def _checks_box(self, title: str, column: QVBoxLayout, boxes: list[QCheckBox]) -> QGroupBox:
        box = self._box(title, column)
        layout = QVBoxLayout(box)
        for check in boxes:
            layout.addWidget(check)
            self._order.append(check)
        return box

    def _where(self, column: QVBoxLayout) -> None:
        self._checks_box("Where it hurts", column, list(self.regions.values()))

    def _pain_kind(self, column: QVBoxLayout) -> None:
        box = self._checks_box(
            "What the pain is like", column, [self.night, self.straining, self.tender]
        )
        layout = box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(QLabel("Pain shooting:"))
        for check in self.radiating.values():
            layout.addWidget(check)
            self._order.append(check)

    def _nerves(self, column: QVBoxLayout) -> None:
        rows: list[tuple[str, QWidget, str]] = [
            (f"Weakness, {WEAKNESS_LABELS[k].lower()}:", w, "") for k, w in self.weakness.items()
        ]
        rows += [
            (f"Numbness or pins and needles, {NUMBNESS_LABELS[k].lower()}:", w, "")
            for k, w in self.numbness.items()
        ]
        rows.append(("Wal&king:", self.walking, ""))
        self._grid_box("Weakness, numbness and walking", column, rows)

    def _body(self, column: QVBoxLayout) -> None:
        box = self._grid_box(
            "Bladder, bowel and the rest",
            column,
            [
                ("Bla&dder:", self.bladder, ""),
                ("B&owel:", self.bowel, ""),
                ("&Tiredness:", self.fatigue, "0 not tired · 10 exhausted"),
            ],
        )
        grid = box.layout()
        assert isinstance(grid, QGridLayout)
        grid.addWidget(self.sexual, 3, 0, 1, 3)
        self._order.insert(self._order.index(self.fatigue), self.sexual)
        grid.addWidget(buddy_label("&Note:", self.note), 4, 0)
        grid.addWidget(self.note, 4, 1, 1, 2)
        self._order.append(self.note)

    def _set_accessible_names(self) -> None:
        for check in [*self.regions.values(), self.night, self.straining, self.tender, self.sexual]:
            check.setAccessibleName(check.text().replace("&", ""))
        for key, check in self.radiating.items():
            check.setAccessibleName(f"Pain shooting {RADIATING_LABELS[key].lower()}")
        for button in (self.save_button, self.same_button, self.clear_button):
            button.setAccessibleName(button.text().replace("&", ""))
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

    def copy_symptoms(self, entry: Entry) -> None:
        """ "Same as last entry": the symptoms of ``entry``, not its note or time."""
        when, note = self.when.dateTime(), self.note.toPlainText()
        self.fill(entry)
        self.when.setDateTime(when)
        self.note.setPlainText(note)

    def fill(self, entry: Entry | None) -> None:
        """Show ``entry``'s values, or every field "not recorded" when None."""
        values = fields.flat_values(entry) if entry else {}
        for f in fields.ENTRY_FIELDS:
            _show(self.controls[f.path], values.get(f.path, f.empty))
        # A nerve sign not asked shows as its first answer; unless a nerve answer is changed,
        # the signs are saved as not asked again: never a "none" nobody said (issue 17).
        self._unasked = {f.path for f in fields.SCREENING if values.get(f.path) is None}
        self._shown = {f.path: _value(self.controls[f.path]) for f in fields.SCREENING}

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
        if self.pain_score.value() == NOT_RECORDED:
            raise ValidationError("score", "please give your pain right now, from 0 to 10")
        values = {path: _value(control) for path, control in self.controls.items()}
        if all(values[path] == shown for path, shown in self._shown.items()):
            values |= dict.fromkeys(self._unasked)
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
    elif isinstance(control, QSpinBox):
        control.setValue(NOT_RECORDED if value is None else int(str(value)))
    elif isinstance(control, QComboBox):
        control.setCurrentIndex(max(control.findData(value), 0))
    elif isinstance(control, QCheckBox):
        control.setChecked(bool(value))
    else:
        control.setPlainText(str(value))


def _value(control: Control) -> object:
    if isinstance(control, dict):
        return tuple(key for key, check in control.items() if check.isChecked())
    if isinstance(control, QSpinBox):
        return None if control.value() == NOT_RECORDED else control.value()
    if isinstance(control, QComboBox):
        return control.currentData()
    if isinstance(control, QCheckBox):
        return control.isChecked()
    return control.toPlainText()


def _plain(error: ValidationError) -> str:
    field = error.field.split(".")[-1]
    words = FIELD_WORDS.get(field, field.replace("_", " "))
    problem = error.problem
    return f"{words}: {problem[:1].upper() + problem[1:]}."
