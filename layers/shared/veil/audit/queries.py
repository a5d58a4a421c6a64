"""Reading a tenant's audit events: newest first, filtered, in keyset pages; by id; by the
keyed fingerprint of a value. Every query is confined to one tenant by its first predicate."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from psycopg import sql
from psycopg.rows import dict_row
from psycopg.types.json import Jsonb

from veil.audit.events import Action, Outcome
from veil.database.pool import Pool
from veil.detection.entities import EntityType

type EventRow = dict[str, Any]


@dataclass(frozen=True, slots=True)
class EventFilter:
    since: datetime | None = None  # occurred_at >= since
    until: datetime | None = None  # occurred_at < until
    action: Action | None = None
    outcome: Outcome | None = None
    entity_type: EntityType | None = None  # events that found at least one of this type
    client_id: str | None = None
    request_id: str | None = None  # the X-Request-Id a client or an access log line gives

    def describe(self) -> dict[str, str]:
        """The filter as audit details: types, times and ids, never personal data."""
        return {
            name: value.isoformat() if isinstance(value, datetime) else str(value)
            for name in self.__slots__
            if (value := getattr(self, name)) is not None
        }


class AuditQueries:
    def __init__(self, pool: Pool) -> None:
        self._pool = pool

    def page(
        self, tenant_id: str, where: EventFilter, before_seq: int | None, limit: int
    ) -> tuple[list[EventRow], int | None]:
        """Up to `limit` events, newest first, older than `before_seq` when given; and the
        seq to continue from, or None on the last page. Keyset paging: stable while events
        are appended, and as fast on page 1000 as on page 1."""
        conditions: list[sql.Composable] = [sql.SQL("tenant_id = %(tenant)s")]
        for column, operator, value in (
            ("occurred_at", ">=", where.since),
            ("occurred_at", "<", where.until),
            ("action", "=", where.action),
            ("outcome", "=", where.outcome),
            ("client_id", "=", where.client_id),
            ("request_id", "=", where.request_id),
            ("entity_counts", "?", where.entity_type),
            ("seq", "<", before_seq),
        ):
            if value is not None:
                conditions.append(
                    sql.SQL("{} {} {}").format(
                        sql.Identifier(column), sql.SQL(operator), sql.Literal(value)
                    )
                )
        query = sql.SQL(
            "SELECT * FROM audit_events WHERE {} ORDER BY seq DESC LIMIT %(limit)s"
        ).format(sql.SQL(" AND ").join(conditions))
        rows = self._fetch(query, {"tenant": tenant_id, "limit": limit + 1})
        more = len(rows) > limit
        rows = rows[:limit]
        return rows, (int(rows[-1]["seq"]) if more else None)

    def get(self, tenant_id: str, event_id: UUID) -> EventRow | None:
        rows = self._fetch(
            sql.SQL(
                "SELECT * FROM audit_events WHERE tenant_id = %(tenant)s AND event_id = %(id)s"
            ),
            {"tenant": tenant_id, "id": event_id},
        )
        return rows[0] if rows else None

    def with_fingerprints(
        self, tenant_id: str, fingerprints: Sequence[str], limit: int
    ) -> list[EventRow]:
        """Events whose findings include any of these fingerprints, newest first."""
        matches = sql.SQL(" OR ").join(
            sql.SQL("findings @> {}").format(sql.Literal(Jsonb([{"fingerprint": f}])))
            for f in fingerprints
        )
        query = sql.SQL(
            "SELECT * FROM audit_events WHERE tenant_id = %(tenant)s AND ({})"
            " ORDER BY seq DESC LIMIT %(limit)s"
        ).format(matches)
        return self._fetch(query, {"tenant": tenant_id, "limit": limit})

    def _fetch(self, query: sql.SQL | sql.Composed, params: dict[str, Any]) -> list[EventRow]:
        with self._pool.connection() as conn, conn.cursor(row_factory=dict_row) as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()
