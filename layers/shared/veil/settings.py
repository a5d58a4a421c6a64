"""Service configuration, read once from the environment and validated at cold start.

In AWS the secrets come from Secrets Manager by ARN (`VEIL_MASTER_KEY_SECRET_ARN`,
`VEIL_DATABASE_SECRET_ARN`) or, for the master key, an SSM SecureString
(`VEIL_MASTER_KEY_PARAMETER`); locally and in tests they are given directly
(`VEIL_MASTER_KEY`, `DATABASE_URL`; `veil serve` keeps its key in a 0600 file).
"""

import json
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from urllib.parse import quote

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from veil.tenant_keys import MasterKeys

if TYPE_CHECKING:
    from collections.abc import Callable

    from aws_lambda_powertools.utilities.parameters import SecretsProvider


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="VEIL_", frozen=True)

    database_url: Annotated[
        SecretStr | None, Field(validation_alias=AliasChoices("DATABASE_URL", "VEIL_DATABASE_URL"))
    ] = None
    database_secret_arn: str | None = None
    database_host: str | None = None  # e.g. the RDS Proxy endpoint; else the secret's host
    master_key: SecretStr | None = None  # hex, at least 32 bytes
    master_key_previous: SecretStr | None = None  # hex; the old key during a rotation
    master_key_secret_arn: str | None = None  # Secrets Manager: AWSCURRENT and AWSPREVIOUS
    master_key_parameter: str | None = None  # SSM SecureString name; `{name}/previous` too
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

    def master_keys(self) -> MasterKeys:
        """The current master key and, during a rotation, the previous one. AWS sources are
        read through a 5-minute cache, so a rotation takes over without a deployment."""
        if self.master_key is not None:
            previous = self.master_key_previous
            return _master_keys(
                self.master_key.get_secret_value(),
                previous.get_secret_value() if previous else None,
            )
        if self.master_key_secret_arn is not None:
            arn = self.master_key_secret_arn
            return _master_keys(_secret_string(arn), _optional(arn, _previous_secret))
        if self.master_key_parameter is not None:
            name = self.master_key_parameter
            current = _optional(name, _parameter_string)
            if current is None:
                raise RuntimeError(f"the SSM parameter {name} does not exist")
            return _master_keys(current, _optional(f"{name}/previous", _parameter_string))
        raise RuntimeError(
            "no master key configured: set VEIL_MASTER_KEY, VEIL_MASTER_KEY_SECRET_ARN or"
            " VEIL_MASTER_KEY_PARAMETER"
        )


def _master_keys(current_hex: str, previous_hex: str | None) -> MasterKeys:
    return MasterKeys(
        bytes.fromhex(current_hex.strip()),
        bytes.fromhex(previous_hex.strip()) if previous_hex else None,
    )


_MAX_AGE_S = 300
# When a value that may not exist (a secret's AWSPREVIOUS stage before the first rotation,
# an SSM `/previous`) was last found missing: Powertools caches values, not absences, and
# without this every use of the master key would ask AWS again.
_missing_since: dict[str, float] = {}


def _optional(name: str, fetch: "Callable[[str], str]") -> str | None:
    """`fetch(name)`, or None when it does not exist; an absence is remembered as long as
    a value would be."""
    from aws_lambda_powertools.utilities.parameters.exceptions import GetParameterError

    since = _missing_since.get(name)
    if since is not None and time.monotonic() - since < _MAX_AGE_S:
        return None
    try:
        value = fetch(name)
    except GetParameterError:
        _missing_since[name] = time.monotonic()
        return None
    _missing_since.pop(name, None)
    return value


def clear_secret_caches() -> None:
    """Forget every cached secret, parameter and absence, as if 5 minutes had passed."""
    from aws_lambda_powertools.utilities import parameters

    parameters.clear_caches()  # type: ignore[no-untyped-call]  # Powertools has no hint here
    _previous_provider.cache_clear()
    _missing_since.clear()


def _secret_string(arn: str) -> str:
    """A Secrets Manager secret's AWSCURRENT value, cached 5 minutes by Powertools."""
    # Imported here: only the AWS path pays for it at cold start.
    from aws_lambda_powertools.utilities.parameters import get_secret

    return str(get_secret(arn, max_age=_MAX_AGE_S))


def _previous_secret(arn: str) -> str:
    """The secret's AWSPREVIOUS stage. Powertools caches by name alone, so the stage gets a
    provider of its own: through the shared one it would be served the cached AWSCURRENT."""
    return str(_previous_provider().get(arn, max_age=_MAX_AGE_S, VersionStage="AWSPREVIOUS"))


@cache
def _previous_provider() -> "SecretsProvider":
    from aws_lambda_powertools.utilities.parameters import SecretsProvider

    return SecretsProvider()


def _parameter_string(name: str) -> str:
    """An SSM SecureString, decrypted and cached 5 minutes by Powertools."""
    from aws_lambda_powertools.utilities.parameters import get_parameter

    return str(get_parameter(name, decrypt=True, max_age=_MAX_AGE_S))


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
