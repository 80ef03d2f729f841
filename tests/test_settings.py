"""Vietnamese defaults and production-safe settings."""

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from django.template import Context, Template
from django.utils import timezone

ROOT = Path(__file__).resolve().parent.parent


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def settings_in_subprocess(code: str, **env: str) -> subprocess.CompletedProcess:
    """Import the settings in a fresh interpreter with exactly ``env`` (plus PATH)."""
    clean_env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "newsroom.settings", **env}
    return subprocess.run(
        [sys.executable, "-c", f"import django; from django.conf import settings; {code}"],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_datetime_renders_as_a_vietnamese_newspaper_writes_it():
    moment = dt.datetime(2023, 3, 21, 1, 44, tzinfo=dt.UTC)  # 08:44 in Hà Nội
    assert render("{{ moment }}", moment=moment) == "08:44, 21/03/2023"
    assert render('{{ moment|date:"DATETIME_FORMAT" }}', moment=moment) == "08:44, 21/03/2023"


def test_page_times_read_as_vietnamese_papers_print_them():
    """Hours and minutes, then the day: in Vietnam's time, whatever the stored zone."""
    moment = dt.datetime(2023, 3, 21, 1, 44, tzinfo=dt.UTC)
    assert render('{{ m|date:"DATETIME_FORMAT" }}', m=moment) == "08:44, 21/03/2023"
    assert render('{{ m|date:"c" }}', m=moment) == "2023-03-21T08:44:00+07:00"
    new_year = dt.datetime(2023, 12, 31, 17, 0, 5, tzinfo=dt.UTC)
    assert render('{{ m|date:"DATETIME_FORMAT" }}', m=new_year) == "00:00, 01/01/2024"


def test_numbers_render_with_dot_thousands_separators():
    assert render("{{ n }}", n=130000) == "130.000"
    assert render("{% load humanize %}{{ n|intcomma }}", n=2245) == "2.245"


def test_the_site_runs_in_vietnamese_on_vietnam_time(settings):
    assert settings.LANGUAGE_CODE == "vi"
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"


def test_the_admin_speaks_vietnamese(client, db):
    response = client.get("/quan-tri/login/", secure=True)
    assert response.status_code == 200
    assert "Đăng nhập" in response.content.decode()


def test_startup_refuses_without_secret_key_when_debug_is_off():
    result = settings_in_subprocess("settings.DEBUG")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_server_may_run_without_secret_key():
    result = settings_in_subprocess("print(settings.DEBUG)", DEBUG="true")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_production_defaults_are_strict():
    code = (
        "print(settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE,"
        " settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS > 0,"
        " settings.DATABASES['default']['ENGINE'], settings.CACHES['default']['BACKEND'])"
    )
    result = settings_in_subprocess(code, SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "True",
        "True",
        "True",
        "True",
        "django.db.backends.sqlite3",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_tls_terminating_proxy_can_switch_off_redirect_and_hsts():
    result = settings_in_subprocess(
        "print(settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS,"
        " settings.SECURE_PROXY_SSL_HEADER)",
        SECRET_KEY="x" * 50,
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        USE_X_FORWARDED_PROTO="true",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False 0 ('HTTP_X_FORWARDED_PROTO', 'https')"


def test_database_and_cache_come_from_the_environment():
    result = settings_in_subprocess(
        "print(settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'],"
        " settings.CACHES['default']['BACKEND'], settings.CACHES['default']['LOCATION'])",
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://newsroom:pw@db.example:5432/newsroom",
        REDIS_URL="redis://cache.example:6379/1",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "newsroom",
        "django_redis.cache.RedisCache",
        "redis://cache.example:6379/1",
    ]


def test_check_deploy_is_clean_with_production_settings():
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": "k7#Qw9!vLz2@Xp4$Rt6^Yb8&Nm1*Hc3(Jd5)Fg0_Ks-Ue+Io=Pa~",
        "ALLOWED_HOSTS": "congan.example.vn",
        "CSRF_TRUSTED_ORIGINS": "https://congan.example.vn",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_admin_path_comes_from_the_environment():
    result = settings_in_subprocess(
        "django.setup(); from django.urls import reverse; print(reverse('admin:index'))",
        SECRET_KEY="x" * 50,
        ADMIN_URL="ban-bien-tap",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "/ban-bien-tap/"


def test_production_refuses_the_admin_at_slash_admin():
    result = settings_in_subprocess("settings.DEBUG", SECRET_KEY="x" * 50, ADMIN_URL="admin/")
    assert result.returncode != 0
    assert "ADMIN_URL must not be admin/ in production" in result.stderr


def test_development_sends_slash_admin_to_the_real_admin():
    code = (
        "django.setup(); from django.test import Client;"
        " r = Client().get('/admin/'); print(r.status_code, r['Location'])"
    )
    result = settings_in_subprocess(code, DEBUG="true", ALLOWED_HOSTS="testserver")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("302 /quan-tri/")
