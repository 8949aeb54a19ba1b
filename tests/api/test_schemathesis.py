"""Schemathesis against the schema the app serves: every operation, positive and negative
examples, every built-in check (server errors, status codes, content types, headers and
bodies as documented, invalid data rejected, valid data accepted, auth not ignored).

One allowance: a write whose body is valid by the schema may still be refused (400) for
what a schema cannot say: a referenced leader, meeting, article or country that does not
exist, an upload with no usable text, a merge of a record into itself. So
``positive_data_acceptance`` is checked on reads only; on writes, such a 400 must still be
an error in the documented shape (which the other checks hold too).

Run anonymously and with an editor's token. Examples per operation are bounded
(``SCHEMATHESIS_EXAMPLES``, default 10) to keep the run short.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import positive_data_acceptance

from api.models import ApiToken, TokenScope
from tests.api.test_read import _meetings
from tests.factories import editor

EXAMPLES = int(os.environ.get("SCHEMATHESIS_EXAMPLES", "10"))

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", get_wsgi_application())
schema.config.generation.update(max_examples=EXAMPLES, allow_x00=False, no_shrink=True)

HYPOTHESIS = settings(
    deadline=None,
    max_examples=EXAMPLES,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
)


@pytest.fixture(autouse=True)
def _world(db, queued, settings):
    settings.API_THROTTLE_RATES = {}
    _meetings(3)  # some records, so that small ids exist


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    """As Django's test client does: the WSGI app must not close the database connection
    at the end of each request (it holds the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def check(case, **kwargs):
    write = case.method.upper() not in ("GET", "HEAD", "OPTIONS")
    excluded = [positive_data_acceptance] if write else []
    response = case.call_and_validate(excluded_checks=excluded, **kwargs)
    if write and response.status_code == 400:
        assert {"detail", "code"} <= set(response.json()), response.text


@schema.parametrize()
@HYPOTHESIS
def test_anonymous(case):
    check(case)


@pytest.fixture
def editor_key(db):
    return ApiToken.issue(user=editor("schemathesis-editor"), scope=TokenScope.EDIT)[1]


@schema.parametrize()
@HYPOTHESIS
def test_editor_token(case, editor_key):
    check(case, headers={"Authorization": f"Token {editor_key}"})
