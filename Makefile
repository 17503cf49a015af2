# The two set-up commands of the README: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck eval bench migrate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The app's bytecode is compiled at install: with PYTHONDONTWRITEBYTECODE (as in the image)
# every `khabar` process would otherwise compile each module it imports.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/python -m compileall -q app migrations >/dev/null
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/khabar migrate
	$(BIN)/khabar ingest --if-empty samples/ $(wildcard ../shared/seed/*.txt)
	$(BIN)/khabar serve --host 127.0.0.1 --port 8000

lint: $(STAMP)
	$(BIN)/ruff check app tests bench eval migrations
	$(BIN)/ruff format --check app tests bench eval migrations
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy app eval bench

test: lint typecheck
	$(BIN)/pytest

# eval/real is scored when its git-ignored cache of texts is there; otherwise it says how to
# restore it (eval/README.md).
eval: $(STAMP)
	$(BIN)/python -m eval.score
	$(BIN)/python -m eval.score --set heldout
	$(BIN)/python -m eval.real

# `make bench`: 10,000 articles on SQLite; BENCH_ARGS="--articles 100000" for the full size,
# BENCH_ARGS="--engine postgresql" for PostgreSQL. Exits non-zero when a ratio target is missed.
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev,bench]'
	command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -m bench.extraction
	$(BIN)/python -m bench.queries
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.reads
	$(BIN)/python -m bench.jobs
	$(BIN)/python -m bench.asgi_loop
	$(BIN)/python -m bench.http $(BENCH_ARGS)

migrate: $(STAMP)
	$(BIN)/khabar migrate

clean:
	rm -rf $(VENV) data .mypy_cache .ruff_cache .pytest_cache .import_linter_cache
