"""``make bench``: the app against the floor of its stack, on a generated 10-year journal.

    python -m benchmarks [--rounds N] [--only import,startup,inprocess,encrypted] [--out FILE]

``--rounds``: start-up rounds (default 11); ``--only``: some of the four parts (the budgets of
the parts left out are reported as not measured); ``--out``: the JSON written instead of
``benchmarks/latest.json``. Every figure is the median of at least 5 runs (the start-up ones: of
the rounds), printed with its minimum and maximum beside its baseline measured in the same run,
and written to ``benchmarks/latest.json`` (a generated file, git-ignored). Exits 1 when a budget
is missed, naming it.

What each figure measures, and its budget: ``benchmarks/budgets.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.budgets import check_budgets, print_table, summary
from benchmarks.importing import import_figures

REPO = Path(__file__).resolve().parent.parent
LATEST = REPO / "benchmarks" / "latest.json"
STARTUP_RUNS = 11  # this machine's spells of slowness move a median of 7 by up to a tenth
PARTS = ("import", "startup", "inprocess", "encrypted")
PYCACHE = [""]  # the children's bytecode cache, in the run's temporary folder
BUNDLE = REPO / "dist" / "SpineJournal"  # make bundle


def child_env() -> dict[str, str]:
    """The children's environment. Bytecode is cached (in the run's temporary folder, so that
    nothing is written into the tree), as in any installed copy: without it every start would
    compile the app's modules from source (``PYTHONDONTWRITEBYTECODE`` may be set here)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=PYCACHE[0])
    return env


def probe(*args: str, timeout: float = 300) -> tuple[float, dict[str, Any]]:
    """Run ``python -m benchmarks.probe ARGS``; the instant it was started and its JSON."""
    start = time.time()
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.probe", *args],
        capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=timeout,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"probe {args[0]} failed: {result.stderr[-3000:]}")
    return start, json.loads(result.stdout.strip().splitlines()[-1])


# ---- start-up ------------------------------------------------------------------------------


def startup_round(data_dir: Path) -> dict[str, float]:
    """One fresh process of each kind; milliseconds from its start to each mark. The app runs
    just after the baselines it is held to, so that a slower spell of this shared machine
    falls on both sides as far as it can; the floors given for information come after it."""
    round_: dict[str, float] = {}
    start, marks = probe("bare_window")
    round_["bare_window_ms"] = (marks["first_frame"] - start) * 1000
    start, marks = probe("ready_floor")
    round_["ready_floor_ms"] = (marks["ready"] - start) * 1000
    start, marks = probe("chart_floor")
    round_["chart_floor_ms"] = (marks["chart"] - start) * 1000
    start, marks = probe("app", str(data_dir))
    if not marks.get("save_enabled") or not marks.get("entries_listed"):
        raise RuntimeError(f"journal_ready came before the form or the entries were ready: {marks}")
    round_["first_frame_ms"] = (marks["first_frame"] - start) * 1000
    round_["journal_ready_ms"] = (marks["ready"] - start) * 1000
    round_["chart_visible_ms"] = (marks["chart"] - start) * 1000
    round_["form_responsive_ms"] = (marks["responsive"] - start) * 1000
    round_["peak_rss_mib"] = marks["peak_rss_mib"]
    if BUNDLE.is_dir():
        round_.update(bundle_start(data_dir))
    start, marks = probe("chart_panels_floor")
    round_["chart_panels_floor_ms"] = (marks["chart"] - start) * 1000
    start, marks = probe("themed_window")
    round_["themed_window_ms"] = (marks["first_frame"] - start) * 1000
    return round_


def bundle_executable() -> Path:
    from tools.build_bundle import executable

    return executable(BUNDLE)


