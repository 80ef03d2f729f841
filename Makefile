# newsroom — the two commands are `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell $(PYTHON) -c "import hashlib,sys;print(hashlib.sha256(open('requirements-dev.lock','rb').read()).hexdigest()[:12])" 2>/dev/null)
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/newsroom
PYTEST_ARGS ?=

BACKUP_DIR ?= backups

.PHONY: run test test-pg test-s3 test-browser lint format check-deploy messages venv clean backup restore audit bench-images bench bench-scaling bench-api bench-edge bench-imports faults

$(STAMP): requirements-dev.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

venv: $(STAMP)

## make run: set everything up and serve the demo site on http://127.0.0.1:8000
run: export DEBUG ?= true
# The demo logs in with a password only; production enforces 2FA (settings refuse "none").
run: export TWO_FACTOR_REQUIRED ?= none
run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	@echo "→ http://$(HOST):$(PORT)/   (admin: http://$(HOST):$(PORT)/$${ADMIN_URL:-quan-tri/})"
	@echo "  Demo: TWO_FACTOR_REQUIRED=$$TWO_FACTOR_REQUIRED (production asks approvers and administrators for an app code)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## make test: the whole suite on SQLite
test: $(STAMP)
	$(BIN)/pytest $(PYTEST_ARGS)

## make test-pg: the whole suite on PostgreSQL (DATABASE_URL, default $(PG_URL))
test-pg: $(STAMP)
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest $(PYTEST_ARGS)

## make test-s3: the photo suite with media in a bucket on moto's S3 server (started by the tests)
test-s3: $(STAMP)
	TEST_MEDIA_STORE=s3 FAULT_PORTS=$${FAULT_PORTS:-16400-16499} $(BIN)/pytest tests/photos $(PYTEST_ARGS)

## make test-browser: only the tests that drive headless Chromium (on PostgreSQL, DATABASE_URL)
test-browser: $(STAMP)
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest -m browser $(PYTEST_ARGS)

## make faults: stop and freeze Redis, stop PostgreSQL, restore a backup… under a running site
## (gunicorn, PostgreSQL and Redis of its own) and print what readers and staff got
faults: $(STAMP)
	$(BIN)/python scripts/faults.py

## make bench-images: photo upload time/memory (24 MP) and the admin library page (10.000 photos)
bench-images: $(STAMP)
	$(BIN)/python bench/images.py

## make bench: the public site under load at 100.000 articles (PostgreSQL, gunicorn, nginx, wrk)
bench: $(STAMP)
	$(BIN)/python bench/site.py

## make bench-scaling: CPU per request on each path (proxy hit, page cache hit, miss, cold, RSS)
## and the servers that means for a province and for 34 (docs/scaling.md)
bench-scaling: $(STAMP)
	FAULT_PORTS=$${FAULT_PORTS:-16400-16499} $(BIN)/python bench/scaling.py
## make bench-edge: Varnish in front (the shipped VCL): what stays cached after a publish,
## publish-to-visible p50/p95, a hit's CPU with and without gzip (Varnish and nginx)
bench-edge: $(STAMP)
	FAULT_PORTS=$${FAULT_PORTS:-16400-16499} $(BIN)/python bench/edge.py
## make bench-api: the public API under load (PostgreSQL, 2 gunicorn workers, 16 connections)
bench-api: $(STAMP)
	@command -v wrk >/dev/null || ! command -v apt-get >/dev/null || \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; } || \
		echo "wrk not installed: the Python load generator is used (lower figures)"
	$(BIN)/python bench/api.py

## make bench-imports: 20.000 WordPress posts (~200 MB) imported: items/s, peak memory
## (goal ≤ 400 MB), how steady the progress line was (BENCH_IMPORT_POSTS to change the size)
bench-imports: $(STAMP)
	$(BIN)/python bench/imports.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run
	DEBUG=true $(BIN)/python manage.py export_openapi --check

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## make check-deploy: Django's deployment checklist with production-like settings
check-deploy: $(STAMP)
	SECRET_KEY=$$($(BIN)/python -c "import secrets;print(secrets.token_urlsafe(50))") \
	ALLOWED_HOSTS=congan.example.vn CSRF_TRUSTED_ORIGINS=https://congan.example.vn \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

## make messages: refresh the Vietnamese catalogue (needs GNU gettext)
messages: $(STAMP)
	DEBUG=true $(BIN)/python manage.py makemessages -l vi --no-obsolete --no-wrap --add-location file \
		--ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*'
	DEBUG=true $(BIN)/python manage.py compilemessages -l vi --ignore '.venv/*'

## make backup: database dump + uploads into $(BACKUP_DIR)/<timestamp>/
backup: $(STAMP)
	$(BIN)/python scripts/backup.py backup --to $(BACKUP_DIR)

## make restore [FROM=backups/<timestamp>]: WIPE the database and uploads, restore a backup (default: latest)
restore: $(STAMP)
	$(BIN)/python scripts/backup.py restore $(or $(FROM),$(shell ls -d $(BACKUP_DIR)/*/ 2>/dev/null | sort | tail -n 1))

## make audit [STRICT=1]: known vulnerabilities in the locked runtime dependencies (pip-audit);
## ends with "not audited: N of M packages"; STRICT=1 also fails when N is not 0
audit: $(STAMP)
	$(BIN)/python .ci/audit.py requirements.lock $(if $(STRICT),--require-all)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
