"""The summary as HTML with a small style sheet (``markup``), for a ``QTextDocument``. Every text
the person wrote is escaped: a note that holds HTML prints as typed."""

from __future__ import annotations

import re

from PySide6.QtCore import QSizeF, QUrl

from tracker.domain.red_flag_groups import red_flag_groups
from tracker.domain.summary import (
    NO_SIGNS,
    SummaryData,
    period_text,
    time_text,
)
from tracker.ui.printout.esas_html import esas_section
from tracker.ui.printout.markup import esc, none_recorded, regular, table
from tracker.ui.printout.spine_picture import spine_picture_html, spine_words_html
from tracker.ui.printout.treatment_html import (
    doses_section,
    medicines_section,
    treatments_section,
)

# A space inside a time: before a number ("Sat 12", "Sep 2026", "Sep 20:13"), or between a day and
# its month ("12 Sep").
_TIME_SPACE = re.compile(r"(?<=\w) (?=\d)|(?<=\d) (?=[A-Z][a-z]{2}\b)")
HEADING = "Spine Journal summary"
CHART_URL = QUrl("spine-journal:chart.png")
CHART_HEADING = "Trends"  # the chart's, as the window's Trends page it is drawn from


def _title(data: SummaryData) -> str:
    parts = [f"<h1>{HEADING}</h1>", f"<p><b>Period:</b> {esc(period_text(data.start, data.end))}"]
    if data.display_name:
        parts.append(f" &nbsp;&nbsp; <b>Name:</b> {esc(data.display_name)}")
    parts.append("</p>")
    helpline = esc(data.helpline) if data.helpline else "<i>none recorded</i>"
    parts.append(f"<p><b>24-hour helpline:</b> {helpline}</p>")
    flags = "red flag" if data.alert_count == 1 else "red flags"
    entries = "entry" if len(data.entries) == 1 else "entries"
    parts.append(
        f"<p>{len(data.entries)} {entries} and {data.alert_count} {flags} recorded in this "
        "period.</p>"
    )
    parts.append(
        '<p class="note">Written by the person in their own journal. It lists only what was '
        "recorded: an empty section means nothing was recorded, not that all is well. A red "
        "flag is advice to contact the care team, never a diagnosis.</p>"
    )
    return "".join(parts)


def _red_flags(data: SummaryData) -> str:
    """A row per rule, tier and action (``red_flag_groups``) listing each episode's time; a
    rule's wording is written once, at its first row (a later row of it, with another action,
    says "as above"), so that a rule raised week after week takes one row."""
    html_parts = ["<h2>Red flags</h2>"]
    if not data.red_flags:
        return html_parts[0] + none_recorded()
    rows = []
    written: set[str] = set()
    for group in red_flag_groups(data.red_flags):
        row = group.first
        tier = f"<b>{row.tier_words}</b>" if row.tier != "watch" else f"<i>{row.tier_words}</i>"
        done = esc(row.action)
        if row.note:
            done += f": <i>“{esc(row.note)}”</i>"
        wording = "as above" if row.rule in written else esc(row.wording)
        written.add(row.rule)
        rows.append(
            (_unbroken_times(esc(group.when)), tier, f"<b>{esc(row.rule)}</b> {wording}", done)
        )
    html_parts.append(
        table(
            ("When", "Tier", "Rule and what was recorded", "What was done"),
            rows,
            widths=(31, 13, 40, 16),
        )
    )
    return "".join(html_parts)


def _unbroken_times(text: str) -> str:
    """ "Sat 12 Sep 2026 20:13" kept on one line: a line breaks only between times."""
    return _TIME_SPACE.sub("&nbsp;", text)


def _neuro(data: SummaryData) -> str:
    neuro = data.neuro
    parts = ["<h2>Neurological status</h2>"]
    if neuro.first_at is None or neuro.last_at is None:
        return parts[0] + none_recorded("No entries recorded in this period")
    if len(data.entries) == 1:
        parts.append("<p>Only one entry in this period: the start and the end are the same.</p>")
    # The days in the header's regular weight: bold, they would take a third line.
    first = f"First entry<br>{regular(time_text(neuro.first_at))}"
    last = f"Last entry<br>{regular(time_text(neuro.last_at))}"
    rows = []
    for row in neuro.rows:
        change = esc(row.change)
        end = esc(row.end)
        if row.change != "no change":
            change, end = f"<b>{change}</b>", f"<b>{end}</b>"
        rows.append((f"<b>{esc(row.sign)}</b>", esc(row.start), end, change, esc(row.worst)))
    heads = ("Sign", first, last, "Level at the end", "Worst in the period")
    parts.append(table(heads, rows, widths=(18, 16, 16, 11, 39)))
    parts.append(f"<p>Nerve questions {esc(neuro.answered_text)}.</p>")
    return "".join(parts)


