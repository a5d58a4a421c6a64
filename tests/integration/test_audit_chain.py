"""The audit trail's promises: each event stored once, chained per tenant, never forked by
concurrent writers, and every kind of tampering caught by verification."""

import secrets
import threading
from collections.abc import Iterator

import psycopg
import pytest

from tests.audit_helpers import make_event
from tests.conftest import Database
from veil.audit import AuditRepository, AuditUnavailableError
from veil.audit.chain import GENESIS
from veil.audit.verify import BreakKind, verify_chains
from veil.database.pool import Pool, open_pool
from veil.local.postgres import free_port
from veil.tenant_keys import TenantKeys


@pytest.fixture
def tenant() -> str:
    return f"tenant-{secrets.token_hex(4)}"


@pytest.fixture
def repository(app_pool: Pool, tenant_keys: TenantKeys) -> AuditRepository:
    return AuditRepository(app_pool, tenant_keys)


def verify(database: Database, keys: TenantKeys, tenant: str):  # type: ignore[no-untyped-def]
    with psycopg.connect(database.admin_url) as conn:
        return verify_chains(conn, keys, tenant=tenant)


def test_event_is_stored_once_with_counts_and_fingerprints_only(
    repository: AuditRepository, admin_pool: Pool, tenant: str
) -> None:
    event = make_event(tenant)
    assert repository.append(event) is True
    assert repository.append(event) is False  # a retry stores nothing
    with admin_pool.connection() as conn:
        rows = conn.execute(
            "SELECT seq, entity_counts, findings::text FROM audit_events WHERE event_id = %s",
            (event.event_id,),
        ).fetchall()
    assert len(rows) == 1
    seq, counts, findings = rows[0]
    assert seq == 1
    assert counts == {"EMAIL_ADDRESS": 1, "CREDIT_CARD": 1}
    for value in ("jane.doe@example.com", "4111 1111 1111 1111", "4111111111111111"):
        assert value not in findings


def test_events_link_to_their_predecessor(
    repository: AuditRepository, admin_pool: Pool, tenant: str, tenant_keys: TenantKeys,
    database: Database,
) -> None:  # fmt: skip
    for _ in range(3):
        repository.append(make_event(tenant))
    with admin_pool.connection() as conn:
        links = conn.execute(
            "SELECT seq, prev_hash, hash FROM audit_events WHERE tenant_id = %s ORDER BY seq",
            (tenant,),
        ).fetchall()
    assert [seq for seq, _, _ in links] == [1, 2, 3]
    assert links[0][1] == GENESIS
    assert links[1][1] == links[0][2]
    assert links[2][1] == links[1][2]
    assert verify(database, tenant_keys, tenant).ok


def test_parallel_writers_never_fork_the_chain(
    database: Database, tenant_keys: TenantKeys, tenant: str
) -> None:
    writers, per_writer = 8, 25
    pool = open_pool(database.app_url, size=writers)
    repository = AuditRepository(pool, tenant_keys)
    start = threading.Barrier(writers)

    def write() -> None:
        start.wait()
        for _ in range(per_writer):
            repository.append(make_event(tenant))

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    pool.close()
    with psycopg.connect(database.admin_url) as conn:
        seqs = [r[0] for r in conn.execute(
            "SELECT seq FROM audit_events WHERE tenant_id = %s ORDER BY seq", (tenant,)
        )]  # fmt: skip
    assert seqs == list(range(1, writers * per_writer + 1))
    report = verify(database, tenant_keys, tenant)
    assert report.ok, report.breaks
    assert report.events == writers * per_writer


@pytest.fixture
def chain_of_five(repository: AuditRepository, tenant: str) -> str:
    for _ in range(5):
        repository.append(make_event(tenant))
    return tenant


