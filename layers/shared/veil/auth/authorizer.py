"""The API Gateway Lambda authorizer's decision: API key -> principal -> IAM policy.

API Gateway caches the policy per key (see template.yaml, `ReauthorizeEvery`) and reuses it
for every method, so the policy allows the whole API and each function checks scopes
itself (veil.http.gateway.caller): authoritative, whatever the cache holds.
A revoked key is refused once its cached policy expires.
"""

from typing import Any

from aws_lambda_powertools.utilities.data_classes.api_gateway_authorizer_event import (
    APIGatewayAuthorizerResponse,
)

from veil.auth.store import ApiKeyStore

API_KEY_HEADER = "x-api-key"


class UnauthorizedError(Exception):
    """API Gateway answers 401 when an authorizer raises with exactly this message."""

    def __init__(self) -> None:
        super().__init__("Unauthorized")


def authorize(event: dict[str, Any], store: ApiKeyStore) -> dict[str, Any]:
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    key = headers.get(API_KEY_HEADER)
    principal = store.authenticate(key) if key else None
    if principal is None:
        raise UnauthorizedError
    policy = APIGatewayAuthorizerResponse.from_route_arn(
        event["methodArn"], principal_id=principal.key_id, context=principal.to_context()
    )
    policy.allow_all_routes()
    return policy.asdict()
