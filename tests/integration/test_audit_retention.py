"""Retention drops whole months past the window, records the cut in each chain, and
refuses to destroy a broken chain unless forced."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import psycopg
import pytest

from tests.audit_helpers import make_event, seed_chain
from tests.conftest import Database, fresh_database
from veil.audit import AuditRepository
from veil.audit.retention import RetentionRefusedError, apply_retention, monthly_partitions
from veil.audit.verify import verify_chains
from veil.cli import main
from veil.database.pool import open_pool
from veil.tenant_keys import TenantKeys

OLD_MONTH = datetime(2025, 1, 10, tzinfo=UTC)


@pytest.fixture
def history(postgres_server: str, tenant_keys: TenantKeys) -> Iterator[Database]:
    """A database where tenants `old` and `both` have 10 events recorded in January 2025,
    and `both` two more recorded now."""
    with fresh_database(postgres_server) as database:
        with psycopg.connect(database.admin_url, autocommit=True) as conn:
            conn.execute("SELECT audit_partition_for('2025-01-01')")
            for tenant in ("old", "both"):
                events = [make_event(tenant) for _ in range(10)]
                seed_chain(conn, tenant_keys, tenant, events, OLD_MONTH, timedelta(minutes=1))
        with open_pool(database.app_url) as pool:
            repository = AuditRepository(pool, tenant_keys)
            repository.append(make_event("both"))
            repository.append(make_event("both"))
        yield database


def retention(database: Database, keys: TenantKeys, **options: object):  # type: ignore[no-untyped-def]
    with (
        psycopg.connect(database.admin_url, autocommit=True) as conn,
        open_pool(database.admin_url, size=1) as pool,
    ):
        return apply_retention(conn, AuditRepository(pool, keys), keys, 365, **options)  # type: ignore[arg-type]


def test_old_months_go_and_the_chains_still_verify(
    history: Database, tenant_keys: TenantKeys
) -> None:
    report = retention(history, tenant_keys)
    assert report.dropped == ["audit_events_2025_01"]
    assert {t: seq for t, (seq, _) in report.anchors.items()} == {"old": 10, "both": 10}
    with psycopg.connect(history.admin_url) as conn:
        assert "audit_events_2025_01" not in monthly_partitions(conn)
        remaining = conn.execute(
            "SELECT tenant_id, seq, action FROM audit_events ORDER BY tenant_id, seq"
        ).fetchall()
        chains = verify_chains(conn, tenant_keys)
    assert remaining == [
        ("both", 11, "redact"),
        ("both", 12, "redact"),
        ("both", 13, "retention"),
        ("old", 11, "retention"),
    ]
    assert chains.ok, chains.breaks


def test_dry_run_drops_nothing(history: Database, tenant_keys: TenantKeys) -> None:
    report = retention(history, tenant_keys, dry_run=True)
    assert report.dropped == ["audit_events_2025_01"]
    with psycopg.connect(history.admin_url) as conn:
        assert "audit_events_2025_01" in monthly_partitions(conn)


def test_a_broken_chain_stops_retention_unless_forced(
    history: Database, tenant_keys: TenantKeys
) -> None:
    with psycopg.connect(history.admin_url, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute("DELETE FROM audit_events WHERE tenant_id = 'old' AND seq = 4")
    with pytest.raises(RetentionRefusedError):
        retention(history, tenant_keys)
    with psycopg.connect(history.admin_url) as conn:
        assert "audit_events_2025_01" in monthly_partitions(conn)
    assert retention(history, tenant_keys, force=True).dropped == ["audit_events_2025_01"]


def test_cli_verify_and_retention(
    history: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.conftest import MASTER_KEY_HEX

    monkeypatch.setenv("DATABASE_URL", history.admin_url)
    monkeypatch.setenv("VEIL_MASTER_KEY", MASTER_KEY_HEX)
    assert main(["audit", "verify"]) == 0
    assert "verified 22 event(s) in 2 chain(s)" in capsys.readouterr().out
    assert main(["audit", "retention", "--keep-days", "365"]) == 0
    assert "dropped 1 partition(s)" in capsys.readouterr().out
    assert main(["audit", "partitions", "--ahead", "4"]) == 0
    with psycopg.connect(history.admin_url, autocommit=True) as conn:
        conn.execute("SET session_replication_role = replica")
        conn.execute(
            "UPDATE audit_events SET status_code = 201 WHERE tenant_id = 'both' AND seq = 12"
        )
    capsys.readouterr()
    assert main(["audit", "verify", "--tenant", "both"]) == 1
    assert "BROKEN tenant=both seq=12 changed" in capsys.readouterr().out
