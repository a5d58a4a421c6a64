"""Reversible redaction: the encrypt operator under a KMS key (moto), and POST
/v1/reidentify — its own scope, off unless the tenant turns it on, every attempt audited."""

import os
from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from veil.auth import ApiKeyStore, Scope
from veil.database.pool import Pool
from veil.tenants import TenantSettings

from .conftest import Client
from .test_bad_input import assert_problem

SSN, EMAIL = "536-22-8174", "jane@example.com"
TEXT = f"ssn {SSN}, mail {EMAIL}"
ENCRYPT = {"text": TEXT, "operators": {"DEFAULT": {"type": "encrypt"}}}


def _reset_caches() -> None:
    from veil import tenants
    from veil.api.redaction_service import default_redaction_service
    from veil.redaction.encryption import default_encryptor
    from veil.settings import get_settings

    for cached in (get_settings, default_encryptor, default_redaction_service):
        cached.cache_clear()
    tenants.default_tenant_settings.cache_clear()


@pytest.fixture
def kms_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_DEFAULT_REGION", "us-east-1")):  # fmt: skip
        monkeypatch.setenv(name, value)
    with mock_aws():
        arn = boto3.client("kms").create_key()["KeyMetadata"]["Arn"]
        monkeypatch.setenv("VEIL_KMS_KEY_ARN", arn)
        _reset_caches()
        yield arn
    monkeypatch.delenv("VEIL_KMS_KEY_ARN")
    _reset_caches()


def _audit_rows(pool: Pool, request_id: str) -> list[tuple[str, str, int, str]]:
    with pool.connection() as conn:
        return conn.execute(
            "SELECT action, outcome, status_code, row_to_json(a)::text FROM audit_events a"
            " WHERE request_id = %s",
            (request_id,),
        ).fetchall()


def _enable(pool: Pool, tenant: str, enabled: bool) -> None:
    TenantSettings.set_reidentify(pool, tenant, enabled)
    _reset_caches()


@pytest.mark.usefixtures("kms_key")
def test_encrypt_then_reidentify_round_trip(
    client: Client, keys: ApiKeyStore, admin_pool: Pool
) -> None:
    redacted = client.post("/v1/redact", ENCRYPT)
    assert redacted.status == 200
    tokens = redacted.json["redacted_text"]
    assert SSN not in tokens
    assert tokens.startswith("ssn <ENCRYPTED:US_SSN:")
    _, key = keys.create("tenant-a", "support-lead", [Scope.REIDENTIFY])

    _enable(admin_pool, "tenant-a", False)
    refused = client.post("/v1/reidentify", {"text": tokens}, key=key)
    problem = assert_problem(refused, 403, "reidentify-disabled")
    [refusal] = _audit_rows(admin_pool, problem["request_id"])  # one event, not two
    assert refusal[:3] == ("reidentify", "rejected", 403)

    _enable(admin_pool, "tenant-a", True)
    reply = client.post("/v1/reidentify", {"text": tokens}, key=key)
    assert reply.status == 200
    assert reply.json["text"] == TEXT
    assert (reply.json["reidentified"], reply.json["failed"]) == (2, 0)
    [(action, outcome, status, row)] = _audit_rows(admin_pool, reply.json["request_id"])
    assert (action, outcome, status) == ("reidentify", "ok", 200)
    assert '"values" : 2' in row.replace('":', '" :')
    assert SSN not in row
    assert EMAIL not in row

    # The tenant is part of the encryption context: another tenant's key gets nothing back.
    _, other = keys.create("tenant-b", "curious", [Scope.REIDENTIFY])
    _enable(admin_pool, "tenant-b", True)
    foreign = client.post("/v1/reidentify", {"text": tokens}, key=other)
    assert foreign.status == 200
    assert (foreign.json["reidentified"], foreign.json["failed"]) == (0, 2)
    assert foreign.json["text"] == tokens
    _enable(admin_pool, "tenant-a", False)


@pytest.mark.usefixtures("kms_key")
def test_reidentify_needs_its_own_scope_and_the_refusal_is_audited(
    client: Client, admin_pool: Pool
) -> None:
    # The default test key has redact and detect, not reidentify.
    problem = assert_problem(client.post("/v1/reidentify", {"text": "x"}), 403, "forbidden")
    [refusal] = _audit_rows(admin_pool, problem["request_id"])
    assert refusal[:3] == ("reidentify", "rejected", 403)


def test_encrypt_without_a_kms_key_is_refused(client: Client) -> None:
    assert "VEIL_KMS_KEY_ARN" not in os.environ
    assert_problem(client.post("/v1/redact", ENCRYPT), 422, "operator-unavailable")
