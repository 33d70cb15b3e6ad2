# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Debian packages Qt's offscreen platform, the tests' PDF reading, the screenshots and the test
# that a PDF opens no socket (strace) need.
DEB_PACKAGES := libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 \
	libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 \
	libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-dejavu-core poppler-utils xvfb xauth \
	desktop-file-utils strace

.PHONY: run test lint bench bundle deps screenshot clean install-desktop uninstall-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstalls only when pyproject.toml is newer than the last install.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/python main.py $(ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The one-folder app for this machine: dist/SpineJournal/SpineJournal (.exe on Windows), built
# with PyInstaller (tools/build_bundle.py; its work files, .spec and icons go to build/).
bundle: $(VENV)/.installed-test
	$(BIN)/python tools/build_bundle.py

screenshot: $(VENV)/.installed-test
	$(BIN)/python docs/screenshot.py

# Linux: Spine Journal in your application menu (this checkout's .venv/bin/spine-journal), with
# its icon; under $XDG_DATA_HOME, else ~/.local/share. Nothing else is changed.
install-desktop: $(VENV)/.installed-run
	$(BIN)/python tools/desktop_entry.py install --exec "$(CURDIR)/$(BIN)/spine-journal"

uninstall-desktop:
	$(PYTHON) tools/desktop_entry.py uninstall

# As root, on a fresh Debian machine: the system libraries above (installs only what is missing).
deps:
	@missing=""; for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
