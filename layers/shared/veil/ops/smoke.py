"""Smoke checks that CodeDeploy's pre-traffic hook runs against the new function versions
before any traffic reaches them: liveness answers, the authorizer refuses a bad key, and a
redaction of a synthetic canary comes back right (its audit event lands under the tenant
`veil-smoke`). Events are built like the samples in events/ (veil.local.events)."""

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from veil.auth.principal import Principal, Scope
from veil.local.events import authorizer_event, rest_event

type Invoke = Callable[[str, dict[str, Any]], tuple[dict[str, Any] | None, str | None]]
"""(function ARN, event) -> (the handler's result, or None and the error message)."""

SMOKE_PRINCIPAL = Principal("smoke", "veil-smoke", "pre-traffic-hook", frozenset({Scope.REDACT}))
CANARY = "smoke test for probe.user@example.com, card 4111 1111 1111 1111"
EXPECTED = "smoke test for <EMAIL_ADDRESS>, card <CREDIT_CARD>"


@dataclass(frozen=True, slots=True)
class SmokeTargets:
    health: str
    redact: str
    authorizer: str

    @classmethod
    def from_env(cls) -> "SmokeTargets":
        return cls(
            os.environ["VEIL_SMOKE_HEALTH_FUNCTION"],
            os.environ["VEIL_SMOKE_REDACT_FUNCTION"],
            os.environ["VEIL_SMOKE_AUTHORIZER_FUNCTION"],
        )


@dataclass(frozen=True, slots=True)
class SmokeResult:
    check: str
    ok: bool
    detail: str


def smoke_checks(invoke: Invoke, targets: SmokeTargets) -> list[SmokeResult]:
    return [_liveness(invoke, targets.health), _refuses_bad_key(invoke, targets.authorizer),
            _redacts(invoke, targets.redact)]  # fmt: skip


def _liveness(invoke: Invoke, function: str) -> SmokeResult:
    result, error = invoke(function, rest_event("GET", "/health", "/health", {}, {}, b""))
    ok = result is not None and result.get("statusCode") == 200
    return SmokeResult("health", ok, error or f"status {result and result.get('statusCode')}")


def _refuses_bad_key(invoke: Invoke, function: str) -> SmokeResult:
    event = rest_event(
        "POST", "/v1/redact", "/v1/redact", {"x-api-key": "veil_" + "0" * 40}, {}, b""
    )
    result, error = invoke(function, authorizer_event(event))
    ok = result is None and error == "Unauthorized"
    return SmokeResult("authorizer", ok, "refused" if ok else "an unknown key was not refused")


def _redacts(invoke: Invoke, function: str) -> SmokeResult:
    body = json.dumps({"text": CANARY}).encode()
    event = rest_event(
        "POST", "/v1/redact", "/v1/redact", {"content-type": "application/json"}, {}, body
    )
    event["requestContext"]["authorizer"] = {**SMOKE_PRINCIPAL.to_context(), "principalId": "smoke"}
    result, error = invoke(function, event)
    if result is None or result.get("statusCode") != 200:
        return SmokeResult(
            "redact", False, error or f"status {result and result.get('statusCode')}"
        )
    redacted = json.loads(result["body"]).get("redacted_text")
    return SmokeResult(
        "redact", redacted == EXPECTED, "redacted" if redacted == EXPECTED else "wrong output"
    )


def lambda_invoker(client: Any) -> Invoke:
    """Invoke through the Lambda API; a function error comes back as its message."""

    def invoke(function: str, event: dict[str, Any]) -> tuple[dict[str, Any] | None, str | None]:
        reply = client.invoke(FunctionName=function, Payload=json.dumps(event).encode())
        payload = json.loads(reply["Payload"].read() or b"null")
        if reply.get("FunctionError"):
            return None, str((payload or {}).get("errorMessage", "error"))
        return payload, None

    return invoke


def run_pre_traffic_hook(
    event: dict[str, Any], invoke: Invoke, targets: SmokeTargets, codedeploy: Any
) -> dict[str, Any]:
    """Run the checks and report Succeeded or Failed to CodeDeploy (which then shifts
    traffic, or rolls the deployment back)."""
    results = smoke_checks(invoke, targets)
    status = "Succeeded" if all(r.ok for r in results) else "Failed"
    codedeploy.put_lifecycle_event_hook_execution_status(
        deploymentId=event["DeploymentId"],
        lifecycleEventHookExecutionId=event["LifecycleEventHookExecutionId"],
        status=status,
    )
    return {
        "status": status,
        "checks": [{"check": r.check, "ok": r.ok, "detail": r.detail} for r in results],
    }
