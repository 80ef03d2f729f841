# newsroom: Django served by gunicorn; nginx (docker-compose.yml) serves uploads.
# Build:  docker build -t newsroom .
# Run:    see docs/deploy.md (docker compose up -d --build)

# ---------------------------------------------------------------- build stage
FROM python:3.11-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Every pinned dependency ships a manylinux wheel (psycopg2-binary, Pillow, nh3),
# so no compiler or -dev packages are needed here.
RUN python -m venv /opt/venv
COPY requirements.lock /tmp/requirements.lock
RUN /opt/venv/bin/pip install --no-cache-dir -r /tmp/requirements.lock

# ---------------------------------------------------------------- final stage
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/venv/bin:${PATH}" \
    DJANGO_SETTINGS_MODULE=newsroom.settings \
    MEDIA_ROOT=/app/media \
    STATIC_ROOT=/app/staticfiles

COPY --from=build /opt/venv /opt/venv

WORKDIR /app
# Source stays owned by root (read-only for the app); only uploads and the
# collected static files are writable by the service user.
COPY . /app

RUN groupadd --system --gid 10001 newsroom \
    && useradd --system --uid 10001 --gid newsroom --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin newsroom \
    && mkdir -p /app/media /app/staticfiles \
    && chown newsroom:newsroom /app/media /app/staticfiles \
    && chmod 0755 /app/docker/entrypoint.sh

USER newsroom

EXPOSE 8000

# slim has no curl: probe /healthz with the standard library. The Host header is
# the first entry of ALLOWED_HOSTS, otherwise Django answers 400 (DisallowedHost).
# urlopen raises on 503, so the probe fails when the database or cache is down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request as u; h = [x.strip().lstrip('.') for x in os.environ.get('ALLOWED_HOSTS', '').split(',') if x.strip() not in ('', '*')]; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': h[0] if h else 'localhost'}), timeout=4)"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
