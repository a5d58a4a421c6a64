"""`veil db migrate`, `veil keys create`, `veil keys revoke` against the test database."""

import re

import pytest

from tests.conftest import Database
from veil.auth import ApiKeyStore, Scope
from veil.cli import main
from veil.database.pool import Pool


@pytest.fixture
def owner(database: Database, monkeypatch: pytest.MonkeyPatch) -> Database:
    monkeypatch.setenv("DATABASE_URL", database.admin_url)
    return database


def test_migrate_reports_a_current_schema(
    owner: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["db", "migrate"]) == 0
    assert "schema is current" in capsys.readouterr().out


def test_create_prints_a_working_key_once_and_revoke_disables_it(
    owner: Database, app_pool: Pool, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["keys", "create", "--tenant", "acme", "--scopes", "redact,detect"]) == 0
    out = capsys.readouterr().out
    key_id = re.search(r"key id: (key_\w+)", out)
    key = re.search(r"key:\s+(veil_\w+)", out)
    assert key_id
    assert key
    principal = ApiKeyStore(app_pool).authenticate(key.group(1))
    assert principal is not None
    assert principal.scopes == {Scope.REDACT, Scope.DETECT}

    assert main(["keys", "revoke", key_id.group(1)]) == 0
    assert ApiKeyStore(app_pool).authenticate(key.group(1)) is None
    assert main(["keys", "revoke", key_id.group(1)]) == 1


def test_unknown_scope_is_refused(owner: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["keys", "create", "--tenant", "acme", "--scopes", "redact,everything"])
    assert exit_info.value.code == 2
    assert "scopes are" in capsys.readouterr().err


def test_commands_need_a_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    with pytest.raises(SystemExit, match="DATABASE_URL"):
        main(["db", "migrate"])


def test_tenant_providers_can_be_set_and_read(
    owner: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["tenants", "providers", "cli-tenant"]) == 0
    assert capsys.readouterr().out.strip() == "cli-tenant: local"
    assert main(["tenants", "providers", "cli-tenant", "--set", "presidio"]) == 0
    assert capsys.readouterr().out.strip() == "cli-tenant: local, presidio"
    with pytest.raises(SystemExit, match="providers are"):
        main(["tenants", "providers", "cli-tenant", "--set", "spacy"])


def test_key_created_with_a_usage_plan_is_metered_by_api_gateway(
    owner: Database, app_pool: Pool, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    import boto3
    from moto import mock_aws

    for name, value in {"AWS_DEFAULT_REGION": "eu-west-1", "AWS_ACCESS_KEY_ID": "testing",
                        "AWS_SECRET_ACCESS_KEY": "testing"}.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    with mock_aws():
        apigateway = boto3.client("apigateway")
        plan = apigateway.create_usage_plan(name="veil-test-clients")["id"]
        args = ["keys", "create", "--tenant", "acme", "--scopes", "redact", "--usage-plan-id", plan]
        assert main(args) == 0
        key_id = re.search(r"key id: (key_\w+)", capsys.readouterr().out)
        assert key_id
        [gateway_key] = apigateway.get_usage_plan_keys(usagePlanId=plan)["items"]
        assert gateway_key["name"] == key_id.group(1)
        with app_pool.connection() as conn:
            row = conn.execute(
                "SELECT usage_key FROM api_keys WHERE key_id = %s", (key_id.group(1),)
            ).fetchone()
        assert row == (gateway_key["value"],)


def test_tenant_cors_origins(owner: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tenants", "cors", "web-tenant"]) == 0
    assert capsys.readouterr().out.strip() == "web-tenant: no origins (no CORS)"
    assert (
        main(["tenants", "cors", "web-tenant", "--set", "https://a.example,https://b.example"]) == 0
    )
    assert capsys.readouterr().out.strip() == "web-tenant: https://a.example, https://b.example"
    with pytest.raises(SystemExit, match="scheme://host"):
        main(["tenants", "cors", "web-tenant", "--set", "https://a.example/path"])


def test_tenant_reidentify_switch(owner: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tenants", "reidentify", "kms-tenant"]) == 0
    assert capsys.readouterr().out.strip() == "kms-tenant: re-identification off"
    assert main(["tenants", "reidentify", "kms-tenant", "--enable"]) == 0
    assert capsys.readouterr().out.strip() == "kms-tenant: re-identification on"
    assert main(["tenants", "reidentify", "kms-tenant", "--disable"]) == 0
    assert capsys.readouterr().out.strip() == "kms-tenant: re-identification off"


def test_tenant_default_operators(owner: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["tenants", "operators", "ops-tenant"]) == 0
    assert capsys.readouterr().out.strip() == "ops-tenant: no defaults (replace with <TYPE>)"
    chosen = '{"CREDIT_CARD": {"type": "mask", "chars_to_mask": 12}}'
    assert main(["tenants", "operators", "ops-tenant", "--set", chosen]) == 0
    shown = capsys.readouterr().out.strip()
    assert shown.startswith('ops-tenant: {"CREDIT_CARD": {"type": "mask"')
    assert '"chars_to_mask": 12' in shown
    with pytest.raises(SystemExit, match="invalid operators"):
        main(["tenants", "operators", "ops-tenant", "--set", '{"US_SSN": {"type": "shred"}}'])
