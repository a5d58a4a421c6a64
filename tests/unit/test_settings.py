"""Settings from the environment, and secrets from Secrets Manager (moto) as in AWS."""

import json
from collections.abc import Iterator

import boto3
import pytest
from moto import mock_aws

from veil.settings import Settings, clear_secret_caches


@pytest.fixture
def secrets_manager(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    for name in ("DATABASE_URL", "VEIL_DATABASE_URL", "VEIL_MASTER_KEY"):
        monkeypatch.delenv(name, raising=False)
    with mock_aws():
        clear_secret_caches()
        yield boto3.client("secretsmanager", region_name="eu-west-1")
    clear_secret_caches()


def test_secrets_come_from_secrets_manager(
    secrets_manager: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = boto3.client("secretsmanager", region_name="eu-west-1")
    master = client.create_secret(Name="veil/master", SecretString="ab" * 32)
    database = client.create_secret(
        Name="veil/db",
        SecretString=json.dumps(
            {
                "username": "veil_app",
                "password": "p@ss/word",
                "host": "proxy.example",
                "port": 5432,
                "dbname": "veil",
            }
        ),
    )
    monkeypatch.setenv("VEIL_MASTER_KEY_SECRET_ARN", master["ARN"])
    monkeypatch.setenv("VEIL_DATABASE_SECRET_ARN", database["ARN"])
    settings = Settings()
    assert settings.master_keys().current == bytes.fromhex("ab" * 32)
    assert settings.conninfo() == "postgresql://veil_app:p%40ss%2Fword@proxy.example:5432/veil"
    monkeypatch.setenv("VEIL_DATABASE_HOST", "veil.proxy-abc.eu-west-1.rds.amazonaws.com")
    assert Settings().conninfo().endswith("@veil.proxy-abc.eu-west-1.rds.amazonaws.com:5432/veil")


def test_direct_values_win_and_missing_ones_are_explained(
    secrets_manager: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(RuntimeError, match="no database configured"):
        Settings().conninfo()
    with pytest.raises(RuntimeError, match="no master key configured"):
        Settings().master_keys()
    monkeypatch.setenv("DATABASE_URL", "postgresql://localhost/veil")
    assert Settings().conninfo() == "postgresql://localhost/veil"


def test_secret_values_stay_out_of_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://u:hunter2@db/veil")
    monkeypatch.setenv("VEIL_MASTER_KEY", "cd" * 32)
    assert "hunter2" not in repr(Settings())
    assert "cd" * 32 not in repr(Settings())
