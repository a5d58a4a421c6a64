"""The API Gateway Lambda authorizer's decision: API key -> principal -> IAM policy.

API Gateway caches the policy per key (see template.yaml, `ReauthorizeEvery`) and reuses it
for every method, so the policy allows the whole API and each function checks scopes
itself (veil.http.gateway.handle): authoritative, whatever the cache holds.

While the key store is unreachable, a key this execution environment authenticated within
`max_stale_s` is still accepted (stale-if-error): a database outage then costs no traffic
from known clients, and their audit events go to the spool. Revocation is immediate while
the database answers; during an outage it cannot be checked by anyone.
"""

import time
from collections.abc import Callable
from typing import Any

import psycopg
from aws_lambda_powertools.utilities.data_classes.api_gateway_authorizer_event import (
    APIGatewayAuthorizerResponse,
)

from veil.auth.keys import key_hash
from veil.auth.principal import Principal
from veil.auth.store import ApiKeyStore

API_KEY_HEADER = "x-api-key"


class UnauthorizedError(Exception):
    """API Gateway answers 401 when an authorizer raises with exactly this message."""

    def __init__(self) -> None:
        super().__init__("Unauthorized")


class KeyStoreUnavailableError(Exception):
    """No decision possible: API Gateway answers AUTHORIZER_FAILURE (503 in template.yaml)."""


class Authenticator:
    def __init__(
        self,
        store: ApiKeyStore,
        max_stale_s: float = 300.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._max_stale_s = max_stale_s
        self._clock = clock
        self._known: dict[bytes, tuple[Principal, float]] = {}

    def authenticate(self, key: str) -> Principal | None:
        digest = key_hash(key)
        try:
            principal = self._store.authenticate(key)
        except psycopg.Error as exc:  # includes the pool's PoolTimeout
            known = self._known.get(digest)
            if known is not None and self._clock() - known[1] <= self._max_stale_s:
                return known[0]
            raise KeyStoreUnavailableError(type(exc).__name__) from exc
        if principal is None:
            self._known.pop(digest, None)
        else:
            self._known[digest] = (principal, self._clock())
        return principal


def authorize(event: dict[str, Any], authenticator: Authenticator) -> dict[str, Any]:
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    key = headers.get(API_KEY_HEADER)
    principal = authenticator.authenticate(key) if key else None
    if principal is None:
        raise UnauthorizedError
    policy = APIGatewayAuthorizerResponse.from_route_arn(
        event["methodArn"],
        principal_id=principal.key_id,
        context=principal.to_context(),
        usage_identifier_key=principal.usage_key,  # throttles and caps this client
    )
    policy.allow_all_routes()
    return policy.asdict()
