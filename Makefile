# gzetl: `make run` and `make test` do all set-up on a fresh clone.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export UV_PYTHON ?= 3.11
# compile bytecode at install: Dagster and pandera then import in ~2 s instead of ~6 s
export UV_COMPILE_BYTECODE ?= 1

.PHONY: setup run test ui lint typecheck bench clean

# uv itself comes from pip when it is missing (into .tools, never into the system Python).
.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

$(BIN)/gzetl: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --extra dev
	@touch $@

setup: $(BIN)/gzetl $(DAGSTER_HOME)/dagster.yaml

$(DAGSTER_HOME)/dagster.yaml: config/dagster.yaml
	@mkdir -p "$(DAGSTER_HOME)"
	cp config/dagster.yaml "$@"

run: setup ## materialise every asset over raw/ into warehouse/ and print a summary
	$(BIN)/gzetl run --raw raw --warehouse warehouse

test: setup ## lint, then the whole test suite (accuracy harness, Dagster runs, S3, browser)
	$(BIN)/ruff check src pipelines tests bench
	$(BIN)/pytest -n 2 --dist loadgroup

ui: setup ## the Dagster UI on http://127.0.0.1:3000 with the same definitions
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000 -m pipelines.definitions

lint:
	$(BIN)/ruff check src pipelines tests bench
	$(BIN)/ruff format --check src pipelines tests bench

typecheck:
	$(BIN)/mypy

bench: setup ## speed and memory figures (printed, never a pass/fail)
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_pipeline.py

clean:
	rm -rf $(VENV) .tools .dagster warehouse/*.parquet warehouse/*/ bench/out
