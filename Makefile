# Pintar UMKM. `make run` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run install migrate seed test bench bench-load bench-reports bench-imports serve-prod lint format messages lock clean

# The web server and, beside it, the task worker that renders certificate PDFs; Ctrl+C stops both.
run: install migrate seed
	$(BIN)/python manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstalls only when the pinned versions change.
$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

seed: install
	$(BIN)/python manage.py seed_demo

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Timings, query counts and page weights on a throwaway database (DATABASE_URL to use PostgreSQL);
# last, first paint on emulated slow 3G against gunicorn (PostgreSQL database pintar_paint).
bench: install
	$(BIN)/python -m bench
	$(BIN)/python -m bench.imports
	$(BIN)/python -m bench.mentoring
	$(BIN)/python -m bench.cashbook
	$(BIN)/python -m bench.packages
	$(BIN)/python -m bench.first_paint

# The production stack on this machine, over plain HTTP on 127.0.0.1: PostgreSQL, Redis, gunicorn
# with two workers and one task worker, lms.settings.production with a throwaway SECRET_KEY.
# Nothing in front, so the app gzips its pages and serves uploaded images (SERVE_MEDIA).
# Release steps first.
# DATABASE_URL and REDIS_URL from the environment win. (Not assigned to those names here: a
# makefile assignment would stop make passing the environment's value on to `make test`.)
PROD_DATABASE_URL = $(or $(DATABASE_URL),postgres://postgres@127.0.0.1:5432/pintar)
PROD_REDIS_URL = $(or $(REDIS_URL),redis://127.0.0.1:6379/0)
serve-prod: install
	psql "$(PROD_DATABASE_URL)" -qtAc 'SELECT 1' >/dev/null 2>&1 || createdb \
		--maintenance-db="$(dir $(PROD_DATABASE_URL))postgres" "$(notdir $(PROD_DATABASE_URL))"
	export DJANGO_SETTINGS_MODULE=lms.settings.production \
		DATABASE_URL="$(PROD_DATABASE_URL)" REDIS_URL="$(PROD_REDIS_URL)" \
		SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		ALLOWED_HOSTS=127.0.0.1,localhost SECURE_SSL_REDIRECT=false SECURE_COOKIES=false \
		SERVE_MEDIA=true WEB_CONCURRENCY=2 GUNICORN_BIND=$(HOST):$(PORT); \
	$(BIN)/python manage.py migrate --noinput && \
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0 && \
	$(BIN)/python manage.py refresh_page_cache && \
	{ $(BIN)/python manage.py db_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn lms.wsgi; }

# Locust against that stack (own database, pintar_bench) at 50, 200 and 500 learners; see
# docs/benchmarks.md. About four minutes.
bench-load: install
	$(BIN)/python -m bench.load

# The coordinators' reports with 50,000 synthetic learners in 20,000 businesses on PostgreSQL
# (database pintar_synth, filled on the first run in a few minutes); see docs/benchmarks.md.
bench-reports: install
	$(BIN)/python -m bench.reports

# Upload, preview and import of a generated 10,000-row SiBakul sheet (budget: a minute), on a
# throwaway SQLite file (DATABASE_URL to use PostgreSQL).
bench-imports: install
	$(BIN)/python -m bench.imports

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=lms.settings.test $(BIN)/python manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=lms.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Extract new strings into locale/id and compile the catalogue the site serves.
messages: install
	$(BIN)/python manage.py makemessages --locale id --ignore ".venv/*" --ignore "tests/*" --no-obsolete
	$(BIN)/python manage.py compilemessages --locale id --ignore ".venv/*"

# Pin the versions a fresh install gets, from the ranges in pyproject.toml.
lock: install
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --quiet -o requirements.lock

clean:
	rm -rf $(VENV) staticfiles .test-media