def _pain(data: SummaryData) -> str:
    pain = data.pain
    lines = []
    if pain.latest_at is None or pain.latest_score is None:
        lines.append(f"<i>{esc('No pain scores recorded in this period')}.</i>")
    else:
        worst = (
            "" if pain.latest_worst is None else f", worst in 24 hours <b>{pain.latest_worst}</b>"
        )
        lines += [
            f"<b>Latest score: {pain.latest_score}</b> out of 10{worst} "
            f"({esc(time_text(pain.latest_at))})",
            f"<b>Mean score, first 7 days:</b> {esc(pain.first_week.text())}",
            f"<b>Mean score, last 7 days:</b> {esc(pain.last_week.text())}",
        ]
    return "<h2>Pain</h2><p>" + "<br>".join(lines) + "</p>"


def _chart(chart_size_px: QSizeF | None) -> str:
    """The chart under a heading of its own, in a paragraph of its own: Qt never splits a line,
    so the chart is never split; when it does not fit it starts the next page whole."""
    if chart_size_px is None:
        return ""
    return (
        f"<h2>{CHART_HEADING}</h2>"
        f'<p class="picture"><img src="{CHART_URL.toString()}" '
        f'width="{round(chart_size_px.width())}" height="{round(chart_size_px.height())}"></p>'
    )


def _questions(data: SummaryData) -> str:
    parts = ["<h2>Questions for this appointment</h2>"]
    appointment = data.appointment
    if appointment is None:
        return parts[0] + none_recorded("No appointment recorded in or after this period")
    who = f" with {esc(appointment.with_whom)}" if appointment.with_whom else ""
    parts.append(f"<p><b>Appointment: {esc(time_text(appointment.at))}</b>{who}</p>")
    if appointment.questions:
        parts.append(f"<p>{esc(appointment.questions)}</p>")
    else:
        parts.append(none_recorded("No questions written for this appointment"))
    return "".join(parts)


def _entries(data: SummaryData) -> str:
    parts = ['<h2 style="page-break-before: always;">Entries</h2>']
    if not data.entries:
        return parts[0] + none_recorded("No entries recorded in this period")
    parts.append(
        '<p class="note">Pain 0 (none) to 10 (worst imaginable). Nerve signs show only what '
        "was above 0, at levels 1 to 3: weakness 1 slight, 2 struggles with everyday tasks, "
        "3 can barely move it; numbness 1 now and then, 2 constant, 3 no feeling; walking "
        "1 unsteady, 2 needs a stick, frame or help, 3 cannot walk.</p>"
    )
    rows = [
        (
            esc(time_text(e.recorded_at)),
            f"<b>{e.pain}</b>",
            "" if e.worst is None else str(e.worst),
            f"<i>{esc(e.neuro)}</i>" if e.neuro == NO_SIGNS else f"<b>{esc(e.neuro)}</b>",
            esc(e.note),
        )
        for e in data.entries
    ]
    parts.append(
        table(
            ("Date and time", "Pain", "Worst 24 h", "Nerve signs", "Note"),
            rows,
            css="entries",
            widths=(24, 6, 7, 24, 39),
            repeat_header=True,
        )
    )
    return "".join(parts)


def summary_html(
    data: SummaryData,
    chart_size_px: QSizeF | None = None,
    *,
    entries: bool = True,
    spine_size_px: QSizeF | None = None,
    chart_first: bool = True,
) -> str:
    """The whole summary as HTML; the chart is an ``<img>`` of ``chart_size_px`` (document
    pixels) when given, the spine map's strip one of ``spine_size_px``. ``entries=False``: all
    but the entries (the pages before them). ``chart_first``: the chart straight after the
    pain scores, else after the ESAS-r section (``document`` chooses: where it leaves no page
    half empty)."""
    picture = words = ""
    if data.spine is not None and spine_size_px is not None:
        picture, words = spine_picture_html(spine_size_px), spine_words_html(data.spine)
    body = "".join(
        (
            _title(data),
            picture,
            words,
            _red_flags(data),
            _neuro(data),
            _pain(data),
            _chart(chart_size_px) if chart_first else "",
            esas_section(data),
            "" if chart_first else _chart(chart_size_px),
            treatments_section(data),
            doses_section(data),
            medicines_section(data),
            _questions(data),
            _entries(data) if entries else "",
        )
    )
    return f"<html><head><title>{esc(data.title)}</title></head><body>{body}</body></html>"
