# gzetl: `make run` and `make test` do all set-up on a fresh clone.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export UV_PYTHON ?= 3.11
# compile bytecode at install: Dagster and pandera then import in ~2 s instead of ~6 s
export UV_COMPILE_BYTECODE ?= 1

.PHONY: setup native native-orphans pure run test ui lint typecheck bench clean

# uv itself comes from pip when it is missing (into .tools, never into the system Python).
.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

$(BIN)/gzetl: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --extra dev
	@touch $@

setup: $(BIN)/gzetl $(DAGSTER_HOME)/dagster.yaml native

# The extraction modules compiled to C extensions with mypyc (about 1.3x faster; the output is
# the same, tests/test_native.py). Rebuilt when a source changes; the extensions are touched
# after a build because gzetl refuses to import one older than its source (gzetl.native).
# GZETL_NATIVE=0 runs the Python source instead; so does a machine without a C compiler.
GZETL_NATIVE ?= 1
NATIVE_SRC := $(sort $(shell find src/gzetl/extraction -name '*.py')) src/gzetl/periods.py
NATIVE_STAMP := src/build/native.stamp

ifeq ($(GZETL_NATIVE),0)
native: pure
else
native: native-orphans $(NATIVE_STAMP)
endif

# A compiled module whose source was deleted or renamed would still import: remove it, and
# the stamp with it, so that the build runs again.
native-orphans:
	@for so in $$(find src/gzetl -name '*.so'); do \
	    base=$$(basename "$$so"); py="$$(dirname "$$so")/$${base%%.*}.py"; \
	    [ -f "$$py" ] || { rm -f "$$so" $(NATIVE_STAMP); echo "removed $$so: $$py is gone"; }; \
	done

$(NATIVE_STAMP): $(NATIVE_SRC) $(BIN)/gzetl
	@mkdir -p src/build
	@echo "compiling the extraction modules with mypyc (about a minute; GZETL_NATIVE=0 skips it)"
	@if (cd src && ../$(BIN)/mypyc --config-file ../pyproject.toml \
	        $(patsubst src/%,%,$(NATIVE_SRC))) > src/build/native.log 2>&1; then \
	    find src -name '*.so' -exec touch {} +; \
	    echo "native" > $@; \
	else \
	    find src -name '*.so' -delete; \
	    echo "WARNING: mypyc failed (src/build/native.log); extraction runs as Python" >&2; \
	    echo "python (mypyc failed)" > $@; \
	fi

pure: ## remove the compiled modules: extraction runs from the Python source
	find src -name '*.so' -delete
	rm -rf src/build

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
	rm -rf $(VENV) .tools .dagster warehouse/*.parquet warehouse/*/ bench/out src/build
	find src -name '*.so' -delete
