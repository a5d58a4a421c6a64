"""Everything `veil serve` needs before it can answer: a migrated database, an application
role to connect as, a master key, and a key for the developer to call the API with."""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg.conninfo import make_conninfo

from veil.database.migrations import migrate
from veil.local.postgres import EmbeddedPostgres

LOCAL_DATABASE = "veil"


@dataclass
class LocalEnvironment:
    admin_url: str  # owner: runs migrations, creates keys
    app_url: str  # what the handlers connect as
    master_key_hex: str
    spool_dir: Path  # audit events wait here while PostgreSQL is away
    postgres: EmbeddedPostgres | None

    def export(self) -> None:
        """Point the handlers (which read their settings from the environment) at this setup."""
        os.environ["DATABASE_URL"] = self.app_url
        os.environ["VEIL_MASTER_KEY"] = self.master_key_hex
        os.environ["VEIL_AUDIT_SPOOL_DIR"] = str(self.spool_dir)


def prepare(state_dir: Path) -> LocalEnvironment:
    """Use DATABASE_URL when set; otherwise start (or reuse) a cluster under `state_dir`."""
    state_dir.mkdir(parents=True, exist_ok=True)
    given = os.environ.get("DATABASE_URL")
    postgres = None
    if given:
        admin_url = app_url = given
        migrate(admin_url)
    else:
        postgres = EmbeddedPostgres(state_dir / "postgres")
        admin_url = ensure_database(postgres.start(), LOCAL_DATABASE)
        migrate(admin_url)
        app_url = app_role_url(admin_url)
    spool_dir = Path(os.environ.get("VEIL_AUDIT_SPOOL_DIR") or state_dir / "spool")
    return LocalEnvironment(admin_url, app_url, master_key(state_dir), spool_dir, postgres)


def ensure_database(server_url: str, name: str) -> str:
    with psycopg.connect(server_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(psycopg.sql.SQL("CREATE DATABASE {}").format(psycopg.sql.Identifier(name)))
    return make_conninfo(server_url, dbname=name)


def app_role_url(admin_url: str) -> str:
    """Let the application role log in (trust auth on loopback) and return its URL."""
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute("ALTER ROLE veil_app LOGIN")
    return make_conninfo(admin_url, user="veil_app")


def master_key(state_dir: Path) -> str:
    """VEIL_MASTER_KEY, or a key kept in `state_dir` (mode 0600) across runs."""
    given = os.environ.get("VEIL_MASTER_KEY")
    if given:
        return given
    path = state_dir / "master.key"
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()
