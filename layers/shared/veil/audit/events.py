"""The audit event: entity types, counts, offsets and keyed fingerprints, never raw values."""

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from uuid import UUID, uuid4

from veil.auth.principal import Principal
from veil.detection.entities import Entity, EntityType
from veil.fingerprint import fingerprint


class Action(StrEnum):
    REDACT = "redact"
    DETECT = "detect"
    REIDENTIFY = "reidentify"
    AUDIT_LIST = "audit.list"
    AUDIT_GET = "audit.get"
    AUDIT_SEARCH = "audit.search"
    RETENTION = "retention"


class Outcome(StrEnum):
    OK = "ok"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Finding:
    type: EntityType
    start: int
    end: int
    score: float
    fingerprint: str

    def as_json(self) -> dict[str, object]:
        return {
            "type": str(self.type),
            "start": self.start,
            "end": self.end,
            "score": self.score,
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True, slots=True)
class AuditEvent:
    request_id: str
    tenant_id: str
    client_id: str
    key_id: str
    action: Action
    outcome: Outcome
    status_code: int
    input_bytes: int
    output_bytes: int
    latency_ms: float
    findings: tuple[Finding, ...] = ()
    # Action-specific facts, never personal data: query filters, retention anchors.
    details: dict[str, object] = field(default_factory=dict)
    event_id: UUID = field(default_factory=uuid4)
    occurred_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def entity_counts(self) -> dict[str, int]:
        return dict(Counter(str(f.type) for f in self.findings))

    def to_json(self) -> str:
        """The event as the spool carries it (it holds no personal data)."""
        return json.dumps(
            {
                "event_id": str(self.event_id),
                "occurred_at": self.occurred_at.isoformat(),
                "request_id": self.request_id,
                "tenant_id": self.tenant_id,
                "client_id": self.client_id,
                "key_id": self.key_id,
                "action": str(self.action),
                "outcome": str(self.outcome),
                "status_code": self.status_code,
                "input_bytes": self.input_bytes,
                "output_bytes": self.output_bytes,
                "latency_ms": self.latency_ms,
                "findings": [f.as_json() for f in self.findings],
                "details": self.details,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> "AuditEvent":
        data = json.loads(text)
        return cls(
            event_id=UUID(data["event_id"]),
            occurred_at=datetime.fromisoformat(data["occurred_at"]),
            request_id=data["request_id"],
            tenant_id=data["tenant_id"],
            client_id=data["client_id"],
            key_id=data["key_id"],
            action=Action(data["action"]),
            outcome=Outcome(data["outcome"]),
            status_code=data["status_code"],
            input_bytes=data["input_bytes"],
            output_bytes=data["output_bytes"],
            latency_ms=data["latency_ms"],
            findings=tuple(
                Finding(EntityType(f["type"]), f["start"], f["end"], f["score"], f["fingerprint"])
                for f in data["findings"]
            ),
            details=data["details"],
        )


def findings_of(text: str, entities: Sequence[Entity], key: bytes) -> tuple[Finding, ...]:
    """Fingerprint each entity's value with the tenant's audit key; the value goes no further."""
    return tuple(
        Finding(e.type, e.start, e.end, e.score, fingerprint(key, e.type, text[e.start : e.end]))
        for e in entities
    )


def event_for(
    principal: Principal,
    request_id: str,
    action: Action,
    outcome: Outcome,
    status_code: int,
    input_bytes: int,
    output_bytes: int,
    latency_ms: float,
    findings: tuple[Finding, ...] = (),
    details: dict[str, object] | None = None,
) -> AuditEvent:
    return AuditEvent(
        request_id=request_id,
        tenant_id=principal.tenant_id,
        client_id=principal.client_id,
        key_id=principal.key_id,
        action=action,
        outcome=outcome,
        status_code=status_code,
        input_bytes=input_bytes,
        output_bytes=output_bytes,
        latency_ms=round(latency_ms, 3),
        findings=findings,
        details=details or {},
    )
