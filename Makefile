# Two commands do everything on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test lint bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[test]"
	touch $(STAMP)

# Built into a temporary folder and swapped in, so a failed build keeps the old site.
build: $(STAMP)
	$(BIN)/python -m build_scripts build

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --livereload -a 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/python -m pytest

# The gate CI runs before the tests: ruff (style, imports, likely bugs) and mypy (strict types).
lint: $(STAMP)
	$(BIN)/ruff check build_scripts tests
	$(BIN)/mypy

# Synthetic corpora of 1,000, 4,000 and 10,000 sources, and the targets of issue 20; minutes, not part of `make test`.
bench: $(STAMP)
	$(BIN)/python -m build_scripts.bench --sizes 1000 4000 10000 --out bench-results.json

clean:
	rm -rf site .cache/build_scripts $(VENV)
