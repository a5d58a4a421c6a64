"""One small connection pool per process, reused across Lambda invocations.

`prepare_threshold=None` disables server-side prepared statements, which would pin
connections behind RDS Proxy. Connect and statement timeouts keep a sick database from
holding a request beyond API Gateway's limit.
"""

from functools import cache

from psycopg import Connection
from psycopg.rows import TupleRow
from psycopg_pool import ConnectionPool

from veil.settings import Settings, get_settings

type Pool = ConnectionPool[Connection[TupleRow]]


def open_pool(
    conninfo: str, size: int = 2, connect_timeout_s: int = 3, statement_timeout_ms: int = 3000
) -> Pool:
    return ConnectionPool(
        conninfo,
        min_size=1,
        max_size=size,
        timeout=connect_timeout_s,
        kwargs={
            "autocommit": True,
            "prepare_threshold": None,
            "connect_timeout": connect_timeout_s,
            "options": f"-c statement_timeout={statement_timeout_ms}",
            "application_name": "veil",
        },
        open=True,
        name="veil",
    )


def pool_from_settings(settings: Settings) -> Pool:
    return open_pool(
        settings.conninfo(),
        size=settings.db_pool_size,
        connect_timeout_s=settings.db_connect_timeout_s,
        statement_timeout_ms=settings.db_statement_timeout_ms,
    )


@cache
def default_pool() -> Pool:
    return pool_from_settings(get_settings())
