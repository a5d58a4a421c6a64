"""`veil audit verify`: walk each tenant's chain and report the first broken link.

For each tenant, in `seq` order, every row must (1) take the next position — a gap means
rows were deleted, a repeated position that a row was inserted; (2) hash to its stored
HMAC — otherwise it was changed; (3) point at its predecessor's hash — otherwise rows were
reordered or a forged row spliced in. The last row must match the tenant's chain head,
which catches a deleted tail. Chains cut by retention start from the anchor that the
retention event recorded.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from itertools import groupby
from typing import Any

import psycopg
from psycopg.rows import dict_row

from veil.audit.chain import GENESIS, link_hash
from veil.tenant_keys import KeyPurpose, TenantKeys


class BreakKind(StrEnum):
    CHANGED = "changed"
    DELETED = "deleted"
    INSERTED = "inserted"
    REORDERED = "reordered"


@dataclass(frozen=True, slots=True)
class ChainBreak:
    tenant_id: str
    seq: int
    kind: BreakKind
    detail: str


@dataclass
class ChainReport:
    tenants: int = 0
    events: int = 0
    breaks: list[ChainBreak] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.breaks


def verify_chains(
    conn: psycopg.Connection[Any],
    keys: TenantKeys,
    tenant: str | None = None,
    since: datetime | None = None,
) -> ChainReport:
    """Check the chains of every tenant (or one); with `since`, only rows recorded since
    then, trusting the first one's link to what came before."""
    heads = {
        t: (seq, bytes(h))
        for t, seq, h in conn.execute(
            "SELECT tenant_id, seq, hash FROM audit_chain_heads"
            " WHERE %(tenant)s::text IS NULL OR tenant_id = %(tenant)s",
            {"tenant": tenant},
        )
    }
    anchors = _retention_anchors(conn, tenant)
    report = ChainReport()
    with conn.transaction(), conn.cursor(name="veil_verify", row_factory=dict_row) as cursor:
        cursor.itersize = 5000
        cursor.execute(
            "SELECT * FROM audit_events"
            " WHERE (%(tenant)s::text IS NULL OR tenant_id = %(tenant)s)"
            " AND (%(since)s::timestamptz IS NULL OR recorded_at >= %(since)s)"
            " ORDER BY tenant_id, seq, recorded_at",
            {"tenant": tenant, "since": since},
        )
        seen = set()
        for tenant_id, rows in groupby(cursor, key=lambda r: str(r["tenant_id"])):
            seen.add(tenant_id)
            chain_keys = keys.keys(tenant_id, KeyPurpose.AUDIT_CHAIN)
            result = _walk(tenant_id, rows, chain_keys, anchors.get(tenant_id, {}), since, report)
            if isinstance(result, ChainBreak):
                report.breaks.append(result)
                continue
            head, last = heads.get(tenant_id), result
            if head is not None and head != last:
                kind = BreakKind.DELETED if head[0] > last[0] else BreakKind.CHANGED
                report.breaks.append(
                    ChainBreak(tenant_id, last[0], kind, f"the chain head is at seq {head[0]}")
                )
    for tenant_id, (seq, _) in heads.items():
        if tenant_id not in seen and seq > 0 and since is None:
            report.breaks.append(
                ChainBreak(tenant_id, 1, BreakKind.DELETED, f"all {seq} events are missing")
            )
    report.tenants = len(seen | set(heads))
    return report


def _walk(
    tenant_id: str,
    rows: Iterable[dict[str, Any]],
    chain_keys: Sequence[bytes],
    anchors: dict[int, bytes],
    since: datetime | None,
    report: ChainReport,
) -> ChainBreak | tuple[int, bytes]:
    """The first break in this tenant's rows, or the (seq, hash) of the last one verified."""
    expected: int | None = None
    prev = GENESIS
    for row in rows:
        report.events += 1
        seq, stored = int(row["seq"]), bytes(row["hash"])
        if expected is None:  # the first row of this chain we see
            if since is not None:
                expected, prev = seq, bytes(row["prev_hash"])
            elif seq == 1:
                expected = 1
            elif seq - 1 in anchors:
                expected, prev = seq, anchors[seq - 1]
            else:
                return ChainBreak(tenant_id, 1, BreakKind.DELETED, f"seq 1 to {seq - 1} missing")
        if seq < expected:
            return ChainBreak(tenant_id, seq, BreakKind.INSERTED, "a second row at this position")
        if seq > expected:
            return ChainBreak(
                tenant_id, expected, BreakKind.DELETED, f"seq {expected} to {seq - 1} missing"
            )
        # Rows chained before a master-key rotation verify with the previous key.
        if all(link_hash(key, row) != stored for key in chain_keys):
            return ChainBreak(tenant_id, seq, BreakKind.CHANGED, "the row does not match its hash")
        if bytes(row["prev_hash"]) != prev:
            return ChainBreak(
                tenant_id, seq, BreakKind.REORDERED, "the row does not follow its predecessor"
            )
        expected, prev = seq + 1, stored
    # Groupby never yields an empty group
    assert expected is not None  # nosec B101
    return (expected - 1, prev)


def _retention_anchors(
    conn: psycopg.Connection[Any], tenant: str | None
) -> dict[str, dict[int, bytes]]:
    """Where retention cut each chain: the seq and hash of the last event it dropped."""
    anchors: dict[str, dict[int, bytes]] = {}
    for tenant_id, details in conn.execute(
        "SELECT tenant_id, details FROM audit_events WHERE action = 'retention'"
        " AND (%(tenant)s::text IS NULL OR tenant_id = %(tenant)s)",
        {"tenant": tenant},
    ):
        seq, digest = details.get("dropped_through_seq"), details.get("dropped_through_hash")
        if seq is not None and digest is not None:
            anchors.setdefault(tenant_id, {})[int(seq)] = bytes.fromhex(digest)
    return anchors
