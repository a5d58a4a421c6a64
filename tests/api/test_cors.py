"""CORS only for the origins a tenant allowed; preflights answered for any origin."""

from veil.auth import ApiKeyStore, Scope
from veil.database.pool import Pool
from veil.http import cors
from veil.tenants import TenantSettings

from .conftest import Client

APP = "https://app.example.com"


def test_only_the_tenants_origins_may_read_responses(
    keys: ApiKeyStore, admin_pool: Pool, server_url: str, client: Client
) -> None:
    TenantSettings.set_allowed_origins(admin_pool, "cors-tenant", [APP])
    _, key = keys.create("cors-tenant", "web", [Scope.DETECT])
    web = Client(server_url, key)
    allowed = web.post("/v1/detect", {"text": "hi"}, headers={"origin": APP})
    assert allowed.headers["Access-Control-Allow-Origin"] == APP
    assert "X-Request-Id" in allowed.headers["Access-Control-Expose-Headers"]
    assert allowed.headers["Vary"] == "Origin"
    other = web.post("/v1/detect", {"text": "hi"}, headers={"origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    # A tenant that configured nothing gets no CORS at all, whatever the origin.
    plain = client.post("/v1/detect", {"text": "hi"}, headers={"origin": APP})
    assert "Access-Control-Allow-Origin" not in plain.headers


def test_preflights_are_answered_for_any_origin(server_url: str) -> None:
    reply = Client(server_url, "").request(
        "OPTIONS", "/v1/redact", None, key=None,
        headers={"origin": "https://any.example", "access-control-request-method": "POST"},
    )  # fmt: skip
    assert reply.status == 204
    assert reply.headers["Access-Control-Allow-Origin"] == "https://any.example"
    assert reply.headers["Access-Control-Allow-Headers"] == cors.ALLOWED_HEADERS
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
