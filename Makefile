# finsam — run `make help` for the targets. `make report` and `make test` set up .venv themselves.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# The source report texts; a relative path is taken from the project root.
export FINSAM_SOURCES ?= ../shared/sources
# The release folder `make release` and `make browse` write, and the port Datasette listens on (127.0.0.1 only).
RELEASE ?= release
BROWSE_PORT ?= 8001
# Extra options for `make lab`, for example LAB_ARGS="--port=9999 --ip=127.0.0.1".
LAB_ARGS ?=
# Jupyter refuses to run as root without --allow-root; root is the usual user in containers.
LAB_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
# The interpreters `make test-pythons` installs the wheel into (names on PATH, paths, or versions
# found as python3.X on PATH or under ~/.pyenv/versions).
PYTHONS ?= 3.11 3.12 3.13

PYVERSION := import sys; print("%d.%d" % sys.version_info[:2])
PY_VERSION := $(shell $(PYTHON) -c '$(PYVERSION)' 2>/dev/null)
VENV_VERSION := $(shell test -x $(BIN)/python && $(BIN)/python -c '$(PYVERSION)' 2>/dev/null)

.DEFAULT_GOAL := help
.PHONY: help report test test-pythons validate lab lock notebooks bench bench-extract training ocr clean setup check-site check-layout release browse FORCE

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

# A .venv made by another Python than $(PYTHON) (or a broken one) is rebuilt.
ifneq ($(VENV_VERSION),$(PY_VERSION))
$(STAMP): FORCE
endif

$(STAMP): pyproject.toml requirements.lock
	@test -n "$(PY_VERSION)" || { echo "make: PYTHON=$(PYTHON) is not a working Python" >&2; exit 1; }
	@if [ -e $(VENV) ] && [ "$(VENV_VERSION)" != "$(PY_VERSION)" ]; then \
	  echo "make: .venv was made with Python $(or $(VENV_VERSION),(unknown, broken)) but PYTHON=$(PYTHON) is Python $(PY_VERSION): rebuilding .venv"; \
	  rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,lab,browse]'
	@# warm matplotlib's font cache so that a notebook's first import prints nothing
	$(BIN)/python -c "import matplotlib.pyplot"
	@touch $(STAMP)

FORCE:

setup: $(STAMP)  ## create .venv and install the locked packages (done by the other targets when needed)

report: $(STAMP)  ## render every report into reports/ (index: reports/index.html)
	$(BIN)/finsam render --jobs $(JOBS)

# test files run in parallel, one file per process (its fixtures are shared within it)
test: $(STAMP)  ## run every test: unit, data validation, provenance, rendering, nbval, wheel, JupyterLab
	$(BIN)/python -m pytest -q -n $(JOBS) --dist loadfile

test-pythons: $(STAMP)  ## build the wheel and render a report with it on each of PYTHONS (3.11 3.12 3.13)
	FINSAM_TEST_PYTHONS="$(PYTHONS)" $(BIN)/python -m pytest -q tests/top/test_install.py -k pythons

# SITE=folder checks an already rendered site instead of rendering one into a temporary folder
check-site: $(STAMP)  ## render the site and check every page: axe-core in headless Chromium, Nu HTML checker
	@bash site-check/setup.sh
	@set -e; if [ -n "$(SITE)" ]; then node site-check/check.mjs "$(SITE)"; else \
	  tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  $(BIN)/finsam render --jobs $(JOBS) --no-progress --output "$$tmp/reports"; \
	  node site-check/check.mjs "$$tmp/reports"; fi

# SITE=folder reads an already rendered site; SHOTS=folder also writes screenshots of a few pages there
check-layout: $(STAMP)  ## read every page at 390 and 1366 px in headless Chromium: fails on a cut number or title
	@bash site-check/setup.sh
	@rc=0; node site-check/layout.mjs site-check/fixtures/cut >/dev/null || rc=$$?; [ $$rc -eq 1 ] || \
	  { echo "check-layout: the check did not find the cut cell and title of site-check/fixtures/cut (exit $$rc)" >&2; exit 1; }
	@set -e; export SHOTS="$${SHOTS_PAGES:-sv/bhs/gender_outcomes_bhs_2018.html,sv/bhs/interventions_bhs_2018.html,sv/all/overview.html}"; \
	  if [ -n "$(SITE)" ]; then node site-check/layout.mjs "$(SITE)" $(SHOTS); else \
	  tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	  $(BIN)/finsam render --jobs $(JOBS) --no-progress --output "$$tmp/reports"; \
	  node site-check/layout.mjs "$$tmp/reports" $(SHOTS); fi

validate: $(STAMP)  ## validate data/ (schema, consistency, provenance against FINSAM_SOURCES)
	$(BIN)/finsam validate

lab: $(STAMP)  ## start JupyterLab on notebooks/ with finsam importable (as root too; options: LAB_ARGS=...)
	$(BIN)/jupyter lab --no-browser $(LAB_ROOT) --ServerApp.root_dir=notebooks $(LAB_ARGS)

release: $(STAMP)  ## write the versioned release of the data into RELEASE (default ./release; see README)
	$(BIN)/finsam export --output "$(RELEASE)"

# Datasette refuses nothing as root; --immutable: the release is read-only, counted once
browse: release  ## export, then serve the release's SQLite database with Datasette on 127.0.0.1:BROWSE_PORT (8001)
	exec $(BIN)/datasette serve --immutable "$(RELEASE)/finsam.sqlite" --metadata "$(RELEASE)/datasette.json" \
	  --host 127.0.0.1 --port $(BROWSE_PORT)

# not on $(STAMP): after a pin changes in pyproject.toml, installing from the old lock would fail;
# the existing .venv has what locking needs
lock:  ## re-resolve requirements.lock with uv (keeps current pins) and regenerate environment.yml
	@test -x $(BIN)/uv || { echo "make lock: no $(BIN)/uv; run make setup first" >&2; exit 1; }
	$(BIN)/uv pip compile --quiet pyproject.toml --extra dev --extra lab --extra browse --universal --python-version 3.11 \
	  --custom-compile-command "make lock" -o requirements.lock
	$(BIN)/python -m finsam.devtools environment-yml

notebooks: $(STAMP)  ## re-execute the committed notebooks in place (refreshes nbval's expected outputs)
	$(BIN)/python -m finsam.devtools refresh-notebooks

bench: $(STAMP)  ## benchmark rendering, the data layer, finsam extract and finsam export; writes bench/results*.md
	$(BIN)/python bench/run.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/release.py

bench-extract: $(STAMP)  ## leave-one-report-out benchmark of finsam extract; writes bench/results-extract.md
	$(BIN)/python bench/extract.py

training: $(STAMP)  ## rebuild finsam extract's training set from data/ and the report texts
	$(BIN)/python -m finsam.extract.training

ocr:  ## install Tesseract and its Swedish model (Debian packages), for finsam extract on scanned PDFs
	@bash .ci/setup-ocr.sh

clean:  ## remove rendered reports, .venv and test leftovers (the table cache is in the user cache dir)
	rm -rf reports .cache .pytest_cache bench/out site-check/node_modules $(VENV)
	@# the release folder only when it is one finsam wrote (finsam export refuses to overwrite anything else)
	@if [ -f release/.finsam-release.json ]; then rm -rf release; fi
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
