"""The summary's treatment and medicine sections as HTML (``markup``): the treatments and what
changed after each, the as-needed painkillers week by week, and the regular medicines' doses due,
taken and skipped. ``summary_html`` puts them together with the other sections."""

from __future__ import annotations

from tracker.domain.summary import RESPONSE_COLUMNS, WEEK_DAYS, SummaryData, short_day
from tracker.ui.printout.markup import esc, none_recorded, table

WEEKS_PER_TABLE = 13
MEDICINE_COLUMN, WEEK_COLUMN = 27.0, 5.6  # percent of the text width


def treatments_section(data: SummaryData) -> str:
    parts = ["<h2>Treatments</h2>"]
    if data.treatments:
        lines = [(f"<b>{esc(t.label)}</b>", esc(t.dates), esc(t.details)) for t in data.treatments]
        parts.append(table(("Treatment", "Dates", "Details"), lines, widths=(22, 30, 48)))
    else:
        parts.append(none_recorded())
    parts.append("<h3>What changed after each treatment</h3>")
    if not data.responses:
        parts.append(none_recorded("No treatment in or shortly before this period"))
        return "".join(parts)
    rows = [
        (
            esc(r.treatment),
            esc(r.dates),
            esc(r.before),
            esc(r.after),
            f"<b>{esc(r.change)}</b>",
            esc(r.later),
        )
        for r in data.responses
    ]
    parts.append(table(RESPONSE_COLUMNS, rows, widths=(14, 17, 16, 16, 11, 26)))
    parts.append(
        '<p class="note">Mean pain score (0-10) over the entries of each window: before is days '
        "-14 to -1; after is days 1 to 14 after the procedure, the course's end or the last "
        "radiotherapy session; change is after minus before.</p>"
    )
    return "".join(parts)


def doses_section(data: SummaryData) -> str:
    """Weeks across, medicines down: a row of numbers reads as a trend, and 13 weeks take three
    lines instead of a column of thirteen."""
    doses = data.doses
    parts = ["<h2>Painkillers</h2>"]
    if not doses.medicines:
        parts.append(none_recorded("No as-needed doses recorded in this period"))
    else:
        first = doses.weeks[0]
        short = "" if first.days == WEEK_DAYS else f"; the first has {first.days} days"
        parts.append(
            f"<p>As-needed doses per week, {doses.total} in all (weeks of 7 days counted back "
            f"from {esc(short_day(data.end))}{short}; each column shows the day its week "
            "starts).</p>"
        )
        for index in range(0, len(doses.weeks), WEEKS_PER_TABLE):
            weeks = doses.weeks[index : index + WEEKS_PER_TABLE]
            headers = ["Medicine", *(f"{w.first_day.day}<br>{w.first_day:%b}" for w in weeks)]
            rows = [
                [f"<b>{esc(name)}</b>", *(str(w.counts[column]) for w in weeks)]
                for column, name in enumerate(doses.medicines)
            ]
            if len(doses.medicines) > 1:
                rows.append(["<b>All</b>", *(f"<b>{w.total}</b>" for w in weeks)])
            width = MEDICINE_COLUMN + WEEK_COLUMN * len(weeks)
            widths = (100 * MEDICINE_COLUMN / width, *(100 * WEEK_COLUMN / width,) * len(weeks))
            parts.append(table(headers, rows, widths=widths, width=width))
    if doses.regular:
        names = ", ".join(esc(n) for n in doses.regular)
        parts.append(f"<p>Also recorded as regular (not as-needed) doses: {names}.</p>")
    return "".join(parts)


def medicines_section(data: SummaryData) -> str:
    """Each regular medicine's doses in the period, and the steroid dose due now."""
    medicines = data.medicines
    if medicines is None:  # the journal has none
        return ""
    parts = ["<h2>Regular medicines</h2>"]
    if not medicines.lines:
        return parts[0] + none_recorded("No regular medicine due in this period")
    heads = ("Medicine", "Schedule", "Due", "Taken", "Skipped", "Not&nbsp;recorded")
    rows = [
        (f"<b>{esc(m.name)}</b>", esc(m.schedule), str(m.due), str(m.taken), str(m.skipped),
         f"<b>{m.not_recorded}</b>" if m.not_recorded else "0")
        for m in medicines.lines
    ]  # fmt: skip
    counted = esc(short_day(medicines.counted_to))
    steroid = medicines.steroid_now  # one sentence above the table: the section stays short
    now = f"; <b>current steroid dose</b>: {esc(steroid)}" if steroid else ""
    parts.append(f"<p>Doses due up to {counted}{now}.</p>")
    parts.append(table(heads, rows, "entries", widths=(34, 22, 8, 9, 11, 16)))
    return "".join(parts)
