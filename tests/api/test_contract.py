"""Contract: schemathesis calls every operation of the schema the site serves (the same
``api.get_openapi_schema()`` behind /api/v1/openapi.json, which
``test_lists.py`` holds to the committed file) through the WSGI application, with
generated parameters, and checks each answer against it: status codes, content types,
bodies. Examples are capped so that the run stays well under a minute."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from api.views import api
from newsroom.wsgi import application
from tests.factories import make_article, make_campaign, make_document, make_notice, make_question

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application
schema.location = "/api/v1/openapi.json"


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Calling the WSGI application directly (not Django's test client) would close the
    test's database connection at the end of each request, as between real requests."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture(autouse=True)
def content(settings, keep_the_test_connection):
    settings.API_RATE_LIMIT = "100000/m"
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    make_article(campaigns=[make_campaign()])
    make_document()
    make_notice(photos=0)
    make_question()


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_every_answer_matches_the_schema(case):
    # A string the schema allows may still be refused with a documented 400: a cursor
    # this API did not give, an unknown field name, a date that is not one.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
