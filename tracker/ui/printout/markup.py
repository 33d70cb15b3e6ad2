"""The summary's HTML building blocks for a ``QTextDocument``: its style sheet, escaping, tables
and notes. Every text the person wrote is escaped (``html.escape``): a note that holds HTML
prints as typed."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from tracker.domain.summary import NONE_RECORDED

BASE_PT = 10
NOTE_PT = 8.5

STYLE = f"""
body {{ font-size: {BASE_PT}pt; }}
h1 {{ font-size: 16pt; font-weight: bold; margin-top: 0px; margin-bottom: 2px; }}
h2 {{ font-size: 11.5pt; font-weight: bold; margin-top: 5px; margin-bottom: 2px; }}
h3 {{ font-size: 10.5pt; font-weight: bold; margin-top: 5px; margin-bottom: 2px; }}
p {{ margin-top: 0px; margin-bottom: 2px; }}
p.note {{ font-size: {NOTE_PT}pt; font-style: italic; }}
p.none {{ font-style: italic; }}
p.picture {{ margin-top: 3px; margin-bottom: 0px; }}
table {{ border-collapse: collapse; border-color: #000000; border-style: solid; }}
table.data {{ font-size: 8.5pt; margin-bottom: 2px; }}
table.entries {{ font-size: 8.5pt; }}
th {{ font-weight: bold; text-align: left; background-color: #e8e8e8; }}
table.data td, table.data th {{ padding-top: 1px; padding-bottom: 1px;
    padding-left: 3px; padding-right: 3px; }}
"""


def esc(text: str) -> str:
    """User text for HTML: escaped, with its line breaks kept."""
    return html.escape(text, quote=True).replace("\r\n", "\n").replace("\n", "<br>")


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    css: str = "data",
    widths: Sequence[float] = (),
    *,
    repeat_header: bool = False,
    width: float = 100,
) -> str:
    """A bordered table; cells are HTML already (escape before). ``widths`` in percent.
    ``repeat_header``: the header row is repeated on each page the table runs onto (only for
    long tables: Qt repeats it even when just a table's bottom border crosses the page end,
    over the text that follows)."""
    head = "".join(
        f'<th width="{widths[i]:.4g}%">{h}</th>' if i < len(widths) else f"<th>{h}</th>"
        for i, h in enumerate(headers)
    )
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    head = f"<thead><tr>{head}</tr></thead>" if repeat_header else f"<tr>{head}</tr>"
    return (
        f'<table class="{css}" width="{width:g}%" border="1" cellspacing="0" cellpadding="2">'
        f"{head}{body}</table>"
    )


def none_recorded(text: str = NONE_RECORDED) -> str:
    return f'<p class="none">{esc(text)}.</p>'


def regular(text: str) -> str:
    return f'<span style="font-weight: normal">{esc(text)}</span>'


def note(text: str) -> str:
    """A note's words inside another paragraph (as ``p.note`` sets a paragraph)."""
    return f'<span style="font-size: {NOTE_PT}pt; font-style: italic">{esc(text)}</span>'
