#!/bin/sh
# Container start: refuse placeholder secrets, apply migrations, collect static
# files (needs SECRET_KEY, hence at start and not at build), then hand PID 1 to
# gunicorn.
#
# Any arguments are run instead, without migrating, for one-off commands:
#   docker compose run --rm web python manage.py shell
set -eu

cd /app

if [ "$#" -gt 0 ]; then
    exec "$@"
fi

case "${SECRET_KEY:-}" in
    change-me*)
        echo "entrypoint: SECRET_KEY is still the placeholder from .env.example;" >&2
        echo "entrypoint: generate one: python -c 'import secrets; print(secrets.token_urlsafe(50))'" >&2
        exit 1
        ;;
esac

# Several app servers share one database: one of them migrates (RUN_MIGRATIONS=false on
# the others, which start after it is healthy; docker-compose.yml).
if [ "${RUN_MIGRATIONS:-true}" != "false" ]; then
    python manage.py migrate --noinput
fi
python manage.py collectstatic --noinput

# nginx (and any TLS proxy in front of it) sets X-Forwarded-*; the container
# port is reachable only on the compose network, so trusting every peer is fine.
exec gunicorn newsroom.wsgi:application \
    --bind 0.0.0.0:8000 \
    --workers "${GUNICORN_WORKERS:-2}" \
    --threads "${GUNICORN_THREADS:-1}" \
    --timeout "${GUNICORN_TIMEOUT:-30}" \
    --worker-tmp-dir /dev/shm \
    --access-logfile - \
    --forwarded-allow-ips='*'
