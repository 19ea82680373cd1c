# Pistoia2030 portal. `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
BENCH_DB := var/bench.sqlite3
# `make lint` also checks the templates' indentation (djhtml, two spaces: it only re-indents, so
# it never changes what a page says) and lints the apps' JavaScript and CSS with Biome (biome.jsonc),
# which npx brings in at this version: Node.js and npm are on every machine (.ci/run installs
# them where missing).
TEMPLATES := $(wildcard */templates */*/templates)
DJHTML := $(VENV)/bin/djhtml --tabwidth 2
BIOME := npx --yes @biomejs/biome@2.6.8
BENCH_SCALE ?= --phase-updates 500 --innovators 10000 --events 500
# `make test` runs the suite in parallel (pytest-xdist); TEST_WORKERS=0 runs it in one process.
# `--dist load` hands each worker the tests in collection order (pytest-django's: database tests,
# then transactional ones, which flush, then the rest), so no test lands after a flush it does not
# expect; data built once per module or worker (tests/conftest.py) is built at most once per worker.
TEST_WORKERS ?= 2
# Python keeps its compiled bytecode (in the ignored __pycache__ folders) even where the shell
# says not to: without it every worker and subprocess recompiles the project and pytest
# rewrites every test module again, 4 s of CPU per process.
unexport PYTHONDONTWRITEBYTECODE

URL ?= /
# `make profile PATH=/storie/` (as the issue wrote it) would clobber the shell's PATH: a PATH
# with no colon is taken as the URL, and the usual PATH is restored for the recipes.
ifeq ($(findstring :,$(PATH)),)
URL := $(PATH)
override PATH := /usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export PATH
endif

.DEFAULT_GOAL := help
.PHONY: help install run test check test-services serve-prod lint format bench bench-http profile audit clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	@rm -rf build *.egg-info
	@touch $(STAMP)

install: $(STAMP) ## Create the virtualenv and install the dependencies

# E-mails and feeds link to the address `make run` serves (PORT=8100 make run): `migrate` points
# the default Wagtail Site at it, the server and the worker put it in e-mails. Serving on
# 0.0.0.0? Set WAGTAILADMIN_BASE_URL to the address readers use.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: $(STAMP) ## Set up the demo site (idempotent), serve it on http://127.0.0.1:8000 with its task worker
	@mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py load_demo_content
	@# The background worker (e-mails, newsletter, uploads: portal/tasks.py) runs beside the
	@# server and stops with it.
	$(PY) manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(STAMP) ## Run the whole test suite on $(TEST_WORKERS) workers (browser tests skip when Chromium is missing)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist load --durations=15

check: lint ## Before each commit: lint, then the suite without the browser tests (make test runs everything)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist load -m "not browser" -q

test-services: $(STAMP) ## Run the whole suite on real PostgreSQL and Redis (installed when missing, started in a temp folder)
	PY=$(PY) ops/test-services.sh

serve-prod: $(STAMP) ## Serve the production settings with gunicorn on http://127.0.0.1:8061 (embedded default)
	PY=$(PY) ops/serve-prod.sh

lint: $(STAMP) ## Check lint and formatting (ruff, djhtml, Biome), the system checks and that no migration is missing
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(DJHTML) --check $(TEMPLATES)
	$(BIOME) lint --error-on-warnings
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

format: $(STAMP) ## Fix lint and format the code with ruff, re-indent the templates with djhtml, apply Biome's safe fixes
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
	$(DJHTML) $(TEMPLATES)
	$(BIOME) lint --write

bench: $(STAMP) ## Build a large demo database and print SQL queries and render times per page type
	@mkdir -p var
	rm -f $(BENCH_DB)
	DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py migrate --no-input -v0
	DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py load_demo_content $(BENCH_SCALE) --no-admin
	DATABASE_URL=sqlite:///$(BENCH_DB) $(PY) manage.py bench

bench-http: $(STAMP) ## wrk against gunicorn + production settings: cached, uncached, bare view, registration rush
	$(PY) ops/bench_http.py

audit: $(STAMP) ## Lighthouse 12.2.3 (mobile) on every page type in both languages, production settings: four scores per page
	@mkdir -p var
	PY=$(PY) $(PY) ops/audit.py

profile: $(STAMP) ## Profile one page in process, production settings, page cache off: make profile URL=/storie/
	$(PY) ops/bench_http.py profile $(URL)

clean: ## Remove the virtualenv, the local database, media and caches
	rm -rf $(VENV) var media staticfiles .pytest_cache .ruff_cache
