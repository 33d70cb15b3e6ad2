"""Shared test set-up. Qt's platform is chosen before anything imports Qt, and every test gets
its own data folder: no test ever touches the real journal."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from PySide6.QtGui import QFont

REPO = Path(__file__).resolve().parent.parent
# Copies of the published files the tests read, so that a clone anywhere runs them; the copies
# are checked against the published ones in ``../shared`` when it is beside the checkout
# (tests/unit/test_fixtures_match_published.py).
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLE_JOURNAL = FIXTURES / "formats" / "example-journal.json"
SCHEMA = FIXTURES / "formats" / "journal-v1.schema.json"
RED_FLAGS_MD = FIXTURES / "clinical" / "red-flags.md"
ESAS_MD = FIXTURES / "clinical" / "esas-r.md"
PUBLISHED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default data folder points into a temporary home, never the real one."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.delenv("SPINE_JOURNAL_DATA_DIR", raising=False)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Qt's settings (the window's remembered place) in a temporary folder of each test: no
    test reads what another left, nor writes outside its temporary folders."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("settings"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app opens no network connection, ever: in tests any attempt to make an internet
    socket fails loudly (local Unix sockets stay allowed)."""
    import socket

    class GuardedSocket(socket.socket):  # the real class, taken before it is replaced
        def __init__(self, family: int = -1, *args: object, **kwargs: object) -> None:
            if family in (socket.AF_INET, socket.AF_INET6):
                raise AssertionError("a test tried to open a network socket")
            super().__init__(family, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "socket", GuardedSocket)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: GuardedSocket(socket.AF_INET))


@pytest.fixture(autouse=True)
def _themed_as_the_app(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test with a QApplication runs it themed, as the app always runs (its palette and
    style sheet: ``theme.install``, as ``tracker.app`` does), so no test draws otherwise
    depending on which tests ran before it. A test that switched the colour scheme or the text
    size has the theme put back afterwards."""
    if "qapp" not in request.fixturenames:
        yield
        return
    from PySide6.QtWidgets import QApplication

    from tracker.ui import theme

    applied = theme.install(request.getfixturevalue("qapp"))
    first = _FIRST_THEME.setdefault("state", (applied.dark, applied.base_point_size))
    font = _FIRST_FONT.setdefault("font", QApplication.font())
    yield
    if (applied.dark, applied.base_point_size) != first:
        applied.dark, applied.base_point_size = first
        applied.apply()
    # Larger text sets the application's font too (for dialogs opened later): a window made by
    # the next test would otherwise start with its widgets at the larger size.
    if QApplication.font() != font:
        QApplication.setFont(font)


_FIRST_THEME: dict[str, tuple[bool, float]] = {}  # dark or not, and the text size, as installed
_FIRST_FONT: dict[str, QFont] = {}  # the application's font, as it was first


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    return folder


@pytest.fixture
def db(data_dir: Path) -> Iterator[object]:
    from tracker.storage.database import open_journal

    database = open_journal(data_dir)
    yield database
    database.close()


def run_cli(
    *args: str,
    data_dir: Path | None = None,
    cwd: Path | None = None,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS`` as a separate process, as a person would run it."""
    command = [sys.executable, str(REPO / "main.py"), *args]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        input=stdin,
        env=full_env,
        timeout=120,
    )


# ---- the same suites on an encrypted journal (issue 18) ---------------------------------------

# These modules (storage, backups, the window's stories) run twice: on a plain journal and on
# one encrypted with a passphrase's key (the key is held for the test's folder, so every journal
# they start is encrypted; after each test, every journal left in its folder is checked to be).
# A test marked ``plain_journal`` runs once, plain: a child process of it would hold no key, or
# an encrypted journal behaves otherwise on purpose (its every export warns).
ENCRYPTED_SUITES = frozenset(
    {
        "test_storage",
        "test_backups",
        "test_data_safety_stories",
        "test_entry_stories",
        "test_alert_stories",
        "test_check_in_stories",
        "test_medicines_stories",
    }
)
# The export commands' suites, the same way through ``tests.encrypted_cli``: each data folder a
# command is given is protected with a passphrase first, and the command given its file.
ENCRYPTED_CLI_SUITES = frozenset(
    {
        "test_exchange_cli",
        "test_journal_v2_cli",
        "test_calendar_cli",
        "test_esas_cli",
        "test_medicines_cli",
        "test_date_range",
        "test_report_cli",
        "test_stdout_bytes",
        "test_cli",
    }
)
# a fixed key, as Argon2id would give one (tests/unit/test_cipher.py tests the derivation)
TEST_KEY = bytes(range(32))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    module = Path(str(metafunc.module.__file__)).stem
    plain_only = metafunc.definition.get_closest_marker("plain_journal") is not None
    suites = ENCRYPTED_SUITES | ENCRYPTED_CLI_SUITES
    if module in suites and "journal_kind" in metafunc.fixturenames and not plain_only:
        metafunc.parametrize("journal_kind", ["plain", "encrypted"], indirect=True)


class _CipherSqlite:
    """``sqlite3`` as the tests of an encrypted journal see it: ``connect`` gives the key to
    a file that is encrypted (or new in the test's folder); everything else is ``sqlite3``'s."""

    def __init__(self) -> None:
        import sqlite3

        self._sqlite3 = sqlite3

    def connect(self, target: object, uri: bool = False, **kwargs: Any) -> object:
        from urllib.parse import unquote, urlsplit

        from tracker.storage import cipher

        if uri and str(target).startswith("file:"):
            parts = urlsplit(str(target))
            return cipher.connect(Path(unquote(parts.path)), parts.query, **kwargs)
        if str(target) == ":memory:":
            return self._sqlite3.connect(str(target), **kwargs)
        return cipher.connect(Path(str(target)), "", **kwargs)

    def __getattr__(self, name: str) -> object:
        return getattr(self._sqlite3, name)


@pytest.fixture(autouse=True)
def journal_kind(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    kind: str = getattr(request, "param", "plain")
    if kind == "plain":
        yield kind
        return
    from tracker.storage import cipher
    from tracker.storage.journal_file import JOURNAL_NAME

    folder = request.getfixturevalue("tmp_path")
    cli = None
    if Path(str(request.module.__file__)).stem in ENCRYPTED_CLI_SUITES:
        from tests.encrypted_cli import WithPassphrase

        cli = WithPassphrase(
            run_cli, request.getfixturevalue("tmp_path_factory").mktemp("keys"), folder
        )
        monkeypatch.setattr(request.module, "run_cli", cli)
    else:
        cipher.remember(folder, TEST_KEY)
    monkeypatch.setattr(request.module, "sqlite3", _CipherSqlite(), raising=False)
    try:
        yield kind
        # the encrypted run was one: every journal the test left is encrypted (for a command
        # suite, in each folder a command was given)
        if cli is None:
            left = [path for path in folder.rglob(JOURNAL_NAME) if path.stat().st_size]
            assert all(cipher.is_encrypted(path) for path in left), left
        else:
            assert cli.plain_journals() == []
    finally:
        cipher.forget(folder)
        if cli is not None:
            cli.close()
