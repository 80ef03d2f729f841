"""Contract: schemathesis calls every operation of the schema the site serves (the same
``api.get_openapi_schema()`` behind /api/v1/openapi.json, which
``test_lists.py`` holds to the committed file) through the WSGI application, with
generated parameters, and checks each answer against it: status codes, content types,
bodies. Examples are capped so that the run stays well under a minute."""

import pytest
import schemathesis
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
def content(settings):
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
