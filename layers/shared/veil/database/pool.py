"""One small connection pool per process, reused across Lambda invocations.

`prepare_threshold=None` disables server-side prepared statements, which would pin
connections behind RDS Proxy. Connect and statement timeouts keep a sick database from
holding a request beyond API Gateway's limit.
"""

from collections.abc import Callable
from functools import cache
from typing import Any

from psycopg import Connection
from psycopg.conninfo import conninfo_to_dict
from psycopg.rows import TupleRow
from psycopg_pool import ConnectionPool

from veil.settings import Settings, get_settings

type Pool = ConnectionPool[Connection[TupleRow]]


def open_pool(
    conninfo: str,
    size: int = 2,
    connect_timeout_s: int = 3,
    statement_timeout_ms: int = 3000,
    password: Callable[[], str] | None = None,
) -> Pool:
    """`password`, when given, is called for every new connection (IAM auth tokens expire
    after 15 minutes, so each connection gets a fresh one)."""
    base: dict[str, Any] = {
        "autocommit": True,
        "prepare_threshold": None,
        "connect_timeout": connect_timeout_s,
        "options": f"-c statement_timeout={statement_timeout_ms}",
        "application_name": "veil",
    }

    def with_token() -> dict[str, Any]:
        # Only installed when a password source is
        assert password is not None  # nosec B101
        return {**base, "password": password(), "sslmode": "require"}

    return ConnectionPool(
        conninfo,
        min_size=1,
        max_size=size,
        timeout=connect_timeout_s,
        kwargs=base if password is None else with_token,
        open=True,
        name="veil",
    )


def iam_auth_token(conninfo: str, region: str | None = None) -> Callable[[], str]:
    """A password source for RDS IAM database authentication (`VEIL_DB_IAM_AUTH=true`)."""
    import boto3  # only the IAM path pays for it at cold start

    target = conninfo_to_dict(conninfo)
    client = boto3.client("rds", region_name=region)

    def token() -> str:
        return str(
            client.generate_db_auth_token(
                DBHostname=target["host"],
                Port=int(target.get("port") or 5432),
                DBUsername=target["user"],
            )
        )

    return token


def pool_from_settings(settings: Settings) -> Pool:
    conninfo = settings.conninfo()
    return open_pool(
        conninfo,
        size=settings.db_pool_size,
        connect_timeout_s=settings.db_connect_timeout_s,
        statement_timeout_ms=settings.db_statement_timeout_ms,
        password=iam_auth_token(conninfo) if settings.db_iam_auth else None,
    )


@cache
def default_pool() -> Pool:
    return pool_from_settings(get_settings())
