"""Today's entry, a calm check-in on one page: the nerve questions, pain now, worst in 24 hours,
where (the spine picture and the pain's features), the rest, painkiller, note, Save.

By keyboard alone: Ctrl+N puts the focus on the pain score (a digit sets it), Alt+F answers
"None of these", Ctrl+S saves. Nothing starts answered: the pain score starts blank and must be
given, and the nerve questions start "not asked". Values are gathered into a domain Entry; the
domain refuses bad values with a message that names the field, which the form shows in plain
words. Where each control goes on the page is in ``entry_layout``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from tracker.domain import fields
from tracker.domain.errors import ValidationError
from tracker.domain.model import Entry, entry_from_values
from tracker.domain.wording import short_time, time_text
from tracker.ui.common import (
    DateTimeField,
    MessageLine,
    from_qdatetime,
    local_now,
    to_qdatetime,
)
from tracker.ui.widgets.entry_layout import EntryLayout
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
WORST_ANCHORS = ((0, "0 no pain"), (10, "10 worst imaginable"))


def _optional_spin(maximum: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(NOT_RECORDED, maximum)
    spin.setSpecialValueText("not recorded")
    spin.setValue(NOT_RECORDED)
    spin.setMinimumWidth(150)
    return spin


class EntryForm(EntryLayout):
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
        self.heading.setText(f"<h2>Editing the entry of {time_text(entry.recorded_at)}</h2>")
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
        at = entry.recorded_at
        self.message.show_done(f"Entry of {at:%a} {short_time(at)} saved.")

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
