# One task runner. `make demo` and `make test` work on a fresh machine (Python 3.11).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint audit typecheck bench docs install clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)  ## generate the demo city, import it, compute every indicator, serve the portal on :8000
	$(BIN)/bila demo
	$(BIN)/bila serve --db var/demo.duckdb --demo

test: $(STAMP)  ## the whole test suite
	$(BIN)/pytest

lint: $(STAMP)  ## ruff, mypy --strict on the core, docs up to date
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/bila docs --check

audit: $(STAMP)  ## bandit (no high-severity finding in src/), pip-audit (no known vulnerability in the lock file; needs PyPI)
	$(BIN)/bandit -r src --severity-level high --quiet
	@# without --strict: where PyPI's advisory data is unreachable (this machine kind), packages are listed as
	@# "could not be audited" instead of failing the run; a known vulnerability still fails it
	$(BIN)/pip-audit --requirement requirements.lock --no-deps --disable-pip --progress-spinner off

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)  ## benchmarks (see benchmarks/README.md)
	$(BIN)/python benchmarks/engine/run.py --rows 1000000 10000000

docs: $(STAMP)  ## regenerate docs/catalog.md, docs/cli.md, docs/settings.md
	$(BIN)/bila docs

clean:
	rm -rf $(VENV) var build dist .pytest_cache .mypy_cache .ruff_cache
