"""The words of an alert, all from the rule table (tracker.domain.rules): the tier's advice and
whom to call, with the person's own numbers or, when none are set, the table's fallback."""

from __future__ import annotations

from tracker.domain import rules
from tracker.domain.model import Contacts


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def tier_advice(tier: str, go_to_ae: bool) -> str:
    """The tier's advice; R5 (saddle numbness) adds the table's "Go to A&E now." """
    advice = rules.TIER_ADVICE[tier]
    return f"{rules.R5_ADVICE} {advice}" if go_to_ae else advice


def contact_lines(contacts: Contacts, tier: str) -> list[str]:
    """Rich-text lines: helpline and emergency number (and, for urgent, the usual team)."""
    lines = []
    if contacts.helpline:
        lines.append(f"24-hour helpline: <b>{escape(contacts.helpline)}</b>")
    if contacts.emergency:
        lines.append(f"Emergency: <b>{escape(contacts.emergency)}</b>")
    if tier == "urgent" and contacts.team:
        lines.append(f"Your care team (office hours): <b>{escape(contacts.team)}</b>")
    if not contacts.helpline and not contacts.emergency:
        lines.append(f"Call {escape(rules.NO_CONTACTS_TEXT)}.")
    return lines
