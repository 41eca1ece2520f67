# finsam — run `make help` for the targets. `make report` and `make test` set up .venv themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# The source report texts; a relative path is taken from the project root.
export FINSAM_SOURCES ?= ../shared/sources

.DEFAULT_GOAL := help
.PHONY: help report test validate lab notebooks bench clean setup check-site

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@# warm matplotlib's font cache so that a notebook's first import prints nothing
	$(BIN)/python -c "import matplotlib.pyplot"
	@touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the pinned packages (done by the other targets when needed)

report: $(STAMP)  ## render every report into reports/ (index: reports/index.html)
	$(BIN)/finsam render --jobs $(JOBS)

test: $(STAMP)  ## run every test: unit, data validation, provenance, rendering, nbval
	$(BIN)/python -m pytest -q

# SITE=folder checks an already rendered site instead of rendering one into a temporary folder
check-site: $(STAMP)  ## render the site and check every page: axe-core in headless Chromium, Nu HTML checker
	@bash site-check/setup.sh
	@set -e; if [ -n "$(SITE)" ]; then node site-check/check.mjs "$(SITE)"; else \
	  tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  $(BIN)/finsam render --jobs $(JOBS) --no-progress --output "$$tmp/reports"; \
	  node site-check/check.mjs "$$tmp/reports"; fi

validate: $(STAMP)  ## validate data/ (schema, consistency, provenance against FINSAM_SOURCES)
	$(BIN)/finsam validate

lab: $(STAMP)  ## start JupyterLab with finsam installed
	@$(BIN)/python -c "import jupyterlab" 2>/dev/null || $(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[lab]'
	$(BIN)/jupyter lab notebooks/

notebooks: $(STAMP)  ## re-execute the committed notebooks in place (refreshes nbval's expected outputs)
	$(BIN)/python -m finsam.devtools refresh-notebooks

bench: $(STAMP)  ## benchmark rendering and the data layer; writes bench/results.md
	$(BIN)/python bench/run.py

clean:  ## remove rendered reports, caches and .venv
	rm -rf reports .cache .pytest_cache bench/out site-check/node_modules $(VENV)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
