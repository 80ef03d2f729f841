"""Servers of a test's own, for faults: a Redis to stop, freeze and restart, a PostgreSQL
cluster to stop and start. Never the shared ones: each listens on 127.0.0.1 on a port
of its own and is stopped by its PID.

Ports: ``FAULT_PORTS=16300-16349`` keeps them in a range (a shared machine gives each
engineer one); without it the system picks a free port.

Used by the fault tests (``tests/test_faults_*.py``) and by ``make faults``
(``scripts/faults.py``).
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_given: set[int] = set()  # handed out by this process (their servers may not listen yet)


def free_port() -> int:
    """A port nothing listens on: from ``FAULT_PORTS`` (``first-last``) when it is set."""
    wanted = os.environ.get("FAULT_PORTS", "")
    candidates = [0] * 20
    if wanted:
        first, last = (int(n) for n in wanted.split("-"))
        candidates = list(range(first, last + 1))
    for port in candidates:
        if port in _given:
            continue
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            port = probe.getsockname()[1]
        if port not in _given and not _answers(port):
            _given.add(port)
            return port
    raise RuntimeError(f"no free port in FAULT_PORTS={wanted}")


def _answers(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _wait(condition, *, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what}: not within {seconds} s")
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _terminate(process: subprocess.Popen | None, *, seconds: int) -> None:
    """SIGTERM to a server of a test, then SIGKILL after ``seconds`` (to its process
    group when it leads one: gunicorn's workers, varnishd's child); None, for the
    attribute that held it."""
    if process is None:
        return None
    process.terminate()
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        if os.getpgid(process.pid) == process.pid:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait()
    return None


class RedisServer:
    """``redis-server`` without persistence on a port of its own.

    ``stop()`` and ``start()`` again keep the port (a Redis that restarts); ``freeze()``
    pauses the process (SIGSTOP): connections are accepted by the kernel and never
    answered, which is what a Redis stuck on a slow disk or a full swap looks like.
    """

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix=f"redis-{self.port}-"))
        self.pid: int | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        pidfile = self.folder / "redis.pid"
        pidfile.unlink(missing_ok=True)
        subprocess.run(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no", "--daemonize", "yes",
             "--pidfile", str(pidfile), "--dir", str(self.folder),
             "--logfile", str(self.folder / "redis.log")],
            check=True,
        )  # fmt: skip
        _wait(pidfile.exists, seconds=10, what="redis-server's pid file")
        _wait(lambda: pidfile.read_text().strip().isdigit(), seconds=5, what="its pid")
        self.pid = int(pidfile.read_text())
        _wait(lambda: _answers(self.port), seconds=10, what=f"redis on port {self.port}")
        return self

    def stop(self, *, keep_data: bool = False) -> None:
        """Stop the process; with ``keep_data`` it starts again with what it held (as a
        Redis with persistence does after a restart), else empty."""
        if self.pid is None:
            return
        dump = self.folder / "dump.rdb"
        dump.unlink(missing_ok=True)
        if keep_data:
            subprocess.run(
                ["redis-cli", "-p", str(self.port), "SAVE"], check=True, capture_output=True
            )
        pid, self.pid = self.pid, None
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)  # a frozen process cannot act on SIGTERM
            os.kill(pid, signal.SIGTERM)
        _wait(lambda: not _alive(pid), seconds=10, what=f"redis {pid} to stop")

    def freeze(self) -> None:
        os.kill(self.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.pid, signal.SIGCONT)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def postgres_program(name: str) -> str:
    """A PostgreSQL server program (initdb, pg_ctl, postgres) of the newest version here."""
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version)
    if found:
        return found[-1]
    on_path = shutil.which(name)
    if on_path is None:
        raise RuntimeError(f"{name} is not installed (apt-get install postgresql)")
    return on_path


def _version(path: str) -> int:
    part = Path(path).parent.parent.name
    return int(part) if part.isdigit() else 0


def _as_server_user() -> list[str]:
    """PostgreSQL refuses to run as root: as root, run its programs as ``postgres``."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


