"""Registering a Veil key with the stage's API Gateway usage plan, so that API Gateway
throttles and caps each client (the authorizer names the client's usage key)."""

from collections.abc import Callable
from typing import Any


def usage_plan_registrar(apigateway: Any, usage_plan_id: str) -> Callable[[str], str]:
    """For `ApiKeyStore.create`: a new API Gateway key named after the Veil key id, added
    to the usage plan; returns the value the authorizer will return as usageIdentifierKey."""

    def register(key_id: str) -> str:
        created = apigateway.create_api_key(name=key_id, enabled=True, generateDistinctId=True)
        apigateway.create_usage_plan_key(
            usagePlanId=usage_plan_id, keyId=created["id"], keyType="API_KEY"
        )
        return str(created["value"])

    return register
