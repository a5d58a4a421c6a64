"""`veil audit retention`: drop whole monthly partitions older than the window.

Before anything is dropped the chains are verified; a broken chain stops retention unless
forced, because dropping would destroy the evidence. For each tenant with events in the
dropped months, a `retention` event is appended to its chain recording the seq and hash of
the last dropped event, so verification can start again from there. Dropping a partition
fires no row trigger: it is the one way rows leave the table, and it leaves this record.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import psycopg
from psycopg import sql

from veil.audit.events import Action, AuditEvent, Outcome, event_for
from veil.audit.repository import AuditRepository
from veil.audit.verify import ChainReport, verify_chains
from veil.auth.principal import Principal
from veil.tenant_keys import TenantKeys

MONTHS_AHEAD = 3


class RetentionRefusedError(Exception):
    def __init__(self, report: ChainReport) -> None:
        super().__init__(f"{len(report.breaks)} broken chain(s): verify before dropping")
        self.report = report


@dataclass
class RetentionReport:
    cutoff: datetime
    dropped: list[str] = field(default_factory=list)
    anchors: dict[str, tuple[int, bytes]] = field(default_factory=dict)


def monthly_partitions(conn: psycopg.Connection[Any]) -> dict[str, date]:
    """Partition name -> the first day after the month it holds."""
    rows = conn.execute(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        " WHERE i.inhparent = 'audit_events'::regclass"
        " AND c.relname ~ '^audit_events_\\d{4}_\\d{2}$'"
    )
    ends = {}
    for (name,) in rows:
        year, month = int(name[-7:-3]), int(name[-2:])
        ends[name] = date(year + month // 12, month % 12 + 1, 1)
    return ends


def ensure_partitions(conn: psycopg.Connection[Any], months_ahead: int = MONTHS_AHEAD) -> None:
    conn.execute("SELECT audit_ensure_partitions(%s)", (months_ahead,))


def apply_retention(
    conn: psycopg.Connection[Any],
    repository: AuditRepository,
    keys: TenantKeys,
    keep_days: int,
    *,
    force: bool = False,
    dry_run: bool = False,
    now: datetime | None = None,
) -> RetentionReport:
    """Drop the months that ended more than `keep_days` ago. `conn` is the owner's."""
    cutoff = (now or datetime.now(UTC)) - timedelta(days=keep_days)
    report = RetentionReport(cutoff)
    expired = sorted(name for name, end in monthly_partitions(conn).items() if end <= cutoff.date())
    if expired:
        chains = verify_chains(conn, keys)
        if not chains.ok and not force:
            raise RetentionRefusedError(chains)
        report.anchors = _last_events(conn, expired)
    if dry_run:
        report.dropped = expired
        return report
    for tenant_id, (seq, digest) in report.anchors.items():
        repository.append(_retention_event(tenant_id, seq, digest, expired, cutoff))
    for name in expired:
        conn.execute(sql.SQL("DROP TABLE {}").format(sql.Identifier(name)))
        report.dropped.append(name)
    ensure_partitions(conn)
    return report


def _last_events(
    conn: psycopg.Connection[Any], partitions: list[str]
) -> dict[str, tuple[int, bytes]]:
    last: dict[str, tuple[int, bytes]] = {}
    for name in partitions:
        query = sql.SQL(
            "SELECT DISTINCT ON (tenant_id) tenant_id, seq, hash FROM {}"
            " ORDER BY tenant_id, seq DESC"
        ).format(sql.Identifier(name))
        for tenant_id, seq, digest in conn.execute(query):
            if tenant_id not in last or seq > last[tenant_id][0]:
                last[tenant_id] = (seq, bytes(digest))
    return last


def _retention_event(
    tenant_id: str, seq: int, digest: bytes, partitions: list[str], cutoff: datetime
) -> AuditEvent:
    system = Principal("system", tenant_id, "veil-retention", frozenset())
    details: dict[str, object] = {
        "dropped_partitions": partitions,
        "dropped_before": cutoff.isoformat(),
        "dropped_through_seq": seq,
        "dropped_through_hash": digest.hex(),
    }
    return event_for(
        system, f"retention-{cutoff:%Y%m%d}", Action.RETENTION, Outcome.OK, 200, 0, 0, 0.0,
        (), details,
    )  # fmt: skip
