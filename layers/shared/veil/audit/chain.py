"""The per-tenant hash chain that makes the audit trail tamper-evident.

Event n of a tenant stores `prev_hash` (event n-1's hash, or GENESIS) and `hash`, an
HMAC-SHA256 over its canonical form — every column, `seq`, `recorded_at` and `prev_hash`
included. The HMAC key derives from the service's master key (KeyPurpose.AUDIT_CHAIN), so
someone who can write to the database but lacks the master key cannot forge a chain that
verifies: a changed, deleted, inserted or reordered row breaks it (veil.audit.verify).
"""

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from veil.audit.events import AuditEvent

GENESIS = bytes(32)


def record_of(
    event: AuditEvent, seq: int, prev_hash: bytes, recorded_at: datetime
) -> dict[str, Any]:
    """The chained columns of an event, as stored and as hashed."""
    return {
        "tenant_id": event.tenant_id,
        "seq": seq,
        "recorded_at": recorded_at,
        "event_id": event.event_id,
        "occurred_at": event.occurred_at,
        "request_id": event.request_id,
        "client_id": event.client_id,
        "key_id": event.key_id,
        "action": str(event.action),
        "outcome": str(event.outcome),
        "status_code": event.status_code,
        "input_bytes": event.input_bytes,
        "output_bytes": event.output_bytes,
        "entity_counts": event.entity_counts,
        "findings": [f.as_json() for f in event.findings],
        "details": event.details,
        "latency_ms": event.latency_ms,
        "prev_hash": prev_hash,
    }


# The columns the hash covers: every column of audit_events except `hash` itself.
CHAINED_COLUMNS = (
    "tenant_id", "seq", "recorded_at", "event_id", "occurred_at", "request_id", "client_id",
    "key_id", "action", "outcome", "status_code", "input_bytes", "output_bytes",
    "entity_counts", "findings", "details", "latency_ms", "prev_hash",
)  # fmt: skip


def canonical(record: Mapping[str, Any]) -> bytes:
    """Deterministic bytes for a record, whether built in Python or read back from the DB."""
    return json.dumps(
        {name: _plain(record[name]) for name in CHAINED_COLUMNS},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    ).encode()


def link_hash(chain_key: bytes, record: Mapping[str, Any]) -> bytes:
    return hmac.new(chain_key, canonical(record), hashlib.sha256).digest()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, float | int | str | bool | dict | list) or value is None:
        return value
    return str(value)  # UUID