class PostgresServer:
    """A PostgreSQL cluster of its own in a temporary folder (trust, user ``postgres``).

    ``stop()`` shuts the postmaster down by its PID (SIGINT, a fast shutdown: clients are
    cut off as in a crash of the database host); ``start()`` brings it back on the port.
    """

    def __init__(self, port: int | None = None, *, initialise: bool = True) -> None:
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix=f"postgres-{self.port}-"))
        self.data = self.folder / "data"
        self.sockets = self.folder / "sockets"
        self.sockets.mkdir()
        self.pid: int | None = None
        # A primary that streams to a replica keeps full-page writes (a base backup needs them).
        self.safe_for_backup = False
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
            shutil.chown(self.sockets, "postgres")
        if initialise:
            subprocess.run(
                [*_as_server_user(), postgres_program("initdb"), "-D", str(self.data),
                 "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"],
                check=True, capture_output=True,
            )  # fmt: skip

    @classmethod
    def replica_of(cls, primary: PostgresServer, *, apply_delay: str = "0") -> PostgresServer:
        """A streaming replica of the running ``primary``, made with ``pg_basebackup``;
        ``apply_delay`` (``recovery_min_apply_delay``, e.g. ``"2s"``) makes it lag."""
        replica = cls(initialise=False)
        subprocess.run(
            [*_as_server_user(), postgres_program("pg_basebackup"), "-h", "127.0.0.1",
             "-p", str(primary.port), "-U", "postgres", "-D", str(replica.data),
             "-R", "-X", "stream", "-c", "fast"],
            check=True, capture_output=True,
        )  # fmt: skip
        with open(replica.data / "postgresql.auto.conf", "a") as conf:
            conf.write(f"recovery_min_apply_delay = '{apply_delay}'\nhot_standby = on\n")
        return replica

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> PostgresServer:
        options = (
            f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off"
        )
        if not self.safe_for_backup:
            options += " -c full_page_writes=off"
        subprocess.run(
            [*_as_server_user(), postgres_program("pg_ctl"), "-D", str(self.data), "-o", options,
             "-l", str(self.folder / "postgres.log"), "-w", "-t", "30", "start"],
            check=True, capture_output=True,
        )  # fmt: skip
        self.pid = int((self.data / "postmaster.pid").read_text().split()[0])
        return self

    def stop(self) -> None:
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGINT)
        _wait(lambda: not _alive(pid), seconds=30, what=f"postgres {pid} to stop")

    def psql(self, sql: str, database: str = "postgres") -> str:
        return subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-d", database,
             "-v", "ON_ERROR_STOP=1", "-tAc", sql],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class MotoServer:
    """moto's S3 stand-in in server mode (``python -m moto.server``): a real HTTP endpoint
    that boto3 and django-storages talk to as to any S3-compatible store. ``stop()`` and
    ``start()`` again keep the port (and lose the objects, as a store that was wiped)."""

    ACCESS_KEY = "testing"
    SECRET_KEY = "testing"  # noqa: S105 - moto accepts any key

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None
        self.log = Path(tempfile.mkdtemp(prefix=f"moto-{self.port}-")) / "moto.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> MotoServer:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        _wait(lambda: _answers(self.port), seconds=30, what=f"moto on port {self.port}")
        return self

    def stop(self) -> None:
        self.process = _terminate(self.process, seconds=10)

    def client(self):
        import boto3

        return boto3.client(
            "s3", endpoint_url=self.url, region_name="us-east-1",
            aws_access_key_id=self.ACCESS_KEY, aws_secret_access_key=self.SECRET_KEY,
        )  # fmt: skip

    def storages(self, bucket: str, *, keep_originals: bool = False) -> tuple[dict, str]:
        """``STORAGES`` entries and ``MEDIA_URL`` for ``bucket`` on this server, made the
        way the settings make them (newsroom/storage.py)."""
        from newsroom.storage import s3_storages

        return s3_storages(
            bucket=bucket, endpoint_url=self.url, keep_originals=keep_originals,
            access_key=self.ACCESS_KEY, secret_key=self.SECRET_KEY,
        )  # fmt: skip

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.log.parent, ignore_errors=True)


