# The two commands of the README work on a fresh machine with Python 3.11 and pip.
UV ?= $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
PY := $(UV) run --frozen python

.PHONY: demo test install lint bench load messages

$(UV):
	python3 -m pip install --user --quiet uv==0.13.8 || python3 -m pip install --quiet uv==0.13.8

install: $(UV)
	$(UV) sync --frozen

## make demo: install, migrate, seed the demo and serve it on http://127.0.0.1:8000
demo: install
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:8000

## make test: install and run the whole test suite, one pytest-xdist worker per core
test: install
	$(UV) run --frozen pytest -n auto --dist worksteal

## make messages: refresh the Spanish and Portuguese catalogues and compile them
messages: install
	$(PY) manage.py makemessages -l es -l pt_BR --no-location --ignore=.venv \
		--ignore=staticfiles --ignore=var --ignore=tests --ignore=bench
	$(PY) manage.py compilemessages -l es -l pt_BR --ignore=.venv

lint: install
	$(UV) run --frozen ruff check .
	$(UV) run --frozen lint-imports
	$(PY) manage.py makemigrations --check --dry-run

## make bench: seed a small and a large program on PostgreSQL + Redis, measure, write bench/RESULTS.md
bench: install
	$(PY) -m bench.run

## make load: a 3-minute locust run of a realistic mix on gunicorn + PostgreSQL + Redis; writes
## its section of bench/RESULTS.md
load: install
	$(PY) -m bench.loadrun
