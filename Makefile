# Thi đua – two commands from a fresh clone: `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
THIDUA := $(VENV)/bin/thidua
VENDOR := thidua/static/vendor

.PHONY: setup run test lint pytest bench fmt clean

setup: $(VENV)/.installed $(VENDOR)/.installed  ## idempotent: virtualenv, package, front-end assets

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

$(VENDOR)/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	mkdir -p $(VENDOR)
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx.min.js
	cp node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/chart.umd.min.js
	touch $@

run: setup  ## migrate, load the demo on first start, serve on 127.0.0.1:$(PORT)
	$(THIDUA) migrate --noinput -v 0
	$(THIDUA) demo --if-empty
	$(THIDUA) collectstatic --noinput -v 0
	@# Served as users see it (DEBUG off: gunicorn, the Vietnamese error pages, no tracebacks)
	@# with a key made once for this folder. `DEBUG=1 make run` serves with Django's
	@# development server instead, which reloads the code on every change.
	@test -s var/secret_key || $(PY) -c "import secrets, pathlib; p = pathlib.Path('var/secret_key'); p.parent.mkdir(exist_ok=True); p.write_text(secrets.token_urlsafe(50)); p.chmod(0o600)"
	@echo "Thi đua đang chạy tại http://127.0.0.1:$(PORT)/  (Ctrl+C để dừng)"
	@# The worker carries out background jobs (workbook imports); it stops with the server.
	@# The demo's accounts sign in with a password alone (THIDUA_SECOND_FACTOR_ROLES empty);
	@# a deployment requires a second factor of administrators and council members.
	export DEBUG=$${DEBUG:-0} SECRET_KEY=$${SECRET_KEY:-$$(cat var/secret_key)} \
	  THIDUA_SECOND_FACTOR_ROLES=$${THIDUA_SECOND_FACTOR_ROLES-}; \
	$(THIDUA) db_worker --no-reload & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; \
	case "$$DEBUG" in \
	  1|true|yes|on) $(THIDUA) runserver 127.0.0.1:$(PORT) ;; \
	  *) $(VENV)/bin/gunicorn -c python:config.gunicorn --bind 127.0.0.1:$(PORT) ;; \
	esac

test: setup lint pytest  ## lint, types, architecture, migrations, then every test

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy thidua config deploy  # strict on thidua/core (pyproject overrides)
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings_test $(THIDUA) makemigrations --check --dry-run

pytest: setup
	$(VENV)/bin/pytest -q

bench: setup  ## benchmarks: ratios measured in one run (not timed tests)
	$(PY) -m bench

fmt: setup
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var db.sqlite3