class AppServer:
    """The site under gunicorn (production settings, DEBUG off) on a port of its own.

    ``env`` adds to or overrides the environment: the database, Redis and the rest are
    the caller's. ``kill()`` is a crash (SIGKILL of the master and its workers);
    ``stop()`` a graceful shutdown.
    """

    def __init__(self, env: dict[str, str], *, workers: int = 2, port: int | None = None) -> None:
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix=f"gunicorn-{self.port}-"))
        self.env = {
            **os.environ,
            "SECRET_KEY": "test-" + "k" * 50,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "TRUSTED_PROXY_COUNT": "1",
            "SITE_URL": f"http://127.0.0.1:{self.port}",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "PUBLIC_RATE_LIMIT": "100000/m",
            "LOG_LEVEL": "WARNING",
            **env,
        }
        self.env.pop("DJANGO_SETTINGS_MODULE", None)
        self.workers = workers
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> str:
        path = self.folder / "site.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
            capture_output=True, text=True,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args[:2])} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def start(self) -> AppServer:
        log = open(self.folder / "site.log", "ab")  # noqa: SIM115 - the server keeps it
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "newsroom.wsgi:application",
             "--workers", str(self.workers), "--bind", f"127.0.0.1:{self.port}",
             "--timeout", "30", "--graceful-timeout", "5"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        log.close()
        _wait(lambda: self._answers("/robots.txt"), seconds=60, what=f"gunicorn on {self.port}")
        return self

    def _answers(self, path: str) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError("gunicorn exited: " + self.log[-3000:])
        try:
            with urllib.request.urlopen(self.url + path, timeout=2) as answer:
                return answer.status == 200
        except (OSError, urllib.error.URLError):
            return False

    def kill(self) -> None:
        """SIGKILL to gunicorn's master and its workers (its own process group)."""
        if self.process is None:
            return
        process, self.process = self.process, None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def stop(self) -> None:
        self.process = _terminate(self.process, seconds=20)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


