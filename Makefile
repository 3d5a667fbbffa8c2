# Two commands do everything on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
# axe-core for the browser tests, from npm (package.json, package-lock.json).
AXE    := node_modules/axe-core/axe.min.js

.PHONY: build test lint typecheck pytest golden bench fuzz clean locale

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

## Install and render every plan in data/ into out/.
build: $(STAMP)
	$(BIN)/samplan build --data data --out out

$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else echo "npm not found: the browser tests skip (and fail under CI=true)"; fi

## Install with the dev extras and run ruff, mypy and pytest (browser tests included).
test: $(DEVSTAMP) $(AXE)
	$(BIN)/ruff check samplan tests scripts
	$(BIN)/ruff format --check samplan tests scripts
	$(BIN)/mypy
	$(BIN)/pytest

## Rewrite the golden files under tests/golden/ from data/ (review the diff!).
golden: $(DEVSTAMP)
	$(BIN)/python scripts/update_golden.py

## Message catalogs: extract the message ids, add new ones to both catalogs, compile the .mo files.
locale: $(DEVSTAMP)
	$(BIN)/pybabel extract -k t -k tn:1,2 -k N_ --no-default-keywords --no-location --omit-header \
	  --sort-output -o samplan/locale/samplan.pot samplan
	$(BIN)/pybabel update -i samplan/locale/samplan.pot -d samplan/locale -D samplan \
	  --ignore-obsolete --no-fuzzy-matching --width 100
	$(BIN)/pybabel compile -d samplan/locale -D samplan --statistics

## Fuzz the loader, the rules and rendering for ten minutes (SAMPLAN_FUZZ_SECONDS=600).
fuzz: $(DEVSTAMP)
	SAMPLAN_FUZZ_SECONDS=$${SAMPLAN_FUZZ_SECONDS:-600} $(BIN)/pytest -q tests/test_fuzz.py

## Time whole-process runs (medians), relative to importing yaml and pydantic.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
