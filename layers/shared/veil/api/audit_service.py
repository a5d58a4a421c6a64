"""Audit queries for a tenant's auditors; each query is itself audited in the tenant's chain.

A search takes a value, fingerprints it with the tenant's key (one fingerprint per entity
type, or for the named type) and finds the events that saw it: "did we ever process this
SSN?" is answered without the SSN being stored anywhere.
"""

import time
from functools import cache
from uuid import UUID

from veil.api.audit_models import (
    AuditEventView,
    AuditPage,
    AuditSearchRequest,
    decode_cursor,
    encode_cursor,
)
from veil.audit import Action, AuditLog, AuditUnavailableError, Outcome
from veil.audit.events import event_for
from veil.audit.queries import AuditQueries, EventFilter, EventRow
from veil.audit.wiring import default_audit_log, default_tenant_keys
from veil.auth.principal import Principal
from veil.database.pool import default_pool
from veil.detection.entities import EntityType
from veil.fingerprint import fingerprint
from veil.http import problems
from veil.tenant_keys import KeyPurpose, TenantKeys


class AuditQueryService:
    def __init__(self, queries: AuditQueries, audit: AuditLog, keys: TenantKeys) -> None:
        self._queries = queries
        self._audit = audit
        self._keys = keys

    def list_events(
        self,
        caller: Principal,
        where: EventFilter,
        cursor: str | None,
        limit: int,
        request_id: str,
    ) -> AuditPage:
        started = time.perf_counter()
        rows, next_seq = self._queries.page(caller.tenant_id, where, decode_cursor(cursor), limit)
        details = {"filter": where.describe(), "limit": limit, "returned": len(rows)}
        self._record(caller, request_id, Action.AUDIT_LIST, details, started)
        return _page(rows, next_seq, request_id)

    def get_event(self, caller: Principal, event_id: UUID, request_id: str) -> AuditEventView:
        started = time.perf_counter()
        row = self._queries.get(caller.tenant_id, event_id)
        details = {"event_id": str(event_id), "found": row is not None}
        self._record(caller, request_id, Action.AUDIT_GET, details, started)
        if row is None:  # another tenant's event is as absent as one that never was
            raise problems.not_found()
        return AuditEventView.of(row)

    def search(self, caller: Principal, request: AuditSearchRequest, request_id: str) -> AuditPage:
        started = time.perf_counter()
        types = [request.entity_type] if request.entity_type else list(EntityType)
        # Every key that verifies: events fingerprinted before a rotation are found too.
        fingerprints = [
            fingerprint(key, t, request.value)
            for key in self._keys.keys(caller.tenant_id, KeyPurpose.AUDIT_FINGERPRINT)
            for t in types
        ]
        rows = self._queries.with_fingerprints(caller.tenant_id, fingerprints, request.limit)
        details: dict[str, object] = {
            "entity_type": str(request.entity_type) if request.entity_type else None,
            "returned": len(rows),
        }
        self._record(caller, request_id, Action.AUDIT_SEARCH, details, started)
        return _page(rows, None, request_id)

    def _record(
        self,
        caller: Principal,
        request_id: str,
        action: Action,
        details: dict[str, object],
        started: float,
    ) -> None:
        latency = (time.perf_counter() - started) * 1000
        event = event_for(caller, request_id, action, Outcome.OK, 200, 0, 0, latency, (), details)
        try:
            self._audit.record(event)
        except AuditUnavailableError:
            raise problems.audit_unavailable() from None


def _page(rows: list[EventRow], next_seq: int | None, request_id: str) -> AuditPage:
    return AuditPage(
        events=[AuditEventView.of(row) for row in rows],
        next_cursor=encode_cursor(next_seq),
        request_id=request_id,
    )


@cache
def default_audit_query_service() -> AuditQueryService:
    return AuditQueryService(
        AuditQueries(default_pool()), default_audit_log(), default_tenant_keys()
    )
