"""Versioned schema migrations: `sql/NNNN_name.sql`, applied in order, each exactly once.

Run by the owner role (`veil db migrate`); an advisory lock serialises concurrent runs,
and each migration commits together with its row in `veil_schema_migrations`.
"""

from dataclasses import dataclass
from importlib.resources import files

import psycopg

_LOCK_ID = 0x7665696C  # "veil"


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    found = []
    for entry in files("veil.database").joinpath("sql").iterdir():
        if entry.name.endswith(".sql"):
            version, _, rest = entry.name.partition("_")
            found.append(Migration(int(version), rest.removesuffix(".sql"), entry.read_text()))
    return sorted(found, key=lambda m: m.version)


def applied(conn: psycopg.Connection) -> set[int]:
    exists = conn.execute("SELECT to_regclass('veil_schema_migrations') IS NOT NULL").fetchone()
    if not exists or not exists[0]:
        return set()
    return {row[0] for row in conn.execute("SELECT version FROM veil_schema_migrations")}


def migrate(conninfo: str) -> list[Migration]:
    """Apply every pending migration; returns those applied by this call."""
    done: list[Migration] = []
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS veil_schema_migrations ("
            " version integer PRIMARY KEY, name text NOT NULL,"
            " applied_at timestamptz NOT NULL DEFAULT now())"
        )
        for migration in available():
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_ID,))
                if migration.version in applied(conn):
                    continue
                conn.execute(migration.sql.encode())
                conn.execute(
                    "INSERT INTO veil_schema_migrations (version, name) VALUES (%s, %s)",
                    (migration.version, migration.name),
                )
            done.append(migration)
    return done


def pending(conn: psycopg.Connection) -> list[Migration]:
    done = applied(conn)
    return [m for m in available() if m.version not in done]
