# Summitry: the two commands a newcomer needs are `make run` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install test lint bench migrations-check demo evaluate

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is required (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

install: $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'

## Install, migrate, ingest the demo articles, create a local editor account, and serve.
run: install
	$(PY) manage.py migrate --noinput
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

evaluate: install
	$(PY) manage.py evaluate ../shared/samples ../shared/eval/dev
