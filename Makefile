# Two commands do all the set-up on a machine with only python3:
#   make run    installs into .venv and extracts corpus/ into out/
#   make test   installs into .venv (with test extras) and runs the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test install install-test evaluate conformance bench lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

run: install
	mkdir -p out
	$(BIN)/extract corpus/ -o out/corpus.jsonl --facts-csv out/facts.csv

test: install-test
	$(BIN)/ruff check pipeline tests bench scripts
	$(BIN)/python -m pytest -q

evaluate: install
	$(BIN)/evaluate gold/

conformance: install
	$(BIN)/python scripts/conformance.py

bench: install
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/benchmark.py

clean:
	rm -rf $(VENV) out build *.egg-info