class NginxProxy:
    """nginx as a load balancer in front of app servers (a test configuration of its own,
    not docker/nginx.conf): round robin, and a request whose server failed before
    answering goes to the next one (``proxy_next_upstream``)."""

    def __init__(
        self, backends: list[int], port: int | None = None, *, cache_seconds: int = 0
    ) -> None:
        self.port = port or free_port()
        self.folder = Path(tempfile.mkdtemp(prefix=f"nginx-{self.port}-"))
        self.backends = backends
        self.cache_seconds = cache_seconds  # > 0: keep 200s that long (bench/scaling.py)
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def config(self) -> str:
        servers = "\n".join(
            f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;"
            for port in self.backends
        )
        folder = self.folder
        cache_zone, cache = "", ""
        if self.cache_seconds:
            cache_zone = f"proxy_cache_path {folder}/cache keys_zone=pages:10m max_size=200m;"
            cache = (
                "proxy_cache pages; proxy_cache_lock on; "
                "proxy_ignore_headers Cache-Control Expires Set-Cookie X-Accel-Expires; "
                f"proxy_cache_valid 200 {self.cache_seconds}s;"
            )
        # As root, nginx's workers run as nobody: they must be able to write the folder.
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        return f"""
daemon off;
{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    {cache_zone}
    upstream app {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{self.port};
        location / {{
            proxy_pass http://app;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_connect_timeout 1s;
            proxy_next_upstream error timeout http_502 http_503;
            proxy_next_upstream_tries 2;
            {cache}
        }}
    }}
}}
"""

    def start(self) -> NginxProxy:
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        (self.folder / "nginx.conf").write_text(self.config())
        if os.geteuid() == 0:
            shutil.chown(self.folder, "nobody", "nogroup")
        self.process = subprocess.Popen(
            [nginx, "-c", str(self.folder / "nginx.conf"), "-p", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=open(self.folder / "stderr.log", "wb"),  # noqa: SIM115
        )  # fmt: skip
        _wait(lambda: _answers(self.port), seconds=10, what=f"nginx on {self.port}")
        return self

    def stop(self) -> None:
        self.process = _terminate(self.process, seconds=10)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


VARNISHD = shutil.which("varnishd") or (
    "/usr/sbin/varnishd" if os.path.exists("/usr/sbin/varnishd") else None
)
SHIPPED_VCL = ROOT / "docker" / "varnish" / "default.vcl"


class VarnishProxy:
    """varnishd with the shipped VCL (``docker/varnish/default.vcl``), its backend
    replaced by ``backend_port`` on 127.0.0.1: a working folder of its own (``-n``), the
    listening and admin ports from ``FAULT_PORTS``, stopped by its PID."""

    def __init__(self, backend_port: int, port: int | None = None) -> None:
        self.port = port or free_port()
        self.admin_port = free_port()
        self.backend_port = backend_port
        self.folder = Path(tempfile.mkdtemp(prefix=f"varnish-{self.port}-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def vcl(self) -> str:
        text = SHIPPED_VCL.read_text(encoding="utf-8")
        replaced = text.replace('.host = "nginx";', '.host = "127.0.0.1";').replace(
            '.port = "8081";', f'.port = "{self.backend_port}";'
        )
        if (
            replaced.count(f'"{self.backend_port}"') != 1
            or '"127.0.0.1";\n    .port' not in replaced
        ):
            raise RuntimeError("the shipped VCL's backend is no longer nginx:8081")
        return replaced

    def start(self) -> VarnishProxy:
        if VARNISHD is None:
            raise RuntimeError(
                "varnishd is not installed (apt-get install varnish varnish-modules)"
            )
        (self.folder / "default.vcl").write_text(self.vcl(), encoding="utf-8")
        with open(self.folder / "varnishd.log", "ab") as log:
            # -j none: as root, no privilege separation (the folder is the test's own).
            self.process = subprocess.Popen(
                [VARNISHD, "-F", "-j", "none", "-n", str(self.folder / "work"),
                 "-a", f"127.0.0.1:{self.port}", "-T", f"127.0.0.1:{self.admin_port}",
                 "-f", str(self.folder / "default.vcl"), "-s", "malloc,128m",
                 "-p", "thread_pools=1", "-p", "thread_pool_min=10"],
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        try:
            _wait(self._listening, seconds=60, what=f"varnishd on {self.port}")
        except RuntimeError:
            self.stop()
            raise
        return self

    def _listening(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            log = (self.folder / "varnishd.log").read_text(errors="replace")
            raise RuntimeError("varnishd exited: " + log[-3000:])
        return _answers(self.port)

    def adm(self, *command: str) -> str:
        """``varnishadm`` on this instance (``backend.list``, ``ban req.url ~ .``…)."""
        return subprocess.run(
            ["varnishadm", "-n", str(self.folder / "work"), *command],
            check=True, capture_output=True, text=True, timeout=10,
        ).stdout  # fmt: skip

    def stop(self) -> None:
        self.process = _terminate(self.process, seconds=15)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
SHIPPED_NGINX = ROOT / "docker" / "nginx.conf"


class ShippedNginx:
    """docker/nginx.conf inside an ``http {}`` of its own, its addresses replaced."""

    def __init__(self, app_port: int, *, compress_on_hit: bool = False) -> None:
        self.port, self.inner_port, self.app_port = free_port(), free_port(), app_port
        # The configuration before the cache kept gzip (bench/edge.py's comparison): the
        # cache holds the plain page and nginx compresses it again on every hit.
        self.compress_on_hit = compress_on_hit
        self.folder = Path(tempfile.mkdtemp(prefix=f"nginx-edge-{self.port}-"))
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def site(self) -> str:
        text = SHIPPED_NGINX.read_text(encoding="utf-8")
        replacements = {
            "listen 80;": f"listen 127.0.0.1:{self.port};",
            "listen 8081;": f"listen 127.0.0.1:{self.inner_port};",
            "http://127.0.0.1:8081;": f"http://127.0.0.1:{self.inner_port};",
            "http://127.0.0.1:80;": f"http://127.0.0.1:{self.port};",
            "resolver 127.0.0.11 valid=10s ipv6=off;": "",
            "http://web:8000;": f"http://127.0.0.1:{self.app_port};",
            "/var/cache/nginx/pages": str(self.folder / "cache"),
            "/srv/media/": str(self.folder / "media") + "/",
        }
        if self.compress_on_hit:
            replacements["proxy_set_header Accept-Encoding gzip;"] = (
                'proxy_set_header Accept-Encoding "";'
            )
        for old, new in replacements.items():
            assert old in text, f"docker/nginx.conf no longer has {old!r}"
            text = text.replace(old, new)
        return text

    def start(self) -> ShippedNginx:
        folder = self.folder
        (folder / "site.conf").write_text(self.site(), encoding="utf-8")
        user = "user nobody nogroup;" if os.geteuid() == 0 else ""
        (folder / "nginx.conf").write_text(
            f"daemon off; {user} worker_processes 1; pid {folder}/nginx.pid;\n"
            f"error_log {folder}/error.log warn;\nevents {{ worker_connections 256; }}\n"
            f"http {{ access_log {folder}/access.log; client_body_temp_path {folder}/body;\n"
            f"proxy_temp_path {folder}/proxy; fastcgi_temp_path {folder}/fastcgi;\n"
            f"uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;\n"
            "default_type application/octet-stream;\n"
            f"include {folder}/site.conf; }}\n"
        )
        if os.geteuid() == 0:
            shutil.chown(folder, "nobody", "nogroup")
        self.process = subprocess.Popen(
            [NGINX, "-c", str(folder / "nginx.conf"), "-p", str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=open(folder / "stderr.log", "wb"),  # noqa: SIM115 - nginx keeps it
        )
        _wait(lambda: _answers(self.port), seconds=10, what=f"nginx on {self.port}")
        return self

    def close(self) -> None:
        self.process = _terminate(self.process, seconds=10)
        shutil.rmtree(self.folder, ignore_errors=True)
