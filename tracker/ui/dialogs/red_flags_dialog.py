"""What the red flags mean: every rule of the rule table (``tracker.domain.rules``), by tier,
in the table's own words, with what each tier tells the person and where each rule comes from.
Nothing here is written by hand: the words are the table's, so the list cannot drift from the
rules the app runs.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from tracker.domain import rules, vocab
from tracker.domain.model import Contacts
from tracker.ui.alert_text import contact_lines, escape
from tracker.ui.common import close_row


def not_firing_sentence() -> str:
    """The table's "a flag that does not fire means only that none of these patterns was
    recorded", as a sentence of its own (the README's)."""
    sentence = rules.NOT_A_DIAGNOSIS.partition(": ")[2]
    return sentence[:1].upper() + sentence[1:]


def red_flags_html(contacts: Contacts | None) -> str:
    """The whole page: an introduction, each tier with its advice and its rules, then what a
    flag that does not fire means and whom to call (the person's numbers, else the table's)."""
    parts = [
        f"<h1>What the red flags mean</h1><p>Spine Journal checks every entry you save against "
        f"these rules (rule set {rules.RULE_SET}). Each is shown in the words of its alert, with "
        "its tier and where it comes from.</p>"
    ]
    for tier in vocab.ALERT_TIERS:
        parts.append(
            f"<h2>{tier.capitalize()}</h2>"
            f"<p>What you are told: <b>{escape(rules.TIER_ADVICE[tier])}</b></p>"
        )
        for rule in (r for r in rules.RULES.values() if r.tier == tier):
            parts.append(
                f"<p><b>{rule.id}</b>: {escape(rule.title)}.{_own_advice(rule)}<br>"
                f"<span>Tier: {tier}. Source: {escape(rule.source)}."
                "</span></p>"
            )
    calls = "<br>".join(contact_lines(contacts or Contacts(), "emergency"))
    parts.append(
        f"<h2>Please note</h2><p><b>{escape(not_firing_sentence())}</b></p>"
        f"<p><b>{escape(rules.EMERGENCY_ADVICE)}</b></p><p>{calls}</p>"
    )
    return "".join(parts)


def _own_advice(rule: rules.Rule) -> str:
    """A rule's advice where it differs from its tier's and its wording does not already say
    it (R5's "Go to A&E now.")."""
    advice = rule.advice
    if advice == rules.TIER_ADVICE[rule.tier] or advice.rstrip(".").lower() in rule.title.lower():
        return ""
    return f" {escape(advice)}"


class RedFlagsDialog(QDialog):
    def __init__(self, contacts: Contacts | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("What the red flags mean")
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)  # nothing here is a link; never a browser
        self.text.setHtml(red_flags_html(contacts))
        self.text.setAccessibleName("The red-flag rules")
        self.close_button, buttons = close_row(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self.setMinimumSize(720, 520)
        self.resize(860, 640)
        self.text.setFocus()  # arrows and Page Down read on; Tab reaches Close
