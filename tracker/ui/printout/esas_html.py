"""The summary's "ESAS-r" section: the weekly form's latest scores beside those of four weeks
before (or of the period's first form) and the change, in one compact table, with the
acknowledgement the instrument asks for."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tracker.domain import esas
from tracker.domain.esas_summary import (
    COMPARE_DAYS,
    EsasRow,
    EsasSummary,
    completed_text,
    score_text,
)
from tracker.domain.summary import SummaryData, short_day
from tracker.domain.timeutil import local_day
from tracker.ui.printout.markup import esc, none_recorded, note

ESAS_HALVES = 2  # the items in two halves side by side: five rows, not ten


def _score_cell(score: int | None, *, bold: bool = False) -> str:
    """A score, or "not answered" in italics (never bold: it would take a third line)."""
    if score is None:
        return f"<i>{score_text(score)}</i>"
    return f"<b>{score}</b>" if bold else str(score)


def _esas_row(row: EsasRow, key: str, before: esas.EsasForm | None) -> list[str]:
    """An item's cells: its name, the latest score, then (with a ``before`` form) the earlier
    score and the change. The earlier cell stays empty when the Other Problem was another one:
    not compared (an item left unanswered then reads "not answered")."""
    cells = [esc(row.item), _score_cell(row.latest, bold=True)]
    if before is not None:
        answered_then = getattr(before, key) is not None
        cells.append("" if row.before is None and answered_then else _score_cell(row.before))
        cells.append(esc(row.change))
    return cells


def _esas_table(summary: EsasSummary, days: Sequence[str]) -> str:
    """One table, the items in two halves side by side (five rows, not ten): item, the latest
    score, the earlier one and the change, the columns headed by the forms' days."""
    heads = ["Item", *days, *(["Change"] if summary.before is not None else [])]
    widths = (20, 10, 10, 10) if summary.before is not None else (38, 12)
    half = (len(summary.rows) + 1) // ESAS_HALVES
    items = zip(summary.rows, esas.ITEMS, strict=True)
    cells = [_esas_row(row, item.key, summary.before) for row, item in items]
    head = "".join(f'<th width="{w}%">{h}</th>' for h, w in zip(heads, widths, strict=True))
    body = ""
    for index in range(half):
        right = cells[index + half] if index + half < len(cells) else [""] * len(heads)
        body += "<tr>" + "".join(f"<td>{c}</td>" for c in [*cells[index], *right]) + "</tr>"
    return (
        '<table class="data" width="100%" border="1" cellspacing="0" cellpadding="2">'
        f"<tr>{head * ESAS_HALVES}</tr>{body}</table>"
    )


def esas_section(data: SummaryData) -> str:
    """The weekly form's latest scores beside those of four weeks before (or of the period's
    first form) and the change, in one compact table: numbers as given, with the source
    acknowledged."""
    summary = data.esas
    if not summary.used:
        return ""
    parts = [f"<h2>{esas.NAME}</h2>"]
    latest, before = summary.latest, summary.before
    if latest is None:
        parts.append(none_recorded(f"No {esas.NAME} form recorded in this period"))
        parts.append(f'<p class="note">{esc(esas.SHORT_ACKNOWLEDGEMENT)}</p>')
    else:
        line = f"<b>Latest form</b> {esc(completed_text(latest))}"
        days = [_day_head(local_day(latest.completed_at))]
        if before is not None:
            apart = (latest.completed_at.date() - before.completed_at.date()).days
            which = "four weeks before" if apart >= COMPARE_DAYS else "the period's first form"
            line += f", compared with {short_day(local_day(before.completed_at))}, {which}"
            days.append(_day_head(local_day(before.completed_at)))
        # The acknowledgement under the line, before the table: a short table is kept on one
        # page with its heading and the paragraph before it, so the three are never parted.
        parts.append(f"<p>{line}.<br>{note(esas.SHORT_ACKNOWLEDGEMENT)}</p>")
        parts.append(_esas_table(summary, days))
    return "".join(parts)


def _day_head(day: date) -> str:
    """ "16 Nov": a column's day (written without ``%-d``, which Windows lacks)."""
    return f"{day.day}&nbsp;{day:%b}"
