# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app app

.PHONY: messages compile-messages run serve test install install-dev chromium redis validate coverage-doc lint clean load-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pybabel compile -d translations
	touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pybabel compile -d translations
	touch $(VENV)/.runtime $@

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

## run: create the virtual environment, install, check the law files, build the search index, serve on 127.0.0.1:5000
run: install
	$(BIN)/pybabel compile -d translations
	$(FLASK) laws validate
	$(FLASK) search build
	$(FLASK) run --host 127.0.0.1 --port 5000

## serve: production serving: check the data, build the index, run gunicorn with several workers
## (LAWGUIDE_BIND, LAWGUIDE_WORKERS: see deploy/gunicorn.conf.py and docs/deployment.md)
serve: install
	$(BIN)/pybabel compile -d translations
	$(FLASK) laws validate
	$(FLASK) search build
	$(BIN)/gunicorn --config deploy/gunicorn.conf.py "app:serving_app()"

## test: install what the tests need (Debian's chromium too, when missing and root), run every test
test: install-dev chromium redis
	$(BIN)/pybabel compile -d translations
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# Browser tests drive Debian's chromium through Playwright; install it when we can.
chromium:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "chromium is not installed and we are not root: browser tests will be skipped."; fi

# The shared rate-limit store test starts a private redis-server; install Debian's when we can.
redis:
	@if command -v redis-server >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Debian's redis-server for the rate-limit store test..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
	else echo "redis-server is not installed and we are not root: the shared-store test will be skipped."; fi

## load-test: the full load test (50 clients, 60 s) against gunicorn on 127.0.0.1
load-test: install-dev
	$(BIN)/python bench/load.py --clients 50 --duration 60

## messages: extract every interface string into translations/messages.pot and update each language's .po
messages: install
	PYTHONPATH=. $(BIN)/pybabel extract -F babel.cfg -o translations/messages.pot --sort-output --ignore-dirs=".venv tests bench instance" .
	$(BIN)/pybabel update -i translations/messages.pot -d translations --no-fuzzy-matching

## compile-messages: compile the .po catalogues into the .mo files the app reads (also done at set-up)
compile-messages: install
	$(BIN)/pybabel compile -d translations

validate: install
	$(FLASK) laws validate

coverage-doc: install
	$(FLASK) laws coverage --format markdown > docs/coverage.md

lint: install-dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) instance/search-index .pytest_cache
