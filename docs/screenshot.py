"""Re-take the README's screenshot: the main window on a fresh demo journal, on a real X screen.

    make screenshot        (or: .venv/bin/python docs/screenshot.py)

Without a display it re-runs itself under Xvfb (Debian's xvfb package, installed by
`make deps`). The picture is a grab of the whole virtual screen, as a person would see it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "main-window.png"
SCREEN = "1280x720x24"


def main() -> int:
    if not os.environ.get("DISPLAY"):
        if shutil.which("xvfb-run") is None:
            print("screenshot: xvfb-run is missing (run `make deps` as root).", file=sys.stderr)
            return 1
        command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN}", sys.executable, __file__]
        return subprocess.call(command, env={**os.environ, "QT_QPA_PLATFORM": "xcb"})
    sys.path.insert(0, str(REPO))
    with tempfile.TemporaryDirectory() as folder:
        demo = subprocess.run(
            [sys.executable, str(REPO / "main.py"), "demo", "--data-dir", folder],
            capture_output=True, text=True,
        )  # fmt: skip
        if demo.returncode != 0:
            print(demo.stderr, file=sys.stderr)
            return 1
        return _shoot(Path(folder))


def _shoot(folder: Path) -> int:
    from PySide6.QtCore import QTimer

    from tracker.app import _application, build_window

    app = _application()
    session = build_window(folder)
    window = session.window
    window.setGeometry(0, 0, 1280, 720)
    window.showMaximized()

    def grab() -> None:
        screen = app.primaryScreen()
        screen.grabWindow(0).save(str(OUT))
        print(f"Saved {OUT}")
        app.quit()

    QTimer.singleShot(6000, grab)
    app.exec()
    session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
