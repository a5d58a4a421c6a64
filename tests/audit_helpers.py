"""Audit events for tests, with findings fingerprinted as the service does."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from psycopg import sql

from veil.audit import Action, AuditEvent, Outcome
from veil.audit.chain import CHAINED_COLUMNS, GENESIS, link_hash, record_of
from veil.audit.events import findings_of
from veil.audit.repository import row_values
from veil.detection import default_engine
from veil.tenant_keys import KeyPurpose, TenantKeys

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


def seed_chain(
    conn: Any,
    keys: TenantKeys,
    tenant_id: str,
    events: Iterable[AuditEvent],
    recorded_from: datetime,
    step: timedelta = timedelta(seconds=1),
) -> tuple[int, bytes]:
    """Write a new tenant's chain straight into the table (COPY, as the owner), with
    recorded_at times of our choosing: months in the past, or a million rows at once."""
    chain_key = keys.key(tenant_id, KeyPurpose.AUDIT_CHAIN)
    seq, prev, recorded_at = 0, GENESIS, recorded_from
    columns = sql.SQL(", ").join(map(sql.Identifier, (*CHAINED_COLUMNS, "hash")))
    copy_sql = sql.SQL("COPY audit_events ({}) FROM STDIN").format(columns)
    with conn.cursor() as cursor, cursor.copy(copy_sql) as copy:
        for event in events:
            seq += 1
            record = record_of(event, seq, prev, recorded_at)
            digest = link_hash(chain_key, record)
            copy.write_row([*row_values(record), digest])
            prev, recorded_at = digest, recorded_at + step
    conn.execute(
        "INSERT INTO audit_chain_heads (tenant_id, seq, hash) VALUES (%s, %s, %s)",
        (tenant_id, seq, prev),
    )
    return seq, prev
