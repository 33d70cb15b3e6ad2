"""Standard output as Windows has it when redirected (its code page, here cp1252): ``export
--out -`` writes the same bytes as ``export --out FILE`` (a code page has no byte order mark),
and a message naming a folder outside the code page does not fail the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE_JOURNAL, REPO, run_cli
from tests.encrypted_cli import passphrase_arguments


def test_a_csv_export_to_standard_output_is_the_file_byte_for_byte(
    data_dir: Path, tmp_path: Path
) -> None:
    assert run_cli("import", str(EXAMPLE_JOURNAL), data_dir=data_dir).returncode == 0
    out = tmp_path / "entries.csv"
    assert (
        run_cli("export", "--format", "csv", "--out", str(out), data_dir=data_dir).returncode == 0
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONIOENCODING": "cp1252",
        "SPINE_JOURNAL_DATA_DIR": str(data_dir),
    }
    result = subprocess.run(
        [
            *(sys.executable, str(REPO / "main.py"), "export", "--format", "csv", "--out", "-"),
            *passphrase_arguments(run_cli, data_dir),
        ],
        capture_output=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    written = out.read_bytes()
    assert written.startswith("\ufeff".encode()) and b"\r\n" in written
    assert b"\r\r\n" not in written
    assert result.stdout == written


def test_a_message_naming_a_folder_outside_the_windows_code_page_does_not_fail_the_command(
    tmp_path: Path,
) -> None:
    """As on Windows with standard output redirected: the code page cannot write "Ł"."""
    from tracker.storage.database import open_journal

    folder = tmp_path / "Łucja" / "journal"
    open_journal(folder).close()
    result = run_cli(
        "backup",
        data_dir=folder,
        env={"PYTHONIOENCODING": "cp1252"},
    )
    assert result.returncode == 0, result.stderr
    assert "\\u0141ucja" in result.stdout  # the message is written, the character escaped
    assert any((folder / "backups").iterdir())  # and the work was done
