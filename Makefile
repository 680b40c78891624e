# Wegwijzer — the two commands: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
PORT ?= 8501

.PHONY: run test check lint bench bench-quick bench-load soak demo backup restore clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

run: $(STAMP)  ## start the app on http://localhost:8501 (data in data/wegwijzer.db)
	$(BIN)/streamlit run server.py --server.port $(PORT)

test: $(DEV_STAMP)  ## content check, lint and the whole test suite (incl. real-browser tests)
	$(BIN)/python -m wegwijzer check
	$(BIN)/ruff check src app_pages ui app.py server.py tests bench
	$(BIN)/python -m pytest

check: $(STAMP)  ## validate the theme files only
	$(BIN)/python -m wegwijzer check

lint: $(DEV_STAMP)
	$(BIN)/ruff check src app_pages ui app.py server.py tests bench

bench: $(DEV_STAMP)  ## the performance figures P1–P7 and the scale run S1
	$(BIN)/python -m bench

bench-quick: $(DEV_STAMP)  ## the figures without the scale run
	$(BIN)/python -m bench --skip-scale

bench-load: $(DEV_STAMP)  ## L2: users per server setup over Streamlit's websocket (about 40 min; needs nginx)
	$(BIN)/python -m bench --only L2

soak: $(DEV_STAMP)  ## memory of one server with 50 users for two hours, reported every half hour (not in CI)
	$(BIN)/python -m bench.soak --users 50 --minutes 120 --every 30

demo: $(STAMP)  ## add two demo sessions to the local database
	$(BIN)/python -m wegwijzer demo

backup: $(STAMP)  ## online backup to data/backups/ (safe while the app runs)
	$(BIN)/python -m wegwijzer backup

restore: $(STAMP)  ## make restore FILE=data/backups/wegwijzer-....db
	$(BIN)/python -m wegwijzer restore $(FILE)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
