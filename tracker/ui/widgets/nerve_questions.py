"""The nerve questions, asked every time: "Since your last entry, is any of these new or
worse?" One clear "None of these" answer, or a "Yes" per sign that opens its detail (which limb,
which area, how bad), with the levels and words of ``tracker.domain.vocab``.

Until the person answers, the answer is ``None`` ("not asked"), never "none": the widget never
starts answered. ``screening_values()`` gives the entry's eleven screening fields by path:
``None`` for each while not answered; after "None of these", 0 / "normal" for all; after a
"Yes", the levels given for that sign and 0 / "normal" for the signs answered no.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from tracker.domain import vocab
from tracker.ui.common import buddy_label
from tracker.ui.widgets.toggle_chip import ToggleChip

QUESTION = "Since your last entry, is any of these new or worse?"
# Wording from shared/clinical/red-flags.md (R1, R2, R3, R5, R6, R7 and W2).
SIGN_WORDS = {
    "weakness": "Weakness or heaviness in an arm or leg",
    "numbness": "Numbness, pins and needles or loss of feeling, including between the legs, "
    "around the back passage or buttocks, or altered feeling when wiping",
    "walking": "Difficulty walking, unsteadiness, legs giving way",
    "bladder": "Bladder changes: difficulty passing or stopping urine, not feeling when the "
    "bladder is full, or leaking",
    "bowel": "Bowel changes: cannot feel or control your bowels, or constipation",
}
SIGNS = tuple(SIGN_WORDS)
LIMB_WORDS = {
    "left_arm": "Left arm",
    "right_arm": "Right arm",
    "left_leg": "Left leg",
    "right_leg": "Right leg",
}
AREA_WORDS = {
    "arms": "Arms or hands",
    "legs": "Legs or feet",
    "trunk": "Chest or tummy",
    "saddle": "Between the legs, buttocks, or when wiping",
}


def level_combo(words: Sequence[str]) -> QComboBox:
    combo = QComboBox()
    for level, word in enumerate(words):
        combo.addItem(f"{level} – {word}", level)
    return combo


def choice_combo(words: Mapping[str, str]) -> QComboBox:
    combo = QComboBox()
    for value, word in words.items():
        combo.addItem(word[:1].upper() + word[1:], value)
    return combo


class NerveQuestions(QFrame):
    """``answer()`` is ``None`` until answered, else per sign "no" or the levels given."""

    answer_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nerveQuestions")
        self.weakness = {key: level_combo(vocab.WEAKNESS_WORDS) for key in vocab.LIMBS}
        self.numbness = {key: level_combo(vocab.NUMBNESS_WORDS) for key in vocab.NUMB_AREAS}
        self.walking = level_combo(vocab.WALKING_WORDS)
        self.bladder = choice_combo(vocab.BLADDER_WORDS)
        self.bowel = choice_combo(vocab.BOWEL_WORDS)
        # Each sign's fields: path -> (control, the value when answered no).
        self.fields: dict[str, dict[str, tuple[QComboBox, object]]] = {
            "weakness": {f"weakness.{k}": (c, 0) for k, c in self.weakness.items()},
            "numbness": {f"numbness.{k}": (c, 0) for k, c in self.numbness.items()},
            "walking": {"walking": (self.walking, 0)},
            "bladder": {"bladder": (self.bladder, "normal")},
            "bowel": {"bowel": (self.bowel, "normal")},
        }
        self.question = QLabel(QUESTION)
        self.question.setObjectName("sectionHeading")
        self.question.setWordWrap(True)
        self.yes = {sign: ToggleChip("Yes", f"Yes: {SIGN_WORDS[sign]}") for sign in SIGNS}
        self.details: dict[str, QFrame] = {}
        self.none_button = ToggleChip("None o&f these", "None of these is new or worse")
        self.none_button.setObjectName("noneOfThese")
        self.none_button.setToolTip("None of these is new or worse (Alt+F)")
        self.status = QLabel()
        self.status.setObjectName("answerStatus")
        self._build()
        self.none_button.clicked.connect(self._none_clicked)
        for yes in self.yes.values():
            yes.clicked.connect(self._yes_clicked)
        for sign, given in self.fields.items():
            for combo, no in given.values():
                combo.currentIndexChanged.connect(
                    lambda _i, c=combo, n=no, s=sign: self._level_given(s, c, n)
                )
        self.clear()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(4)
        top = QHBoxLayout()  # the quick answer beside the question: most days need no more
        top.addWidget(self.question, 1)
        top.addWidget(self.status)
        top.addWidget(self.none_button)
        layout.addLayout(top)
        for sign in SIGNS:
            row = QHBoxLayout()
            words = QLabel(SIGN_WORDS[sign])
            words.setWordWrap(True)
            row.addWidget(words, 1)
            row.addWidget(self.yes[sign], 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
            detail = QFrame()
            detail.setObjectName("signDetail")
            grid = QGridLayout(detail)
            grid.setContentsMargins(24, 0, 0, 4)
            for index, (path, (combo, _no)) in enumerate(self.fields[sign].items()):
                grid.addWidget(buddy_label(_detail_words(path), combo), index // 2, (index % 2) * 2)
                grid.addWidget(combo, index // 2, (index % 2) * 2 + 1)
            grid.setColumnStretch(1, 1)
            grid.setColumnStretch(3, 1)
            layout.addWidget(detail)
            self.details[sign] = detail

    def tab_chain(self) -> list[QWidget]:
        """The widget's controls in reading order (details included, shown or not)."""
        chain: list[QWidget] = [self.none_button]
        for sign in SIGNS:
            chain.append(self.yes[sign])
            chain.extend(combo for combo, _no in self.fields[sign].values())
        return chain

    # ---- the answer ---------------------------------------------------------------------------

    def answered(self) -> bool:
        return self.none_button.isChecked() or any(y.isChecked() for y in self.yes.values())

    def answer(self) -> dict[str, object] | None:
        """``None`` when not answered; else each sign: "no", or its levels by field path."""
        if not self.answered():
            return None
        result: dict[str, object] = {}
        for sign in SIGNS:
            if self.yes[sign].isChecked():
                given = self.fields[sign].items()
                result[sign] = {path: combo.currentData() for path, (combo, _no) in given}
            else:
                result[sign] = "no"
        return result

    def screening_values(self) -> dict[str, object]:
        """The eleven screening fields by path; each ``None`` ("not asked") when not answered."""
        answered = self.answered()
        values: dict[str, object] = {}
        for sign in SIGNS:
            for path, (combo, no) in self.fields[sign].items():
                if not answered:
                    values[path] = None
                elif self.yes[sign].isChecked():
                    values[path] = combo.currentData()
                else:
                    values[path] = no
        return values

    def unfinished(self) -> list[str]:
        """The signs answered "Yes" with no level given yet (all still none / normal): saved
        like that, a "Yes" would be stored as "none"."""
        return [
            sign
            for sign in SIGNS
            if self.yes[sign].isChecked()
            and all(combo.currentData() == no for combo, no in self.fields[sign].values())
        ]

    def first_detail(self, sign: str) -> QComboBox:
        """The first level to give under ``sign``'s "Yes"."""
        return next(iter(self.fields[sign].values()))[0]

    def clear(self) -> None:
        """Not answered: nothing chosen, every detail closed and back to its first level."""
        for sign in SIGNS:
            self.yes[sign].setChecked(False)
            for combo, _no in self.fields[sign].values():
                combo.setCurrentIndex(0)
        self.none_button.setChecked(False)
        self._show()

    def show_values(self, values: Mapping[str, object]) -> None:
        """An entry's stored levels as answers: a sign with any level above 0 / "normal" is a
        "Yes" with those levels; a sign whose fields are all ``None`` is not asked; when every
        sign is answered no, "None of these"."""
        self.clear()
        asked = False
        for sign in SIGNS:
            for path, (combo, no) in self.fields[sign].items():
                value = values.get(path)
                if value is None:
                    continue
                asked = True
                combo.setCurrentIndex(max(combo.findData(value), 0))
                if value != no:
                    self.yes[sign].setChecked(True)
        if asked and not any(y.isChecked() for y in self.yes.values()):
            self.none_button.setChecked(True)
        self._show()

    def _none_clicked(self) -> None:
        if self.none_button.isChecked():
            for yes in self.yes.values():
                yes.setChecked(False)
        self._show()
        self.answer_changed.emit()

    def _yes_clicked(self) -> None:
        if any(y.isChecked() for y in self.yes.values()):
            self.none_button.setChecked(False)
        self._show()
        self.answer_changed.emit()

    def _level_given(self, sign: str, combo: QComboBox, no: object) -> None:
        """A level above none / normal is a "Yes" to its sign, however it was chosen."""
        if combo.currentData() != no and not self.yes[sign].isChecked():
            self.yes[sign].setChecked(True)
            self._yes_clicked()

    def _show(self) -> None:
        for sign in SIGNS:
            self.details[sign].setVisible(self.yes[sign].isChecked())
        if self.none_button.isChecked():
            self.status.setText("Answered: none of these")
        elif self.answered():
            self.status.setText("Answered: say which and how bad")
        else:
            self.status.setText("Not answered yet")


def _detail_words(path: str) -> str:
    sign, _dot, key = path.partition(".")
    if sign == "weakness":
        return f"{LIMB_WORDS[key]}:"
    if sign == "numbness":
        return f"{AREA_WORDS[key]}:"
    return {"walking": "Walking:", "bladder": "Bladder:", "bowel": "Bowel:"}[sign]
