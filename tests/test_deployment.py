"""Facts about the container deployment (Dockerfile, docker-compose.yml, nginx, .env.example).

No Docker engine is needed: the files are parsed as text / YAML, so a change that
drops one of these guarantees fails here before it fails in production.
"""

import re
import shlex
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = ROOT / "Dockerfile"
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
NGINX_CONF = ROOT / "docker" / "nginx.conf"
COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
SETTINGS = ROOT / "newsroom" / "settings.py"

# env("X"), env.str("X", ...), env.list(\n "X", ...), env.db("X"), ...
SETTINGS_ENV_RE = re.compile(r"\benv(?:\.\w+)?\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']")
# ${NAME}, ${NAME:-default}, ${NAME:?message}, $NAME (shell and compose interpolation)
INTERPOLATION_RE = re.compile(r"\$\{([A-Z][A-Z0-9_]*)|\$([A-Z][A-Z0-9_]*)")
# NAME=value, also commented out as "# NAME=value" (set by compose, documented only)
ENV_LINE_RE = re.compile(r"^#?\s*([A-Z][A-Z0-9_]*)=(.*)$")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose: dict) -> dict:
    return compose["services"]


def _environment(service: dict) -> dict[str, str]:
    """A service's environment, whether written as a mapping or as a KEY=VALUE list."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {key: str(value) for key, value in env.items()}


def _healthcheck_command(service: dict) -> str:
    test = service["healthcheck"]["test"]
    return test if isinstance(test, str) else " ".join(test)


def _volume_sources(service: dict) -> dict[str, str]:
    """Mount target → source for the short "source:target[:mode]" syntax."""
    mounts = {}
    for volume in service.get("volumes", []):
        source, target = volume.split(":")[:2]
        mounts[target] = source
    return mounts


def _dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined."""
    text = re.sub(r"\\\n", " ", DOCKERFILE.read_text(encoding="utf-8"))
    instructions = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keyword, _, rest = line.partition(" ")
            instructions.append((keyword.upper(), rest.strip()))
    return instructions


def _entrypoint_commands() -> list[str]:
    """Non-comment lines of the entrypoint, continuation lines joined."""
    text = re.sub(r"\\\n\s*", " ", ENTRYPOINT.read_text(encoding="utf-8"))
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def _env_example_names() -> dict[str, str]:
    names = {}
    for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines():
        match = ENV_LINE_RE.match(line.strip())
        if match:
            names[match.group(1)] = match.group(2)
    return names


def _settings_env_names() -> set[str]:
    return set(SETTINGS_ENV_RE.findall(SETTINGS.read_text(encoding="utf-8")))


# --- docker-compose.yml ---------------------------------------------------------------


