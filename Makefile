# Rekrut: `make run` sets everything up and serves; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export REKRUT_BIND ?= 127.0.0.1:8000

.PHONY: run test lint types contracts pytest setup serve worker demo messages bench lock clean

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

# Collecting and compressing static files takes a minute; redo it only when a static source changed.
STATIC_SOURCES := $(shell find rekrut/static -type f 2>/dev/null)
var/static/staticfiles.json: $(STAMP) $(STATIC_SOURCES)
	$(BIN)/rekrut collectstatic --no-input -v0

setup: $(STAMP) var/static/staticfiles.json
	$(BIN)/rekrut compilemessages --ignore=.venv -v0
	$(BIN)/rekrut migrate --no-input -v0
	@# Demo data (published passwords) only into a new embedded database, or with REKRUT_DEMO=1; never
	@# beside accounts of its own or into DATABASE_URL's database.
	$(BIN)/rekrut demo --if-new

run: setup
	@echo "Rekrut is starting on http://$(REKRUT_BIND) with its background worker (Ctrl-C stops both)"
	$(BIN)/rekrut serve

worker: setup
	$(BIN)/rekrut worker

test: $(STAMP) lint contracts types pytest

lint: $(STAMP)
	$(BIN)/ruff check rekrut tests bench
	$(BIN)/ruff format --check rekrut tests bench

contracts: $(STAMP)
	$(BIN)/lint-imports

types: $(STAMP)
	$(BIN)/mypy rekrut

pytest: $(STAMP)
	$(BIN)/rekrut compilemessages --ignore=.venv -v0
	$(BIN)/pytest -n 2 -q $(PYTEST_ARGS)

messages: $(STAMP)
	$(BIN)/rekrut makemessages -l id -l en --ignore=.venv --ignore=tests --ignore=bench --no-obsolete
	$(BIN)/rekrut makemessages -d djangojs -l id -l en --ignore=.venv --ignore=rekrut/static/vendor --no-obsolete

bench: $(STAMP)
	$(MAKE) -C bench all

# Regenerate the lock files after changing pyproject.toml's dependencies.
lock:
	$(BIN)/python -m pip install --quiet "uv>=0.13,<0.14"
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements-dev.lock

clean:
	rm -rf $(VENV) var/static
