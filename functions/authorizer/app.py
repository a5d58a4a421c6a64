"""Lambda authorizer: maps the x-api-key header to a principal (client, tenant, scopes)."""

from functools import cache
from typing import Any

from aws_lambda_powertools.utilities.typing import LambdaContext

from veil.auth.authorizer import Authenticator, authorize
from veil.auth.store import ApiKeyStore
from veil.database.pool import default_pool


@cache
def _authenticator() -> Authenticator:
    return Authenticator(ApiKeyStore(default_pool()))


def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    return authorize(event, _authenticator())
