# The two commands a newcomer needs:  `make run`  and  `make test`.
# Both set everything up on a fresh machine first (venv, packages, translations, database).

VENV    := .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
PORT    ?= 8000
export FLASK_APP := app

.PHONY: run test test-sqlite test-postgres setup browser translations extract-messages bench lint

run: setup
	$(PY) -m flask db-upgrade
	$(PY) -m flask seed-demo --port $(PORT)
	@echo "Fabriek runs at http://127.0.0.1:$(PORT)  (stop with Ctrl+C)"
	REDIS_URL= $(VENV)/bin/gunicorn --no-control-socket --workers 2 --threads 4 --bind 127.0.0.1:$(PORT) "app:create_app()"

# Every test on SQLite and, alongside it, every test again on PostgreSQL (browser and
# warehouse-logic tests included, each test in a database of its own); only the solver,
# which has no database, runs once (.ci/test.sh).
test: setup browser
	bash .ci/test.sh

# Redis (.ci/redis.sh) serves the tests of the RQ job runner; `&&` makes a missing one fail.
test-sqlite: setup browser
	redis=$$(bash .ci/redis.sh) && TEST_REDIS_URL=$$redis $(PY) -m pytest

test-postgres: setup browser
	redis=$$(bash .ci/redis.sh) && pg=$$(bash .ci/postgres.sh) && \
	  TEST_REDIS_URL=$$redis TEST_DATABASE_URL=$$pg $(PY) -m pytest -q --ignore=tests/scheduler

setup: $(STAMP) translations

$(STAMP):
	test -d $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

# Browser tests use Debian's Chromium; Playwright's own browser download cannot work offline.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Debian's chromium is missing: run 'sudo apt-get install chromium'"; exit 1; fi; \
	fi

translations: $(STAMP)
	$(VENV)/bin/pybabel compile --statistics -d app/translations

# After adding user-facing strings: extract them and add them to the English catalogue.
extract-messages: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o app/messages.pot .
	$(VENV)/bin/pybabel update -i app/messages.pot -d app/translations --no-fuzzy-matching --ignore-obsolete

bench: setup
	$(PY) bench/solver.py
	$(PY) bench/warehouse.py

lint: setup
	$(VENV)/bin/ruff check .
