import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import Group

from accounts.models import User
from accounts.roles import Role

# A fixed moment, in Vietnam: 21/03/2023 08:44 (+07:00).
NOW = dt.datetime(2023, 3, 21, 8, 44, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads of each test go to a folder of their own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests do not run collectstatic: serve static files from the source folders."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = True


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache and no buffered page views."""
    from django.core.cache import cache

    from articles import pageviews

    cache.clear()
    pageviews._local.take()
    yield
    cache.clear()


@pytest.fixture
def now():
    """Pin the clock at NOW (time still ticks)."""
    with time_machine.travel(NOW, tick=True) as traveller:
        yield traveller


def _staff(username: str, role: Role) -> User:
    user = User.objects.create_user(
        username=username, password="mat-khau-rat-dai-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role.label))
    return user


@pytest.fixture
def reporter(db):
    return _staff("phongvien", Role.REPORTER)


@pytest.fixture
def editor(db):
    return _staff("bientap", Role.EDITOR)


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
