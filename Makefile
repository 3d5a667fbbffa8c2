# Two commands do everything on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
# axe-core for the browser tests, from npm (package.json, package-lock.json).
AXE    := node_modules/axe-core/axe.min.js

.PHONY: build test lint typecheck pytest golden bench fuzz clean

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

## Fuzz the loader, the rules and rendering for ten minutes (SAMPLAN_FUZZ_SECONDS=600).
fuzz: $(DEVSTAMP)
	SAMPLAN_FUZZ_SECONDS=$${SAMPLAN_FUZZ_SECONDS:-600} $(BIN)/pytest -q tests/test_fuzz.py

# The peers of `make bench` (yamllint, check-jsonschema, DeepDiff), never samplan's dependencies.
BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): bench-requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --no-deps -r bench-requirements.txt
	touch $@

## Time whole-process runs as ratios to their floors and peers (BENCH_ARGS=--quick: one run).
bench: $(STAMP) $(BENCH_STAMP)
	$(BIN)/python scripts/bench.py --peers $(BENCH_VENV)/bin $(BENCH_ARGS)

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
