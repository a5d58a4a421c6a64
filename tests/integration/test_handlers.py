"""The Lambda handlers invoked with the sample events in events/, as Lambda would."""

import copy
import json
from typing import Any

import pytest

from tests.conftest import ROOT, Database
from veil.auth import ApiKeyStore, Scope
from veil.auth.authorizer import UnauthorizedError
from veil.database.pool import Pool
from veil.local.events import LocalContext
from veil.local.server import LocalApi

pytestmark = pytest.mark.usefixtures("service_environment")


def sample(name: str) -> dict[str, Any]:
    event: dict[str, Any] = json.loads((ROOT / "events" / f"{name}.json").read_text())
    return event


@pytest.fixture(scope="module")
def functions() -> LocalApi:
    return LocalApi(ROOT / "functions")


def test_redact_sample_event(functions: LocalApi, admin_pool: Pool) -> None:
    event = sample("redact")
    response = functions.invoke("redact", event)
    assert response["statusCode"] == 200
    body = json.loads(response["body"])
    assert body["redacted_text"] == "Contact <EMAIL_ADDRESS>, card <CREDIT_CARD>, SSN <US_SSN>."
    assert body["request_id"] == event["requestContext"]["requestId"]
    with admin_pool.connection() as conn:
        row = conn.execute(
            "SELECT tenant_id, client_id, action, outcome, entity_counts FROM audit_events"
            " WHERE request_id = %s",
            (body["request_id"],),
        ).fetchone()
    assert row == (
        "acme",
        "billing",
        "redact",
        "ok",
        {"EMAIL_ADDRESS": 1, "CREDIT_CARD": 1, "US_SSN": 1},
    )


def test_detect_sample_event(functions: LocalApi) -> None:
    response = functions.invoke("redact", sample("detect"))
    assert response["statusCode"] == 200
    types = [e["type"] for e in json.loads(response["body"])["entities"]]
    assert types == ["EMAIL_ADDRESS", "CREDIT_CARD", "US_SSN"]


def test_event_without_authorizer_context_is_refused(functions: LocalApi) -> None:
    event = sample("redact")
    event["requestContext"]["authorizer"] = None
    response = functions.invoke("redact", event)
    assert response["statusCode"] == 401
    assert response["multiValueHeaders"]["Content-Type"] == ["application/problem+json"]


def test_authorizer_allows_a_valid_key_with_its_principal(
    functions: LocalApi, admin_pool: Pool, database: Database
) -> None:
    key_id, key = ApiKeyStore(admin_pool).create("acme", "billing", [Scope.REDACT])
    event = sample("authorizer")
    event["headers"]["x-api-key"] = key
    policy = functions.invoke("authorizer", event)
    assert policy["principalId"] == key_id
    assert policy["context"] == {
        "key_id": key_id,
        "tenant_id": "acme",
        "client_id": "billing",
        "scopes": "redact",
    }
    [statement] = policy["policyDocument"]["Statement"]
    assert statement["Effect"] == "Allow"


def test_authorizer_raises_unauthorized_for_an_unknown_key(functions: LocalApi) -> None:
    event = copy.deepcopy(sample("authorizer"))
    with pytest.raises(UnauthorizedError, match=r"^Unauthorized$"):
        functions.invoke("authorizer", event)


def test_local_context_is_enough_for_powertools() -> None:
    context = LocalContext(function_name="redact")
    assert context.get_remaining_time_in_millis() > 0
    assert context.invoked_function_arn.endswith(":function:redact")


def test_authorizer_names_the_usage_plan_key_to_api_gateway(
    functions: LocalApi, admin_pool: Pool
) -> None:
    _, key = ApiKeyStore(admin_pool).create(
        "acme", "metered", [Scope.REDACT], usage_key=lambda key_id: f"gw-{key_id}"
    )
    event = sample("authorizer")
    event["headers"]["x-api-key"] = key
    policy = functions.invoke("authorizer", event)
    assert policy["usageIdentifierKey"] == f"gw-{policy['principalId']}"
    assert "usage_key" not in policy["context"]


def test_no_cors_lookup_for_callers_that_send_no_origin(
    functions: LocalApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    from veil.tenants import TenantSettings

    def refuse(self: TenantSettings, tenant_id: str) -> frozenset[str]:
        raise AssertionError("tenant origins looked up for a request without Origin")

    monkeypatch.setattr(TenantSettings, "allowed_origins", refuse)
    assert functions.invoke("redact", sample("redact"))["statusCode"] == 200
