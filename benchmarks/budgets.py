"""The figures of ``make bench`` (``benchmarks/__main__.py``): what each measures, their budgets
(most of them a ratio of the app's figure to its floor's, measured in the same run), and the
table printed and the budgets checked from their medians.

What each side includes:
- Start-up figures (fresh processes with cached bytecode; one uncounted warm-up round, then
  rounds of one process of each kind, interleaved): from the instant the parent starts the
  child (``time.time()``) to an instant the child takes in a zero timer started inside the
  watched widget's first Paint event, so interpreter start-up is on both sides.
  ``first_frame_ms``: the app through its real entry point (``tracker.app.main``, as
  ``python main.py`` runs it), its central widget's first paint; ``bare_window_ms``: a bare
  QMainWindow of the same size, its central widget's first paint. ``journal_ready_ms``: to
  the ``journal_ready`` signal: the form can be saved and the latest entries are listed (the
  probe checks both). On a journal the quick check passed, that comes before SQLAlchemy and
  the services are imported: the entries are read with ``sqlite3`` alone, and a save pressed
  before the imports are done waits for them (``tracker.app_run.AppRun``); the
  services follow within a few hundred milliseconds. ``ready_floor_ms``: the bare window, then
  ``import sqlalchemy.orm`` after its first paint. ``chart_visible_ms``: the Trends tab
  chosen as soon as the journal is ready, to the trend chart's first paint (its default 90
  days); ``chart_floor_ms``: the ready floor, then matplotlib's Qt backend imported and an
  empty figure's canvas painted in the window. ``chart_panels_floor_ms`` (no budget): the same
  with a figure of four empty panels (matplotlib's own axes and ticks) instead, as many panels
  as the trend chart has, to show what matplotlib's panels cost before anything is drawn in
  them. ``themed_window_ms`` (no budget): the bare window with the app's theme installed
  first (``tracker.ui.theme.install``: the desktop's scheme read, which makes PySide6 build the
  ``Qt`` namespace's enum classes, then the palette and the style sheet), to show what any
  window themed so costs before its first paint. The floors and the app run under the same
  conditions (``benchmarks/probe.py``).
  ``form_responsive_ms`` (no budget): to the first
  moment after ``journal_ready`` that the event loop is free (a key press in the form would be
  handled), i.e. after whatever the app does in the same slot.
- ``peak_rss_mib``: the app process's peak resident set (``ru_maxrss``) when its chart has
  painted, in the start-up runs.
- ``import_ms``: from the parsed journal (``Journal`` records, the file already read and
  parsed) to the import committed, through ``ExchangeService.import_journal`` (id checks,
  mapping to rows, Core bulk inserts, the treatments one by one, the profile and contacts, one
  transaction; WAL, ``synchronous=FULL``, foreign keys on). ``raw_import_ms``: the same rows,
  already as SQL parameter tuples, written with ``sqlite3.executemany`` into a copy of the same
  empty journal with the same pragmas, one transaction. Both end at the commit; the harness
  checks that both files then hold the same number of rows in every table.
  ``import_file_ms`` (no budget): the file read and parsed, then the same import.
- ``save_entry_ms``, ``redraw_all_ms``, ``bare_redraw_ms``, ``summary_pdf_ms``, and
  ``redraw_changed_ms`` (no budget: a redraw just after a save, reading the journal again): in
  one app process on a copy of the journal; see ``benchmarks/inprocess.py``.
- Only when the bundle ``dist/SpineJournal`` exists (``make bundle``; else they are skipped,
  and the run says so), no budget: ``bundle_first_frame_ms`` and ``bundle_journal_ready_ms``,
  its executable started with ``--smoke-test`` on the same journal in each start-up round,
  just after the app (``first_frame_ms``, ``journal_ready_ms``: the same instants, taken the
  same way, by ``tracker/smoke.py``), with the environment less its ``PYTHON*`` variables; and
  ``bundle_size_mib``, the size of its files. The bundle is measured as it was last built.
"""

from __future__ import annotations

import statistics
from typing import Any

BUDGETS: list[tuple[str, str | None, float, str]] = [
    # key, baseline key, limit, kind ("x" = times the baseline, "abs" = absolute)
    ("first_frame_ms", "bare_window_ms", 1.3, "x"),
    ("journal_ready_ms", "ready_floor_ms", 1.3, "x"),
    ("chart_visible_ms", "chart_floor_ms", 1.3, "x"),
    ("save_entry_ms", None, 30, "abs"),
    ("redraw_all_ms", "bare_redraw_ms", 1.5, "x"),
    ("summary_pdf_ms", None, 1000, "abs"),
    ("import_ms", "raw_import_ms", 5, "x"),
    # the encrypted journal (benchmarks/encrypted.py): key derivation apart, as kdf_ms
    ("open_encrypted_ms", "open_plain_ms", 1.3, "x"),
    ("save_encrypted_ms", None, 30, "abs"),
    ("peak_rss_mib", None, 220, "abs"),
]
INFORMATION = [
    "chart_panels_floor_ms",
    "themed_window_ms",
    "form_responsive_ms",
    "import_file_ms",
    "kdf_ms",
    "read_all_encrypted_ms",
    "read_all_plain_ms",
    "redraw_changed_ms",
    "bundle_first_frame_ms",
    "bundle_journal_ready_ms",
    "bundle_size_mib",
]  # measured and written, no budget

Table = dict[str, dict[str, Any]]


def summary(samples: list[float]) -> dict[str, Any]:
    return {
        "median": round(statistics.median(samples), 2),
        "min": round(min(samples), 2),
        "max": round(max(samples), 2),
        "runs": len(samples),
        "samples": [round(sample, 2) for sample in samples],  # in the order measured
    }


def allowed(table: Table, baseline: str | None, limit: float, kind: str) -> float:
    return limit if kind == "abs" else limit * float(table[str(baseline)]["median"])


def check_budgets(table: Table) -> list[str]:
    missed = []
    for key, baseline, limit, kind in BUDGETS:
        if key not in table or (baseline is not None and baseline not in table):
            missed.append(f"{key}: not measured")
            continue
        value = float(table[key]["median"])
        budget = allowed(table, baseline, limit, kind)
        if value > budget:
            missed.append(f"{key}: median {value:.1f} is over its budget of {budget:.1f}")
    return missed


def print_table(table: Table) -> None:
    rows: list[tuple[str, str]] = []
    for key, baseline, limit, kind in BUDGETS:
        if key in table and (baseline is None or baseline in table):
            budget = allowed(table, baseline, limit, kind)
            verdict = "pass" if float(table[key]["median"]) <= budget else "FAIL"
            words = f"{limit} x {baseline} = " if kind == "x" else ""
            rows.append((key, f"<= {words}{budget:.1f}  {verdict}"))
        else:
            rows.append((key, "not measured  FAIL"))
        if baseline is not None:
            rows.append((baseline, "(baseline)"))
    rows += [(key, "(information)") for key in INFORMATION]
    width = max(len(name) for name, _budget in rows)
    print(f"{'figure':<{width}} {'median':>9} {'min':>9} {'max':>9} {'runs':>4}  budget")
    for name, said in rows:
        row = table.get(name)
        if row is None:
            print(f"{name:<{width}} {'-':>9} {'':>9} {'':>9} {'':>4}  {said}")
            continue
        print(
            f"{name:<{width}} {row['median']:>9} {row['min']:>9} {row['max']:>9}"
            f" {row['runs']:>4}  {said}"
        )
