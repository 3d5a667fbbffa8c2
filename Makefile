# Two commands do everything on a fresh machine: `make build` and `make test`.
# Both install exactly what uv.lock pins (hash-checked), with uv, which is itself installed
# from a hash-pinned requirements/uv.txt; the package's own metadata keeps ranges.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
TOOLS  := .venv-tools
UV     := $(TOOLS)/bin/uv
STAMP  := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
# axe-core for the browser tests, from npm (package.json, package-lock.json).
AXE    := node_modules/axe-core/axe.min.js
# uv uses this machine's Python, never one it downloads, and syncs into $(VENV).
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
# --locked: fail, instead of resolving again, when pyproject.toml and uv.lock disagree.
SYNC := $(UV) sync --locked --python $(PYTHON)

.PHONY: build test lint typecheck pytest test-pyyaml-oldest test-latest lock golden bench fuzz clean locale

$(UV): requirements/uv.txt
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --quiet --require-hashes --no-deps -r requirements/uv.txt
	touch $@

$(STAMP): pyproject.toml uv.lock | $(UV)
	$(SYNC) --inexact
	touch $@

$(DEVSTAMP): pyproject.toml uv.lock | $(UV)
	$(SYNC) --extra dev
	touch $@ $(STAMP)

## Refresh uv.lock from pyproject.toml (newest releases the ranges allow); review the diff.
lock: | $(UV)
	$(UV) lock --upgrade --python $(PYTHON)

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
	$(MAKE) --no-print-directory test-pyyaml-oldest

# The reading of YAML against the oldest PyYAML the package accepts (the lock has the
# newest): samplan's limits must not depend on the libyaml a wheel bundles.
OLDEST := .venv-oldest
test-pyyaml-oldest: | $(UV)
	@test -x $(OLDEST)/bin/python || $(UV) venv --quiet --python $(PYTHON) $(OLDEST)
	$(UV) export --quiet --locked --extra dev --no-emit-project --no-emit-package pyyaml \
	  --format requirements-txt --output-file $(OLDEST)/requirements.txt
	VIRTUAL_ENV=$(OLDEST) $(UV) pip install --quiet -r $(OLDEST)/requirements.txt \
	  'pyyaml==6.0' -e .
	$(OLDEST)/bin/python -c 'import yaml; print("PyYAML", yaml.__version__)'
	$(OLDEST)/bin/pytest -p no:cacheprovider tests/test_yamlsource.py tests/test_hostile.py

## Run the whole suite against the newest releases of every dependency (not the lock), to
## find a break on purpose; it changes nothing in the repository.
test-latest: $(AXE) | $(UV)
	@test -x .venv-latest/bin/python || $(UV) venv --quiet --python $(PYTHON) .venv-latest
	VIRTUAL_ENV=.venv-latest $(UV) pip install --quiet --upgrade --refresh -e '.[dev]'
	VIRTUAL_ENV=.venv-latest $(UV) pip list --quiet 2>/dev/null | grep -i -E '^(pyyaml|pydantic|jinja2|click|markdown|nh3|icalendar|weasyprint) '
	.venv-latest/bin/pytest -p no:cacheprovider

## Rewrite the golden files under tests/golden/ from data/ (review the diff!).
golden: $(DEVSTAMP)
	$(BIN)/python scripts/update_golden.py

## Message catalogs: extract the message ids, add new ones to both catalogs, compile the .mo files;
## the same for click's own words and for the commands' --help (Danish only: their ids are
## the English).
locale: $(DEVSTAMP)
	$(BIN)/pybabel extract -k t -k tn:1,2 -k N_ --no-default-keywords --no-location --omit-header \
	  --sort-output -o samplan/locale/samplan.pot samplan
	$(BIN)/pybabel update -i samplan/locale/samplan.pot -d samplan/locale -D samplan \
	  --ignore-obsolete --no-fuzzy-matching --ignore-pot-creation-date --width 100
	$(BIN)/pybabel compile -d samplan/locale -D samplan --statistics
	$(BIN)/pybabel extract -k _ -k ngettext:1,2 --no-default-keywords --no-location --omit-header \
	  --sort-output -o samplan/locale/click.pot "$$($(BIN)/python -c 'import click, os; print(os.path.dirname(click.__file__))')"
	$(BIN)/pybabel update -i samplan/locale/click.pot -d samplan/locale -D click -l da \
	  --ignore-obsolete --no-fuzzy-matching --ignore-pot-creation-date --width 100
	$(BIN)/pybabel compile -d samplan/locale -D click --statistics
	$(BIN)/python scripts/help_ids.py
	$(BIN)/pybabel update -i samplan/locale/help.pot -d samplan/locale -D help -l da \
	  --ignore-obsolete --no-fuzzy-matching --ignore-pot-creation-date --width 100
	$(BIN)/pybabel compile -d samplan/locale -D help --statistics

## Fuzz the loader, the rules and rendering for ten minutes (SAMPLAN_FUZZ_SECONDS=600).
fuzz: $(DEVSTAMP)
	SAMPLAN_FUZZ_SECONDS=$${SAMPLAN_FUZZ_SECONDS:-600} $(BIN)/pytest -q tests/test_fuzz.py

# The peers of `make bench` (yamllint, check-jsonschema, DeepDiff), never samplan's dependencies.
BENCH_VENV := .venv-bench
BENCH_STAMP := $(BENCH_VENV)/.installed

$(BENCH_STAMP): bench-requirements.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps -r bench-requirements.txt
	touch $@

## Time whole-process runs as ratios to their floors and peers (BENCH_ARGS=--quick: one run).
bench: $(STAMP) $(BENCH_STAMP)
	$(BIN)/python scripts/bench.py --peers $(BENCH_VENV)/bin $(BENCH_ARGS)

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache .venv-oldest .venv-latest
