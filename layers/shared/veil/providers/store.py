"""Provider facts in PostgreSQL: tenants' choices, probe results, circuit states."""

from dataclasses import dataclass
from datetime import datetime

import psycopg

from veil.database.pool import Pool
from veil.observability import logger


@dataclass(frozen=True, slots=True)
class ProbeResult:
    provider: str
    observed_at: datetime
    ok: bool
    latency_ms: float
    recall: float | None  # share of the canary's values found; None when it failed
    error: str | None  # the error's class


class ProbeRepository:
    def __init__(self, pool: Pool) -> None:
        self._pool = pool

    def record(self, result: ProbeResult) -> None:
        with self._pool.connection() as conn:
            conn.execute(
                "INSERT INTO provider_probes (provider, observed_at, ok, latency_ms, recall, error)"
                " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                (result.provider, result.observed_at, result.ok, result.latency_ms,
                 result.recall, result.error),
            )  # fmt: skip

    def since(self, provider: str | None, since: datetime) -> list[ProbeResult]:
        """Probes observed since `since`, newest first (of one provider, or all)."""
        with self._pool.connection() as conn:
            rows = conn.execute(
                "SELECT provider, observed_at, ok, latency_ms, recall, error FROM provider_probes"
                " WHERE observed_at >= %(since)s"
                " AND (%(provider)s::text IS NULL OR provider = %(provider)s)"
                " ORDER BY observed_at DESC LIMIT 10000",
                {"provider": provider, "since": since},
            ).fetchall()
        return [ProbeResult(*row) for row in rows]

    def purge(self, before: datetime) -> int:
        with self._pool.connection() as conn:
            return conn.execute(
                "DELETE FROM provider_probes WHERE observed_at < %s", (before,)
            ).rowcount


class CircuitRepository:
    def __init__(self, pool: Pool) -> None:
        self._pool = pool

    def record(self, provider: str, state: str) -> None:
        """Best effort: a breaker changing state must never fail the request it saw."""
        try:
            with self._pool.connection(timeout=1) as conn:
                conn.execute(
                    "INSERT INTO provider_circuits (provider, state, changed_at)"
                    " VALUES (%s, %s, now()) ON CONFLICT (provider) DO UPDATE"
                    " SET state = EXCLUDED.state, changed_at = EXCLUDED.changed_at",
                    (provider, state),
                )
        except psycopg.Error:
            logger.warning("circuit state not recorded", extra={"provider": provider})

    def states(self) -> dict[str, tuple[str, datetime]]:
        with self._pool.connection() as conn:
            rows = conn.execute("SELECT provider, state, changed_at FROM provider_circuits")
            return {provider: (state, changed_at) for provider, state, changed_at in rows}
