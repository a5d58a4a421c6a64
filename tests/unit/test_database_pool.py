"""IAM database authentication: a fresh, signed token for every connection."""

import pytest
from moto import mock_aws

from veil.database.pool import iam_auth_token


def test_iam_token_is_a_signed_connect_request_for_the_app_user(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        token = iam_auth_token("postgresql://veil_app@proxy.example:5432/veil", "eu-west-1")
        first = token()
    assert first.startswith("proxy.example:5432/?Action=connect&DBUser=veil_app")
    assert "X-Amz-Signature=" in first