def test_compose_database_is_postgres_16_with_a_volume_and_healthcheck(compose, services):
    db = services["db"]
    assert re.fullmatch(r"postgres:16(\.\d+)?(-[a-z0-9]+)?", db["image"]), db["image"]
    assert _volume_sources(db)["/var/lib/postgresql/data"] == "pgdata"
    assert "pgdata" in compose["volumes"]
    assert "pg_isready" in _healthcheck_command(db)
    env = _environment(db)
    assert {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"} <= env.keys()


def test_compose_redis_service_has_a_healthcheck(services):
    redis = services["redis"]
    assert redis["image"].startswith("redis:7")
    assert "redis-cli ping" in _healthcheck_command(redis)


def test_compose_web_builds_from_the_dockerfile_with_a_healthz_healthcheck(services):
    web = services["web"]
    build = web["build"]
    context = build if isinstance(build, str) else build.get("context", ".")
    dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    assert (COMPOSE.parent / context / dockerfile).resolve() == DOCKERFILE
    assert "/healthz" in _healthcheck_command(web)
    assert web["restart"] == "unless-stopped"
    assert web["env_file"] in (".env", [".env"])


def test_compose_web_waits_for_a_healthy_database_and_redis(services):
    depends_on = services["web"]["depends_on"]
    assert depends_on["db"]["condition"] == "service_healthy"
    assert depends_on["redis"]["condition"] == "service_healthy"


def test_compose_web_database_and_cache_urls_point_at_the_services(services):
    env = _environment(services["web"])
    assert re.match(r"postgres(ql)?://[^@]+@db:5432/", env["DATABASE_URL"]), env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:6379/")
    assert env["SERVE_MEDIA"].lower() == "false"
    assert env["USE_X_FORWARDED_PROTO"].lower() == "true"
    assert env["MEDIA_ROOT"] == "/app/media"


def test_compose_media_volume_is_shared_by_web_and_read_only_nginx(compose, services):
    assert "media" in compose["volumes"]
    web_media_root = _environment(services["web"])["MEDIA_ROOT"]
    assert _volume_sources(services["web"])[web_media_root] == "media"

    nginx = services["nginx"]
    assert "media:/srv/media:ro" in nginx["volumes"]
    assert "./docker/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in nginx["volumes"]
    assert nginx["depends_on"]["web"]["condition"] == "service_healthy"
    assert "ports" not in nginx  # behind the proxy


# --- the production topology (docs/scaling.md) -------------------------------------------


def test_compose_readers_reach_varnish_which_uses_the_shipped_vcl(services):
    varnish = services["varnish"]
    assert varnish["image"].startswith("varnish:")
    assert any(str(port).endswith(":80") for port in varnish["ports"])
    assert "./docker/varnish/default.vcl:/etc/varnish/default.vcl:ro" in varnish["volumes"]
    assert varnish["depends_on"]["nginx"]["condition"] == "service_healthy"
    assert "varnishadm" in _healthcheck_command(varnish)


def test_compose_two_app_servers_share_everything_and_one_migrates(services):
    web, second = services["web"], services["web-2"]
    assert web["image"] == second["image"] and web["build"] == second["build"]
    assert _environment(web)["REDIS_URL"] == _environment(second)["REDIS_URL"]
    assert _environment(web)["DATABASE_URL"] == _environment(second)["DATABASE_URL"]
    assert _environment(second)["RUN_MIGRATIONS"] == "false"
    assert second["depends_on"]["web"]["condition"] == "service_healthy"
    assert "web" in second["networks"]["default"]["aliases"]  # nginx resolves both
    assert "/healthz" in _healthcheck_command(second)
    assert 'RUN_MIGRATIONS:-true}" != "false"' in ENTRYPOINT.read_text(encoding="utf-8")
    nginx = services["nginx"]
    assert {"web", "web-2"} <= nginx["depends_on"].keys()


def test_compose_readers_read_a_streaming_replica_of_the_primary(compose, services):
    primary, replica = services["db"], services["db-replica"]
    assert "wal_level=replica" in primary["command"]
    assert any("primary.sh" in volume for volume in primary["volumes"])
    assert replica["image"] == primary["image"]
    assert "pg_isready" in _healthcheck_command(replica)
    assert replica["depends_on"]["db"]["condition"] == "service_healthy"
    assert _volume_sources(replica)["/var/lib/postgresql/data"] == "pgreplica"
    assert "pgreplica" in compose["volumes"]
    script = (ROOT / "docker" / "postgres" / "replica.sh").read_text(encoding="utf-8")
    assert "pg_basebackup -h db" in script and " -R " in script
    for app in ("web", "web-2"):
        env = _environment(services[app])
        assert re.match(r"postgres(ql)?://[^@]+@db-replica:5432/", env["DATABASE_REPLICA_URL"])
        assert services["web"]["depends_on"]["db-replica"]["condition"] == "service_healthy"


def test_compose_s3_stand_in_is_for_local_use_only(services):
    s3, bucket = services["s3"], services["s3-bucket"]
    assert s3["image"].startswith("motoserver/moto:")
    assert s3["profiles"] == ["local"] and bucket["profiles"] == ["local"]
    assert bucket["depends_on"]["s3"]["condition"] == "service_healthy"
    assert "create_bucket" in " ".join(bucket["command"])
    assert "healthcheck" in s3


# --- nginx ----------------------------------------------------------------------------


def _nginx_location(prefix: str, nth: int = 0) -> str:
    """The body of the ``nth`` `location <prefix> { ... }`, nested blocks included (0: the
    readers' server, 1: the compressing server behind it)."""
    text = NGINX_CONF.read_text(encoding="utf-8")
    start = -1
    for _ in range(nth + 1):
        start = text.index(f"location {prefix} {{", start + 1)
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return text[start : index + 1]
    raise AssertionError(f"unbalanced braces after location {prefix}")


def test_nginx_serves_uploads_from_the_media_volume_as_images_only():
    media = _nginx_location("/media/")
    assert re.search(r"^\s*alias /srv/media/;", media, re.M)
    assert re.search(r"add_header X-Content-Type-Options nosniff always;", media)
    assert re.search(
        r"add_header Content-Security-Policy \"default-src 'none'; sandbox\" always;", media
    )
    assert re.search(r"add_header Referrer-Policy strict-origin-when-cross-origin always;", media)
    assert re.search(r"^\s*default_type application/octet-stream;", media, re.M)
    assert re.search(r"^\s*autoindex off;", media, re.M)
    types = re.search(r"types \{(.*?)\}", media, re.S).group(1)
    declared = {line.split()[0] for line in types.strip().splitlines()}
    assert declared <= {"image/jpeg", "image/png", "image/gif", "image/webp"}
    assert "html" not in types and "svg" not in types


def test_nginx_proxies_everything_else_to_gunicorn_with_forwarded_headers():
    text = NGINX_CONF.read_text(encoding="utf-8")
    readers, app = _nginx_location("/"), _nginx_location("/", nth=1)
    assert "proxy_pass http://127.0.0.1:8081;" in readers  # through the compressing server
    assert "http://web:8000" in app
    for root in (readers, app):
        assert "X-Forwarded-For" in root and "X-Forwarded-Proto" in root
    assert re.search(r"client_max_body_size\s+\d+m;", text)


# --- Dockerfile and entrypoint ----------------------------------------------------------


def test_dockerfile_builds_from_a_pinned_python_slim_image():
    froms = [args for keyword, args in _dockerfile_instructions() if keyword == "FROM"]
    assert len(froms) >= 2, "expected a multi-stage build"
    for args in froms:
        assert re.match(r"python:3\.11(\.\d+)?-slim-[a-z]+\b", args), args


def test_dockerfile_runs_as_a_non_root_user():
    users = [args for keyword, args in _dockerfile_instructions() if keyword == "USER"]
    assert users, "no USER instruction: the container would run as root"
    final_user = users[-1].split(":")[0]
    assert final_user not in ("root", "0")


def test_dockerfile_healthcheck_probes_healthz_and_entrypoint_is_the_script():
    instructions = dict(_dockerfile_instructions())
    assert "/healthz" in instructions["HEALTHCHECK"]
    assert "docker/entrypoint.sh" in instructions["ENTRYPOINT"]
    assert instructions["EXPOSE"] == "8000"


def test_entrypoint_migrates_and_collects_static_before_starting_gunicorn():
    commands = _entrypoint_commands()
    assert ENTRYPOINT.read_text(encoding="utf-8").startswith("#!/bin/sh\n")
    assert "set -eu" in commands

    def position(fragment: str) -> int:
        return next(i for i, command in enumerate(commands) if fragment in command)

    migrate = position("manage.py migrate --noinput")
    collectstatic = position("manage.py collectstatic --noinput")
    gunicorn = position("exec gunicorn newsroom.wsgi:application")
    assert migrate < gunicorn and collectstatic < gunicorn


def test_entrypoint_takes_gunicorn_settings_from_the_environment():
    gunicorn = next(c for c in _entrypoint_commands() if c.startswith("exec gunicorn"))
    args = shlex.split(gunicorn)
    assert args[args.index("--workers") + 1] == "${GUNICORN_WORKERS:-2}"
    assert args[args.index("--threads") + 1].startswith("${GUNICORN_THREADS")
    assert args[args.index("--timeout") + 1].startswith("${GUNICORN_TIMEOUT")
    assert args[args.index("--bind") + 1] == "0.0.0.0:8000"
    assert "--forwarded-allow-ips=*" in args


def test_entrypoint_is_executable():
    assert ENTRYPOINT.stat().st_mode & 0o111


# --- .env.example -------------------------------------------------------------------


def test_settings_read_their_variables_through_env():
    # Guards the regex below: if it stopped matching, the other checks would pass vacuously.
    names = _settings_env_names()
    assert {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"} <= names
    assert len(names) >= 25


def test_env_example_documents_every_variable_the_settings_read():
    missing = _settings_env_names() - _env_example_names().keys()
    assert not missing, f"read by newsroom/settings.py but not in .env.example: {sorted(missing)}"


def test_env_example_names_only_variables_that_something_reads():
    readers = _settings_env_names()
    for path in (COMPOSE, ENTRYPOINT):
        for braced, bare in INTERPOLATION_RE.findall(path.read_text(encoding="utf-8")):
            readers.add(braced or bare)
    unknown = _env_example_names().keys() - readers
    assert not unknown, f"in .env.example but read by nothing: {sorted(unknown)}"


def test_env_example_has_an_explaining_comment_before_every_variable():
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if ENV_LINE_RE.match(line) and not line.startswith("#"):
            assert number and lines[number - 1].startswith("#"), f"no comment above: {line}"


def test_env_example_holds_placeholders_not_secrets():
    names = _env_example_names()
    assert names["SECRET_KEY"].startswith("change-me")
    assert names["POSTGRES_PASSWORD"].startswith("change-me")
    assert names["DEBUG"].lower() == "false"
    assert names.get("EMAIL_HOST_PASSWORD", "") == ""


def test_nginx_keeps_anonymous_pages_briefly_and_never_for_staff():
    text = NGINX_CONF.read_text(encoding="utf-8")
    root = _nginx_location("/")
    assert re.search(r"^proxy_cache_path /var/cache/nginx/pages .*keys_zone=pages:", text, re.M)
    assert re.search(r"^\s*proxy_cache pages;", root, re.M)
    # A staff session cookie skips the cache and is never stored.
    cookie_map = re.search(r"map \$http_cookie \$staff_session \{(.*?)\}", text, re.S).group(1)
    assert "sessionid=" in cookie_map
    assert re.search(r"^\s*proxy_cache_bypass \$staff_session;", root, re.M)
    assert re.search(r"^\s*proxy_no_cache \$staff_session;", root, re.M)
    # How long comes from Django (X-Accel-Expires); stale while refreshed or the app fails.
    assert not re.search(r"^\s*proxy_cache_valid", root, re.M)
    assert re.search(
        r"^\s*proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;",
        root,
        re.M,
    )
    assert re.search(r"^\s*proxy_cache_background_update on;", root, re.M)
    assert re.search(r"^\s*proxy_cache_lock on;", root, re.M)
    # One stored gzip per page (the compressing server behind), unpacked for old clients.
    assert re.search(r"^\s*proxy_set_header Accept-Encoding gzip;", root, re.M)
    assert re.search(r"^\s*gunzip on;", root, re.M)
    for header in ("Cache-Tag", "Surrogate-Key", "xkey"):
        assert re.search(rf"^\s*proxy_hide_header {header};", root, re.M)
