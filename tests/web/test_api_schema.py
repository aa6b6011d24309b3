"""The served OpenAPI schema exercised by schemathesis: generated requests against every
operation, as an admin (reads everything), as A's operator (writes) and anonymously; no answer
is a server error, and every answer conforms to the schema (status, content type, body).

The check that every schema-valid request is accepted is left out: a schema-valid write can
still be refused with 422 by the plan's rules (an indicator code the plan does not hold, a value
the plan checks refuse), which no schema can state; those answers are checked to conform.

Kept fast and repeatable: a few examples per operation, the same ones every run; the generated
agency and year are mapped onto the world's agencies and plan years three times in four (else
nearly every request would be a 404)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from sakip.web.api.api import api
from tests.web.test_api import token_of

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = get_wsgi_application()
EXAMPLES = 6


@pytest.fixture(autouse=True)
def _connection_kept():
    """The WSGI application, called directly, closes the database connection at the end of each
    request (Django's request signals), which on PostgreSQL ends the test's transaction; Django's
    test client keeps it open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _aimed(case, world) -> None:
    """Most requests at a real agency-year: the generated numbers pick which."""
    params = case.path_parameters or {}
    if "agency" in params and isinstance(params["agency"], int) and params["agency"] % 4:
        agency = world.a if params["agency"] % 2 else world.b
        params["agency"] = agency.pk
        if isinstance(params.get("year"), int):
            years = list(agency.strategic_plan.years)
            params["year"] = years[params["year"] % len(years)]


@pytest.mark.parametrize("persona", ["admin", "operator_a", "anonymous"])
@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, phases=[Phase.explicit, Phase.generate],
          derandomize=True,  # the same examples every run: the suite is repeatable
          suppress_health_check=list(HealthCheck))
def test_the_api_conforms_to_its_schema(case, world, persona):
    _aimed(case, world)
    headers = {"Authorization": f"Bearer {token_of(persona)}"} if persona != "anonymous" else {}
    case.call_and_validate(headers=headers, excluded_checks=[positive_data_acceptance])
