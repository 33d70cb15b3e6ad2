"""The default data folder is Qt's AppLocalDataLocation for "spine-journal" with no organisation
folder (README, "Where your journal lives"); --data-dir, then SPINE_JOURNAL_DATA_DIR, come
first."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

CODE = "import sys; from tracker.paths import data_dir; print(data_dir(sys.argv[1] or None))"


def _data_dir(option: str = "", **env: str) -> Path:
    result = subprocess.run(
        [sys.executable, "-c", CODE, option],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
        timeout=60,
        check=True,
    )
    return Path(result.stdout.strip())


def test_the_default_data_folder_is_the_systems_application_data_folder(tmp_path: Path) -> None:
    assert "SPINE_JOURNAL_DATA_DIR" not in os.environ
    xdg = tmp_path / "xdg"
    assert _data_dir(XDG_DATA_HOME=str(xdg)) == xdg / "spine-journal"


def test_the_option_comes_before_the_environment_which_comes_before_the_default(
    tmp_path: Path,
) -> None:
    chosen, from_env = tmp_path / "chosen", tmp_path / "from-env"
    assert _data_dir(SPINE_JOURNAL_DATA_DIR=str(from_env)) == from_env
    assert _data_dir(str(chosen), SPINE_JOURNAL_DATA_DIR=str(from_env)) == chosen
