"""Appends audit events to their tenant's chain in PostgreSQL."""

from typing import Any

import psycopg
from psycopg import sql
from psycopg.types.json import Jsonb

from veil.audit.chain import CHAINED_COLUMNS, GENESIS, link_hash, record_of
from veil.audit.events import AuditEvent
from veil.database.pool import Pool
from veil.tenant_keys import KeyPurpose, TenantKeys

_JSON_COLUMNS = frozenset({"entity_counts", "findings", "details"})

# Creating the head row, or updating it in place, locks it until commit: appends to one
# tenant's chain queue here, so two writers can never both extend the same link.
_LOCK_HEAD = """
    INSERT INTO audit_chain_heads AS h (tenant_id, seq, hash) VALUES (%s, 0, %s)
    ON CONFLICT (tenant_id) DO UPDATE SET updated_at = h.updated_at
    RETURNING h.seq, h.hash, clock_timestamp()
"""
_INSERT = sql.SQL("INSERT INTO audit_events ({columns}, hash) VALUES ({values}, %s)").format(
    columns=sql.SQL(", ").join(map(sql.Identifier, CHAINED_COLUMNS)),
    values=sql.SQL(", ").join(sql.Placeholder() * len(CHAINED_COLUMNS)),
)
_ADVANCE_HEAD = (
    "UPDATE audit_chain_heads SET seq = %s, hash = %s, updated_at = %s WHERE tenant_id = %s"
)


def row_values(record: dict[str, Any]) -> list[Any]:
    """The chained columns' values as psycopg sends them (JSON columns as jsonb)."""
    return [Jsonb(record[c]) if c in _JSON_COLUMNS else record[c] for c in CHAINED_COLUMNS]


class AuditUnavailableError(Exception):
    """The event could not be made durable; the caller must not return redacted data."""


class AuditRepository:
    def __init__(self, pool: Pool, keys: TenantKeys) -> None:
        self._pool = pool
        self._keys = keys

    def append(self, event: AuditEvent) -> bool:
        """Chain and store `event`. Idempotent by event id: a retry (from the spool, say)
        stores nothing and returns False."""
        try:
            with self._pool.connection() as conn, conn.transaction():
                return self._append(conn, event)
        except psycopg.Error as exc:  # includes the pool's PoolTimeout
            raise AuditUnavailableError(type(exc).__name__) from exc

    def _append(self, conn: psycopg.Connection[Any], event: AuditEvent) -> bool:
        head = conn.execute(_LOCK_HEAD, (event.tenant_id, GENESIS)).fetchone()
        # The upsert always returns its row
        assert head is not None  # nosec B101
        seq, prev_hash, recorded_at = head
        stored = conn.execute(
            "SELECT 1 FROM audit_events WHERE tenant_id = %s AND event_id = %s",
            (event.tenant_id, event.event_id),
        ).fetchone()
        if stored:
            return False
        record = record_of(event, seq + 1, bytes(prev_hash), recorded_at)
        digest = link_hash(self._keys.key(event.tenant_id, KeyPurpose.AUDIT_CHAIN), record)
        conn.execute(_INSERT, (*row_values(record), digest))
        conn.execute(_ADVANCE_HEAD, (seq + 1, digest, recorded_at, event.tenant_id))
        return True
