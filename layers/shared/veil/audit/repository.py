"""Writes and reads audit events in PostgreSQL."""

import psycopg
from psycopg.types.json import Jsonb

from veil.audit.events import AuditEvent
from veil.database.pool import Pool


class AuditUnavailableError(Exception):
    """The event could not be made durable; the caller must not return redacted data."""


class AuditRepository:
    def __init__(self, pool: Pool) -> None:
        self._pool = pool

    def append(self, event: AuditEvent) -> None:
        """Store `event`; idempotent by event id, so a retried write never duplicates."""
        try:
            with self._pool.connection() as conn:
                conn.execute(
                    """
                    INSERT INTO audit_events (
                        event_id, occurred_at, request_id, tenant_id, client_id, key_id,
                        action, outcome, status_code, input_bytes, output_bytes,
                        entity_counts, findings, latency_ms)
                    VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)
                    ON CONFLICT (event_id) DO NOTHING
                    """,
                    (
                        event.event_id,
                        event.occurred_at,
                        event.request_id,
                        event.tenant_id,
                        event.client_id,
                        event.key_id,
                        str(event.action),
                        str(event.outcome),
                        event.status_code,
                        event.input_bytes,
                        event.output_bytes,
                        Jsonb(event.entity_counts),
                        Jsonb([f.as_json() for f in event.findings]),
                        event.latency_ms,
                    ),
                )
        except psycopg.Error as exc:  # includes the pool's PoolTimeout
            raise AuditUnavailableError(type(exc).__name__) from exc
