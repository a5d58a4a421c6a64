"""The audit event: entity types, counts, offsets and keyed fingerprints, never raw values."""

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
    event_id: UUID = field(default_factory=uuid4)
    occurred_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def entity_counts(self) -> dict[str, int]:
        return dict(Counter(str(f.type) for f in self.findings))


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
        latency_ms=latency_ms,
        findings=findings,
    )
