"""Audit events for tests, with findings fingerprinted as the service does."""

from typing import Any

from veil.audit import Action, AuditEvent, Outcome
from veil.audit.events import findings_of
from veil.detection import default_engine

TEXT = "mail jane.doe@example.com card 4111 1111 1111 1111"


def make_event(tenant_id: str = "acme", **overrides: Any) -> AuditEvent:
    fields: dict[str, Any] = {
        "request_id": "r-1",
        "tenant_id": tenant_id,
        "client_id": "billing",
        "key_id": "key_1",
        "action": Action.REDACT,
        "outcome": Outcome.OK,
        "status_code": 200,
        "input_bytes": len(TEXT),
        "output_bytes": 10,
        "latency_ms": 1.5,
        "findings": findings_of(TEXT, default_engine().analyze(TEXT), b"f" * 32),
    }
    fields.update(overrides)
    return AuditEvent(**fields)
