# TT Desk — every target bootstraps first (Debian packages, .venv), so on a fresh Debian 12
# machine `make run` and `make test` are all it takes. Logic lives in scripts/.
SHELL := /bin/bash
VENV  := .venv
BIN   := $(VENV)/bin
CASES ?= 300
SEED  ?= 1
export LANG := C.UTF-8

.PHONY: bootstrap run test lint demo bundle deb smoke-bare installer-check bench clean

bootstrap:
	@bash scripts/bootstrap.sh

run: bootstrap  ## start the desktop app on the default SQLite database (ARGS="--db URL")
	$(BIN)/ttdesk $(ARGS)

lint: bootstrap
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: lint  ## ruff, import contracts, then the whole test suite (Qt offscreen, PostgreSQL too)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

demo: bootstrap  ## fill the default database with demo data (CASES=300 SEED=1)
	$(BIN)/ttdesk-cli demo --cases $(CASES) --seed $(SEED)

bundle:  ## PyInstaller one-folder build in dist/ttdesk, then its --self-test offscreen
	@bash scripts/bundle.sh

deb: bootstrap  ## dist/ttdesk_VERSION_amd64.deb (installs to /opt/ttdesk); builds the bundle first when missing
	@[ -x dist/ttdesk/ttdesk-cli ] || bash scripts/bundle.sh
	@bash scripts/make_deb.sh

smoke-bare:  ## install the newest dist/*.deb into a bare Debian 12 root: libraries, self-test, a window
	@bash scripts/smoke_bare.sh

installer-check: bootstrap  ## compile the Windows installer script (NSIS) around a stand-in folder
	@bash scripts/build_installer.sh --check

bench: bootstrap  ## the benchmarks of quality.md (not part of the test suite)
	@bash scripts/bench.sh

clean:
	rm -rf build dist .pytest_cache
