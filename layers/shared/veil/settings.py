"""Service configuration, read once from the environment and validated at cold start.

In AWS the secrets come from Secrets Manager by ARN (`VEIL_MASTER_KEY_SECRET_ARN`,
`VEIL_DATABASE_SECRET_ARN`); locally and in tests they are given directly
(`VEIL_MASTER_KEY`, `DATABASE_URL`).
"""

import json
from functools import cache
from pathlib import Path
from typing import Annotated
from urllib.parse import quote

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VEIL_", frozen=True)

    database_url: Annotated[
        SecretStr | None, Field(validation_alias=AliasChoices("DATABASE_URL", "VEIL_DATABASE_URL"))
    ] = None
    database_secret_arn: str | None = None
    database_host: str | None = None  # e.g. the RDS Proxy endpoint; else the secret's host
    master_key: SecretStr | None = None  # hex, at least 32 bytes
    master_key_secret_arn: str | None = None
    # Where audit events wait while PostgreSQL is unreachable: an SQS queue in AWS, a
    # directory locally. With neither, such a call fails with 503.
    audit_spool_queue_url: str | None = None
    audit_spool_dir: Path | None = None
    # Detection providers beside the local engine, where this deployment has them.
    presidio_url: str | None = None  # a self-hosted Presidio analyzer
    kms_key_arn: str | None = None  # the KMS key of the encrypt operator; unset: no encrypt
    comprehend_enabled: bool = False  # Amazon Comprehend DetectPiiEntities in this region
    db_iam_auth: bool = False  # RDS IAM auth: a token per connection instead of a password
    db_pool_size: int = Field(default=2, ge=1, le=32)
    db_connect_timeout_s: int = Field(default=3, ge=1)
    db_statement_timeout_ms: int = Field(default=3000, ge=100)

    def conninfo(self) -> str:
        """The application's database connection string."""
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        if self.database_secret_arn is not None:
            secret = _secret_string(self.database_secret_arn)
            return _conninfo_from_rds_secret(secret, self.database_host)
        raise RuntimeError("no database configured: set DATABASE_URL or VEIL_DATABASE_SECRET_ARN")

    def master_key_bytes(self) -> bytes:
        if self.master_key is not None:
            return bytes.fromhex(self.master_key.get_secret_value())
        if self.master_key_secret_arn is not None:
            return bytes.fromhex(_secret_string(self.master_key_secret_arn).strip())
        raise RuntimeError(
            "no master key configured: set VEIL_MASTER_KEY or VEIL_MASTER_KEY_SECRET_ARN"
        )


def _secret_string(arn: str) -> str:
    # Imported here: only the AWS path pays for it at cold start.
    from aws_lambda_powertools.utilities.parameters import get_secret

    return str(get_secret(arn, max_age=300))


def _conninfo_from_rds_secret(secret: str, host: str | None) -> str:
    """RDS-managed secrets are JSON with host, port, username, password, dbname; `host`
    (the RDS Proxy endpoint, say) takes the place of the secret's."""
    fields = json.loads(secret)
    user, password = quote(fields["username"], safe=""), quote(fields["password"], safe="")
    port = fields.get("port", 5432)
    database = fields.get("dbname", "veil")
    return f"postgresql://{user}:{password}@{host or fields['host']}:{port}/{database}"


@cache
def get_settings() -> Settings:
    return Settings()
