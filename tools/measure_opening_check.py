"""The cost of the opening check's two parts on a journal: ``PRAGMA quick_check`` and the schema
check (tables and columns against those of the journal's revision), each the median of 21 runs.

    .venv/bin/python main.py demo --years 10 --data-dir /tmp/ten
    .venv/bin/python tools/measure_opening_check.py /tmp/ten/journal.sqlite3
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tracker.storage import later_models, models  # noqa: F401 - imported before the check runs
from tracker.storage.journal_file import journal_problem
from tracker.storage.schema_check import journal_schema_problem

RUNS = 21


def measure(check: Callable[[Path], str | None], path: Path) -> tuple[float, float, float]:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        problem = check(path)
        times.append((time.perf_counter() - start) * 1000)
        if problem is not None:
            raise SystemExit(f"{path}: {problem}")
    return statistics.median(times), min(times), max(times)


def main() -> None:
    path = Path(sys.argv[1])
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB), ms: median (min-max) of {RUNS}")
    for name, check in (("quick_check", journal_problem), ("schema", journal_schema_problem)):
        median, low, high = measure(check, path)
        print(f"  {name:12} {median:7.2f} ({low:.2f}-{high:.2f})")


if __name__ == "__main__":
    main()
