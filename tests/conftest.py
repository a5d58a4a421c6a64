"""Shared fixtures: a real PostgreSQL for integration and API tests.

The server is, in order: DATABASE_URL if set; the machine's server on 127.0.0.1:5432 if
one answers; otherwise a throwaway cluster this session starts (and stops) itself. Each test
session gets its own freshly migrated database, dropped at the end.
"""

import os
import secrets
import shutil
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from hypothesis import settings
from psycopg import sql
from psycopg.conninfo import make_conninfo

from veil.database.migrations import migrate
from veil.database.pool import Pool, open_pool
from veil.local.environment import app_role_url
from veil.local.postgres import EmbeddedPostgres
from veil.tenant_keys import TenantKeys

ROOT = Path(__file__).resolve().parent.parent
MASTER_KEY_HEX = "6b" * 32

# Property tests explore new examples on every local run; CI (.ci/run sets CI=1) replays a
# fixed sequence, so a landing is never decided by a rare draw. A failure found locally is
# kept in .hypothesis/ and replayed first until it is fixed.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@dataclass(frozen=True)
class Database:
    admin_url: str  # owner: migrations, keys, assertions
    app_url: str  # the application role, as the handlers connect


def _answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


@contextmanager
def throwaway_postgres() -> Iterator[EmbeddedPostgres]:
    """A cluster in a fresh folder the postgres user can reach (pytest's tmp is root-only),
    stopped and deleted afterwards (each is ~40 MB)."""
    base = Path(tempfile.mkdtemp(prefix="veil-pg-"))
    base.chmod(0o755)
    server = EmbeddedPostgres(base / "data", durable=False)
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    if os.environ.get("DATABASE_URL"):
        yield os.environ["DATABASE_URL"]
    elif _answers("127.0.0.1", 5432):
        yield "postgresql://postgres@127.0.0.1:5432/postgres"
    else:
        with throwaway_postgres() as server:
            yield server.start()


@contextmanager
def fresh_database(server_url: str) -> Iterator[Database]:
    """A new, migrated database on the server, dropped afterwards."""
    name = f"veil_test_{secrets.token_hex(4)}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin_url = make_conninfo(server_url, dbname=name)
    try:
        migrate(admin_url)
        yield Database(admin_url, app_role_url(admin_url))
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def database(postgres_server: str) -> Iterator[Database]:
    with fresh_database(postgres_server) as database:
        yield database


@pytest.fixture(scope="session")
def admin_pool(database: Database) -> Iterator[Pool]:
    pool = open_pool(database.admin_url)
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def app_pool(database: Database) -> Iterator[Pool]:
    pool = open_pool(database.app_url)
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def tenant_keys() -> TenantKeys:
    return TenantKeys(bytes.fromhex(MASTER_KEY_HEX))


@pytest.fixture(scope="session")
def service_environment(database: Database) -> Iterator[Database]:
    """Point the handlers' settings at the test database, as `veil serve` does."""
    from veil import tenants
    from veil.api.redaction_service import default_redaction_service
    from veil.audit import wiring
    from veil.database.pool import default_pool
    from veil.providers import wiring as providers
    from veil.settings import get_settings

    saved = {k: os.environ.get(k) for k in ("DATABASE_URL", "VEIL_MASTER_KEY")}
    os.environ["DATABASE_URL"] = database.app_url
    os.environ["VEIL_MASTER_KEY"] = MASTER_KEY_HEX
    for cached in (
        get_settings,
        default_pool,
        default_redaction_service,
        wiring.default_tenant_keys,
        wiring.default_audit_repository,
        wiring.default_audit_log,
        providers.default_pipeline,
        tenants.default_tenant_settings,
        providers.default_circuits,
        providers.default_probe_repository,
    ):
        cached.cache_clear()
    yield database
    if default_pool.cache_info().currsize:
        default_pool().close()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