def bundle_start(data_dir: Path) -> dict[str, float]:
    """The bundle's executable with ``--smoke-test`` on the journal: milliseconds from its start
    to its first frame and to ``journal_ready`` (``tracker/smoke.py``)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    start = time.time()
    result = subprocess.run(
        [str(bundle_executable()), "--smoke-test", "--data-dir", str(data_dir)],
        capture_output=True, text=True, env=env, cwd=BUNDLE.parent, timeout=300,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"the bundle's --smoke-test failed: {result.stderr[-3000:]}")
    marks = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        "bundle_first_frame_ms": (marks["first_frame"] - start) * 1000,
        "bundle_journal_ready_ms": (marks["journal_ready"] - start) * 1000,
    }


def bundle_size_mib() -> float:
    """The size of the bundle's files (``du -s`` counts blocks, a little more)."""
    files = (path for path in BUNDLE.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / 2**20


def startup_figures(data_dir: Path, rounds: int) -> dict[str, list[float]]:
    startup_round(data_dir)  # warm-up, not counted: the page cache as after any earlier start
    figures: dict[str, list[float]] = {}
    for _ in range(rounds):
        for key, value in startup_round(data_dir).items():
            figures.setdefault(key, []).append(value)
    return figures


# ---- in one process --------------------------------------------------------------------------


def inprocess_figures(data_dir: Path, work: Path) -> dict[str, list[float]]:
    copy = work / "journal-10y-inprocess"  # the saves add entries: not the start-up journal
    shutil.copytree(data_dir, copy)
    _start, values = probe("inprocess", str(copy), timeout=900)
    return {key: samples for key, samples in values.items() if samples}


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="make bench")
    parser.add_argument("--rounds", type=int, default=STARTUP_RUNS, help="start-up rounds")
    parser.add_argument(
        "--only",
        default=",".join(PARTS),
        help=f"a comma-separated choice of {', '.join(PARTS)}",
    )
    parser.add_argument("--out", type=Path, default=LATEST, help="the JSON file written")
    args = parser.parse_args(argv)
    args.parts = set(args.only.split(","))
    if not args.parts <= set(PARTS) or args.rounds < 1:
        parser.error(f"--only takes some of {', '.join(PARTS)}; --rounds at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = arguments(sys.argv[1:] if argv is None else argv)
    sys.path.insert(0, str(REPO))
    from tracker.domain import journal_writing
    from tracker.domain.demo import build_demo_journal

    began = time.monotonic()
    figures: dict[str, list[float]] = {}
    work = Path(tempfile.mkdtemp(prefix="spine-bench-"))
    PYCACHE[0] = str(work / "pycache")
    try:
        journal_file = work / "journal-10y.json"
        # Ending today, as a journal in use does: the history's "last 30 days" and the chart's
        # 90 days then show entries.
        journal = build_demo_journal(10, end=date.today(), busy=True)
        journal_file.write_text(journal_writing.dumps(journal), encoding="utf-8")
        print(f"10-year journal: {journal.counts()}", flush=True)
        if BUNDLE.is_dir():
            figures["bundle_size_mib"] = [bundle_size_mib()]
            print(f"bundle: {bundle_executable().relative_to(REPO)}, as last built", flush=True)
        else:
            print("bundle figures skipped: no dist/SpineJournal (`make bundle` builds it)")
        imported, data_dir = import_figures(journal_file, work)
        if "import" in args.parts:
            figures.update(imported)
        if "startup" in args.parts:
            print("import done; start-up ...", flush=True)
            figures.update(startup_figures(data_dir, args.rounds))
        if "inprocess" in args.parts:
            print("save, redraw, summary ...", flush=True)
            figures.update(inprocess_figures(data_dir, work))
        if "encrypted" in args.parts:
            from benchmarks import encrypted

            print("the encrypted journal ...", flush=True)
            figures.update(encrypted.figures(data_dir, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    table = {key: summary(samples) for key, samples in sorted(figures.items())}
    args.out.write_text(json.dumps(table, indent=2) + "\n", encoding="utf-8")
    print_table(table)
    print(f"({time.monotonic() - began:.0f} s; written to {args.out})")
    missed = check_budgets(table)
    for line in missed:
        print(f"BUDGET MISSED: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