@pytest.fixture
def owner(database: Database) -> Iterator[psycopg.Connection]:  # type: ignore[type-arg]
    """An attacker with the owner's rights: triggers switched off for this session."""
    with psycopg.connect(database.admin_url, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        yield conn


def _tampering(owner: psycopg.Connection, statement: str, tenant: str) -> None:  # type: ignore[type-arg]
    owner.execute(statement.replace("TENANT", tenant))


@pytest.mark.parametrize(
    ("statement", "kind", "seq"),
    [
        ("UPDATE audit_events SET status_code = 500 WHERE tenant_id = 'TENANT' AND seq = 3",
         BreakKind.CHANGED, 3),
        ("UPDATE audit_events SET entity_counts = '{}' WHERE tenant_id = 'TENANT' AND seq = 2",
         BreakKind.CHANGED, 2),
        ("DELETE FROM audit_events WHERE tenant_id = 'TENANT' AND seq = 3", BreakKind.DELETED, 3),
        ("DELETE FROM audit_events WHERE tenant_id = 'TENANT' AND seq = 5", BreakKind.DELETED, 4),
        # Swap two rows' positions: each no longer matches its hash.
        ("UPDATE audit_events SET seq = CASE seq WHEN 2 THEN 4 ELSE 2 END"
         " WHERE tenant_id = 'TENANT' AND seq IN (2, 4)", BreakKind.CHANGED, 2),
        # A forged row at an existing position, a copy of the genuine one a moment later.
        (
            "INSERT INTO audit_events SELECT tenant_id, seq, recorded_at + interval '1 us',"
            " gen_random_uuid(), occurred_at, request_id, client_id, key_id, action, outcome,"
            " status_code, input_bytes, output_bytes, entity_counts, findings, details,"
            " latency_ms, prev_hash, hash FROM audit_events WHERE tenant_id = 'TENANT' AND seq = 3",
            BreakKind.INSERTED,
            3,
        ),
        # A forged row appended at the end with a plausible link (unkeyed SHA-256).
        ("INSERT INTO audit_events SELECT tenant_id, 6, recorded_at, gen_random_uuid(),"
         " occurred_at, request_id, client_id, key_id, action, outcome, status_code,"
         " input_bytes, output_bytes, entity_counts, findings, details, latency_ms, hash,"
         " sha256(hash) FROM audit_events WHERE tenant_id = 'TENANT' AND seq = 5",
         BreakKind.CHANGED, 6),
        # A row re-linked to skip its predecessor.
        ("UPDATE audit_events SET prev_hash = (SELECT hash FROM audit_events"
         " WHERE tenant_id = 'TENANT' AND seq = 1) WHERE tenant_id = 'TENANT' AND seq = 3",
         BreakKind.CHANGED, 3),
    ],
)  # fmt: skip
def test_verify_catches_tampering(
    chain_of_five: str,
    owner: psycopg.Connection,  # type: ignore[type-arg]
    database: Database,
    tenant_keys: TenantKeys,
    statement: str,
    kind: BreakKind,
    seq: int,
) -> None:
    assert verify(database, tenant_keys, chain_of_five).ok
    _tampering(owner, statement, chain_of_five)
    report = verify(database, tenant_keys, chain_of_five)
    assert [(b.kind, b.seq) for b in report.breaks] == [(kind, seq)]


def test_verify_sees_other_tenants_unaffected(
    chain_of_five: str, owner: psycopg.Connection, database: Database,  # type: ignore[type-arg]
    tenant_keys: TenantKeys, repository: AuditRepository,
) -> None:  # fmt: skip
    other = chain_of_five + "-other"
    repository.append(make_event(other))
    _tampering(
        owner, "DELETE FROM audit_events WHERE tenant_id = 'TENANT' AND seq = 2", chain_of_five
    )
    assert verify(database, tenant_keys, other).ok
    assert not verify(database, tenant_keys, chain_of_five).ok


def test_unreachable_database_raises_audit_unavailable(tenant_keys: TenantKeys) -> None:
    pool = open_pool(f"postgresql://veil_app@127.0.0.1:{free_port()}/none", connect_timeout_s=1)
    try:
        with pytest.raises(AuditUnavailableError):
            AuditRepository(pool, tenant_keys).append(make_event())
    finally:
        pool.close()
