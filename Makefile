# quotecheck: `make demo` and `make test` work on a fresh machine with Python 3.11 and make.
# `make demo` installs the package alone (regex and pydantic); `make test` adds the
# development tools (the dev and dask extras: pytest, mypy, ruff, pandas, Jupyter's
# kernel, Dask) to the same .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGE := $(VENV)/.package
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck fuzz bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(PACKAGE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(PACKAGE)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(PACKAGE) $(STAMP)

demo: $(PACKAGE)
	$(BIN)/quotecheck --format table fixtures/nato-russia-talks.txt

lint: $(STAMP)
	$(BIN)/ruff check quotecheck tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck
	$(BIN)/pytest

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest tests -m property -p no:cacheprovider

bench: $(STAMP)
	$(BIN)/python benchmarks/throughput.py
	$(BIN)/python benchmarks/hostile.py
	$(BIN)/python benchmarks/verify_speed.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache .hypothesis
