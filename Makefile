# Summitry: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install test lint bench bench-api bench-scale migrations-check demo evaluate capabilities

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependencies changed (or the venv is new): the stamp
# is newer than pyproject.toml otherwise, so `make test` goes straight to the tests.
STAMP := $(VENV)/.installed

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

# Front-end packages (the world map's atlas, the network's graph library) from the npm
# registry, exactly as package-lock.json pins them; served by the app, never a CDN.
NODE_STAMP := node_modules/.installed

$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "Node.js with npm is required for the front-end packages"; exit 1; }
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	@touch $(NODE_STAMP)

install: $(STAMP) $(NODE_STAMP)

## Install, migrate, load the leader registry, ingest the demo articles, create a local editor account, and serve.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_registry
	$(PY) manage.py demo
	@echo "Summitry is running at http://$(HOST):$(PORT)/"
	$(PY) manage.py runserver $(HOST):$(PORT)

## Run every test. With DATABASE_URL and CELERY_BROKER_URL set (as CI does) the
## integration tests run against PostgreSQL, Redis and a real Celery worker.
test: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

bench: install
	$(PY) manage.py bench_extract

## The REST API against a plain .values() view serving the same 50 meetings, at 10,000
## meetings (throwaway database); fails if the API's throughput is under half the plain one's.
bench-api: install
	$(PY) manage.py bench_api --meetings 10000 --requests 200 --min-ratio 0.5

## The gold sets live beside the project (../shared), not in it: a clone without them
## skips with a reason instead of failing.
## Issue 14's table re-measured in one run, in throwaway databases (tens of minutes at
## 100,000 meetings): each page at 100 and at SCALE meetings with its ratio, the
## per-article save time at both sizes, and the ingest rate with 1 and 2 real workers
## (the last needs DATABASE_URL on PostgreSQL and CELERY_BROKER_URL).
SCALE ?= 100000
bench-scale: install
	$(PY) manage.py bench_pages --scale --sizes 100,$(SCALE)
	$(PY) manage.py bench_save --meetings $(SCALE)
	@if [ -n "$$DATABASE_URL" ] && [ -n "$$CELERY_BROKER_URL" ]; then \
	  $(PY) manage.py bench_workers --articles 200; \
	else \
	  echo "bench_workers skipped: it needs DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL"; \
	fi

evaluate: install
	@if [ -d ../shared/samples ] && [ -d ../shared/eval/dev ]; then \
	  $(PY) manage.py evaluate ../shared/samples ../shared/eval/dev; \
	else \
	  echo "evaluate skipped: no gold sets at ../shared/samples and ../shared/eval/dev (they are not part of the repository)"; \
	fi

## Pass rate per generated capability (ingest/capabilities/), held to its floor.
capabilities: install
	$(PY) manage.py capabilities --floors ingest/capabilities/floors.json

## Fault, restart and load runs (minutes; pytest marker `soak`, not part of `make test`):
## a private PostgreSQL cluster, Redis, real workers killed and restarted, Locust.
soak: install
	$(PY) -m pip install --quiet -e '.[soak]'
	tests/soak/run.sh $(SOAK_ARGS)

## Only the Locust load run at 100,000 meetings (SOAK_LOAD_USERS, SOAK_LOAD_SECONDS,
## SOAK_LOAD_MEETINGS, SOAK_CACHE_URL).
load: install
	$(PY) -m pip install --quiet -e '.[soak]'
	tests/soak/run.sh tests/soak/test_load.py

## Known vulnerabilities in the installed dependencies (needs PyPI's JSON API, or
## AUDIT_ARGS="-s osv" for OSV's). --strict: a package the service cannot look up fails
## the audit, instead of being skipped into a clean-looking report.
audit: install
	$(PY) -m pip install --quiet -e '.[audit]'
	$(VENV)/bin/pip-audit --skip-editable --strict $(AUDIT_ARGS)
