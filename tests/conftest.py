import datetime as dt
import itertools
import os
import shutil
from pathlib import Path

import pytest
import time_machine
from django.db import connections
from django.db.utils import ConnectionHandler
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image as PILImage

from accounts.models import User
from accounts.roles import Role, group_of
from tests import media
from tests.servers import MotoServer, RedisServer

# Every persona's password (long enough for the password validators).
PASSWORD = "mat-khau-rat-dai-123"

# A fixed moment, in Vietnam: 21/03/2023 08:44 (+07:00).
NOW = dt.datetime(2023, 3, 21, 8, 44, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path, request):
    """Uploads of each test go to a folder of their own; with ``TEST_MEDIA_STORE=s3``
    (``make test-s3``) to a bucket of their own on moto's S3 stand-in instead."""
    settings.MEDIA_ROOT = tmp_path / "media"
    if media.S3_MODE:
        request.getfixturevalue("s3_bucket")
    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def moto_server():
    """moto's S3 server, one for the session (tests/servers.py)."""
    server = MotoServer().start()
    yield server
    server.close()


_buckets = itertools.count()


@pytest.fixture
def s3_bucket(settings, moto_server):
    """A fresh bucket on the S3 stand-in, made the site's media store for this test."""
    bucket = f"newsroom-test-{os.getpid()}-{next(_buckets)}"
    moto_server.client().create_bucket(Bucket=bucket)
    media_storages, settings.MEDIA_URL = moto_server.storages(bucket)
    settings.STORAGES = {**settings.STORAGES, **media_storages}
    settings.SERVE_MEDIA = False
    return bucket


@pytest.fixture(autouse=True)
def reads_stay_on_the_test_database(monkeypatch):
    """With DATABASE_REPLICA_URL set (its test alias mirrors the test database), tests read
    through ``default`` as pytest-django expects; the router's rules are tested on their own
    (tests/test_replica_router.py) and on a real replica (tests/test_faults_tier.py)."""
    from newsroom import replica

    monkeypatch.setattr(replica, "configured", lambda: False)


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests do not run collectstatic: serve static files from the source folders."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True, scope="session")
def jinja2_templates_report_their_context():
    """The test client learns the context of a Jinja2 render as it does for Django's own
    templates (``response.context``), through the same ``template_rendered`` signal."""
    from django.template.backends import jinja2 as backend
    from django.test.signals import template_rendered

    original = backend.Template.render

    def render(self, context=None, request=None):
        html = original(self, context, request)
        template_rendered.send(sender=self, template=self, context=context or {})
        return html

    backend.Template.render = render
    yield
    backend.Template.render = original


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache and no buffered page views."""
    from django.core.cache import cache

    from public import pageviews

    cache.clear()
    pageviews._local.take()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def force_login_passes_the_second_factor(monkeypatch):
    """``client.force_login(user)`` skips the password; here it skips the app code too.

    Tests about two-step verification itself log in through the real pages
    (tests/accounts/test_two_factor.py); every other test just needs a working session.
    """
    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from accounts import two_factor

        if two_factor.must_verify(user):
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            device = device or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def database(transactional_db):
    """Take the database away (a dead address), and give it back.

    The site's connection wrapper is swapped for one whose settings point at nothing:
    every query then fails the way it does when PostgreSQL is stopped. ``restore()``
    points that same wrapper back at the live database, like PostgreSQL coming back.
    Real commits are needed: the restored connection is a new one.
    """
    live = connections["default"]
    dead_settings = dict(live.settings_dict)
    if live.vendor == "sqlite":
        dead_settings["NAME"] = "/nonexistent-folder/newsroom.sqlite3"
    else:
        dead_settings.update(HOST="127.0.0.1", PORT="1")
    wrapper = ConnectionHandler({"default": dead_settings})["default"]

    class Control:
        def stop(self):
            connections._connections.default = wrapper

        def restore(self):
            wrapper.settings_dict.update(
                {key: live.settings_dict[key] for key in ("NAME", "HOST", "PORT")}
            )

    yield Control()
    connections._connections.default = live
    wrapper.close()


@pytest.fixture
def own_redis(settings):
    """A Redis of the test's own (``tests/servers.py``) as the site's cache, configured as
    production configures one; the test may stop, freeze and restart it."""
    from django_redis.pool import ConnectionFactory

    from public.cache_breaker import breaker

    server = RedisServer().start()
    original = settings.CACHES
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": server.url,
            "KEY_PREFIX": "test",
            "OPTIONS": dict(settings.REDIS_CACHE_OPTIONS),
        }
    }
    breaker.reset()
    yield server
    settings.CACHES = original
    breaker.reset()
    pool = ConnectionFactory._pools.pop(server.url, None)  # a later server may take the port
    if pool is not None:
        pool.disconnect()
    server.close()


@pytest.fixture
def cache_trips(monkeypatch) -> list[tuple[str, object]]:
    """Round trips to the cache from now on: ``(method, key or keys)``, outermost calls only
    (Django's local-memory cache makes ``get_many`` of ``get``s; Redis answers it at once)."""
    from django.core.cache import cache

    trips, depth = [], [0]

    def counted(name, original):
        def call(keys, *args, **kwargs):
            if not depth[0]:
                trips.append((name, keys))
            depth[0] += 1
            try:
                return original(keys, *args, **kwargs)
            finally:
                depth[0] -= 1

        return call

    for name in ("get", "get_many", "set", "set_many"):
        monkeypatch.setattr(cache, name, counted(name, getattr(cache, name)))
    return trips


@pytest.fixture
def admin_url(settings) -> str:
    """Where the admin lives (ADMIN_URL), e.g. "/quan-tri/"."""
    return "/" + settings.ADMIN_URL


@pytest.fixture
def now():
    """Pin the clock at NOW (time still ticks)."""
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller


def _staff(username: str, role: Role) -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, is_staff=True)
    user.groups.add(group_of(role))
    return user


@pytest.fixture
def reporter(db):
    return _staff("phongvien", Role.REPORTER)


@pytest.fixture
def editor(db):
    return _staff("bientap", Role.EDITOR)


@pytest.fixture
def other_editor(db):
    """A second editor, for two people working on one article."""
    return _staff("bientap2", Role.EDITOR)


@pytest.fixture
def approver(db):
    return _staff("lanhdao", Role.APPROVER)


@pytest.fixture
def photo_staff(db):
    return _staff("anh", Role.PHOTO_STAFF)


@pytest.fixture
def administrator(db):
    user = _staff("quantri", Role.ADMINISTRATOR)
    user.is_superuser = True
    user.save()
    return user


@pytest.fixture(scope="session")
def small_demo_data(tmp_path_factory) -> Path:
    """The demo data with its photos made small: tests are about content, not pixels."""
    from demo.data import FOLDER

    folder = tmp_path_factory.mktemp("demo-data")
    shutil.copytree(FOLDER, folder, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.py"))
    for photo in (folder / "photos").glob("*.jpg"):
        with PILImage.open(photo) as picture:
            small = picture.resize((picture.width // 4, picture.height // 4))
        small.save(photo, "JPEG", quality=80)
    return folder
