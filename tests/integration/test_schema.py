"""The schema's promises: migrations apply once, the audit table is append-only for everyone,
and the application role can read keys and append audit events, nothing more."""

from datetime import date

import psycopg
import pytest

from tests.conftest import Database
from veil.database.migrations import available, migrate, pending


def test_migrations_are_applied_once(database: Database) -> None:
    assert migrate(database.admin_url) == []
    with psycopg.connect(database.admin_url) as conn:
        assert pending(conn) == []
        versions = [r[0] for r in conn.execute("SELECT version FROM veil_schema_migrations")]
    assert versions == [m.version for m in available()]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET outcome = 'ok'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        "INSERT INTO api_keys (key_id, key_hash, tenant_id, client_id, scopes)"
        " VALUES ('k', '\\x00', 't', 'c', '{}')",
        "UPDATE api_keys SET revoked_at = NULL",
        "DELETE FROM api_keys",
    ],
)
def test_application_role_cannot_change_history_or_keys(database: Database, statement: str) -> None:
    with (
        psycopg.connect(database.app_url) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute(statement)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET outcome = 'ok'",
        "DELETE FROM audit_events",
        "TRUNCATE audit_events",
        # A partition truncated directly does not fire the parent's trigger: each has its own.
        "TRUNCATE audit_events_default",
        f"TRUNCATE audit_events_{date.today():%Y_%m}",
    ],
)
def test_even_the_owner_cannot_rewrite_audit_rows(database: Database, statement: str) -> None:
    with (
        psycopg.connect(database.admin_url) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege, match="append-only"),
    ):
        conn.execute(statement)
