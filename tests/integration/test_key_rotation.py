"""Master-key rotation without downtime: the key is read from its source through
Powertools' cache, the new key makes every new digest, and during the grace window the
previous one still verifies audit chains and finds fingerprinted events."""

import secrets
from collections.abc import Iterator

import boto3
import psycopg
import pytest
from aws_lambda_powertools.utilities.parameters import SecretsProvider
from moto import mock_aws

from tests.audit_helpers import make_event
from tests.conftest import Database
from veil.audit.events import findings_of
from veil.audit.queries import AuditQueries
from veil.audit.repository import AuditRepository
from veil.audit.verify import BreakKind, verify_chains
from veil.database.pool import Pool
from veil.detection import default_engine
from veil.detection.entities import EntityType
from veil.fingerprint import fingerprint
from veil.settings import Settings, clear_secret_caches
from veil.tenant_keys import KeyPurpose, MasterKeys, TenantKeys

OLD, NEW = b"o" * 32, b"n" * 32
TEXT = "mail jane.doe@example.com"


@pytest.fixture
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing"),
                        ("AWS_DEFAULT_REGION", "us-east-1")):  # fmt: skip
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("VEIL_MASTER_KEY", raising=False)  # the API tests' key comes first
    with mock_aws():
        clear_secret_caches()
        yield
    clear_secret_caches()


@pytest.mark.usefixtures("aws")
def test_secrets_manager_rotation_is_picked_up_with_the_previous_stage() -> None:
    client = boto3.client("secretsmanager")
    arn = client.create_secret(Name="veil/master", SecretString=OLD.hex())["ARN"]
    settings = Settings(master_key_secret_arn=arn, _env_file=None)
    keys = TenantKeys(settings.master_keys)
    before = keys.key("acme", KeyPurpose.HASH_OPERATOR)
    assert settings.master_keys() == MasterKeys(OLD)

    client.put_secret_value(SecretId=arn, SecretString=NEW.hex())  # the rotation
    assert keys.key("acme", KeyPurpose.HASH_OPERATOR) == before  # cached for 5 minutes
    clear_secret_caches()  # … as if they had passed
    assert settings.master_keys() == MasterKeys(NEW, OLD)
    after = keys.keys("acme", KeyPurpose.HASH_OPERATOR)
    assert after[1] == before
    assert after[0] == keys.key("acme", KeyPurpose.HASH_OPERATOR) != before


@pytest.mark.usefixtures("aws")
def test_a_key_never_rotated_costs_no_call_per_use(monkeypatch: pytest.MonkeyPatch) -> None:
    # Powertools caches values, not absences: AWSPREVIOUS, missing until the first
    # rotation, must not be asked for again on every use of the key.
    calls: list[dict[str, object]] = []
    real = SecretsProvider._get

    def counted(self: SecretsProvider, name: str, **options: object) -> str | bytes:
        calls.append(options)
        return real(self, name, **options)

    monkeypatch.setattr(SecretsProvider, "_get", counted)
    arn = boto3.client("secretsmanager").create_secret(Name="veil/master", SecretString=OLD.hex())
    settings = Settings(master_key_secret_arn=arn["ARN"], _env_file=None)
    for _ in range(3):
        assert settings.master_keys() == MasterKeys(OLD)
    assert len(calls) == 2  # AWSCURRENT once, the missing AWSPREVIOUS once


@pytest.mark.usefixtures("aws")
def test_ssm_parameter_and_its_previous() -> None:
    ssm = boto3.client("ssm")
    ssm.put_parameter(Name="/veil/master", Value=NEW.hex(), Type="SecureString")
    settings = Settings(master_key_parameter="/veil/master", _env_file=None)
    assert settings.master_keys() == MasterKeys(NEW)
    ssm.put_parameter(Name="/veil/master/previous", Value=OLD.hex(), Type="SecureString")
    clear_secret_caches()
    assert settings.master_keys() == MasterKeys(NEW, OLD)


def test_chains_and_fingerprints_made_before_a_rotation_still_verify(
    database: Database, app_pool: Pool
) -> None:
    tenant = f"tenant-{secrets.token_hex(4)}"
    held = [MasterKeys(OLD)]
    keys = TenantKeys(lambda: held[0])
    repository = AuditRepository(app_pool, keys)
    old_fingerprints = findings_of(
        TEXT, default_engine().analyze(TEXT), keys.key(tenant, KeyPurpose.AUDIT_FINGERPRINT)
    )
    repository.append(make_event(tenant, findings=old_fingerprints))
    repository.append(make_event(tenant))

    held[0] = MasterKeys(NEW, OLD)  # rotated; the grace window is open
    repository.append(make_event(tenant))
    with psycopg.connect(database.admin_url) as conn:
        assert verify_chains(conn, keys, tenant=tenant).ok
    wanted = [
        fingerprint(k, EntityType.EMAIL_ADDRESS, "jane.doe@example.com")
        for k in keys.keys(tenant, KeyPurpose.AUDIT_FINGERPRINT)
    ]
    assert len(AuditQueries(app_pool).with_fingerprints(tenant, wanted, 10)) == 1

    held[0] = MasterKeys(NEW)  # the grace window closed: the old rows no longer verify
    with psycopg.connect(database.admin_url) as conn:
        report = verify_chains(conn, keys, tenant=tenant)
    assert [b.kind for b in report.breaks] == [BreakKind.CHANGED]
