"""Liveness and readiness in the IETF health-check draft's format (application/health+json).

Readiness checks that PostgreSQL answers within a second, that the schema is current,
that the master key loads, and how each detection provider is doing. A provider in
trouble is a warning (redaction goes on without it); anything else failing is a failure
(503). Bodies name no host, version or secret: the endpoints need no key.
"""

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import psycopg
from pydantic import BaseModel

from veil.database.migrations import pending
from veil.database.pool import Pool
from veil.providers.status import ProviderStatus, Status

HEALTH_CONTENT_TYPE = "application/health+json"


class Health(StrEnum):
    # A health status, not a password
    PASS = "pass"  # noqa: S105  # nosec B105
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True, slots=True)
class Check:
    name: str  # "component:measurement"
    component_type: str
    status: Health
    observed_value: Any
    observed_unit: str | None = None
    output: str | None = None  # only when not passing; never a host name or an error text

    def as_json(self, observed_at: str) -> dict[str, Any]:
        document = {
            "componentType": self.component_type,
            "observedValue": self.observed_value,
            "status": str(self.status),
            "time": observed_at,
        }
        if self.observed_unit:
            document["observedUnit"] = self.observed_unit
        if self.output:
            document["output"] = self.output
        return document


class HealthDocument(BaseModel):
    """The application/health+json body (IETF health-check draft), for the OpenAPI spec."""

    status: Health
    description: str | None = None
    checks: dict[str, list[dict[str, Any]]] | None = None


def liveness() -> dict[str, Any]:
    return {"status": str(Health.PASS), "description": "veil: the process answers"}


def readiness(
    pool: Pool, master_keys: Callable[[], object], providers: Callable[[], Sequence[ProviderStatus]]
) -> dict[str, Any]:
    observed_at = datetime.now(UTC).isoformat(timespec="seconds")
    checks = [*_database(pool), _secrets(master_keys), *_providers(providers)]
    worst = max((c.status for c in checks), key=[Health.PASS, Health.WARN, Health.FAIL].index)
    document: dict[str, Any] = {"status": str(worst), "checks": {}}
    for check in checks:
        document["checks"].setdefault(check.name, []).append(check.as_json(observed_at))
    return document


def _database(pool: Pool) -> list[Check]:
    started = time.perf_counter()
    try:
        with pool.connection(timeout=1.0) as conn:
            conn.execute("SELECT 1")
            waiting = len(pending(conn))
    except psycopg.Error:
        return [Check("postgresql:responseTime", "datastore", Health.FAIL, None, "ms",
                      "PostgreSQL did not answer within 1 s")]  # fmt: skip
    elapsed = round((time.perf_counter() - started) * 1000, 2)
    return [
        Check("postgresql:responseTime", "datastore", Health.PASS, elapsed, "ms"),
        Check(
            "postgresql:pendingMigrations",
            "datastore",
            Health.PASS if waiting == 0 else Health.FAIL,
            waiting,
            output=None if waiting == 0 else "the schema is behind this code: run migrations",
        ),
    ]


def _secrets(master_keys: Callable[[], object]) -> Check:
    try:
        master_keys()
    except Exception:  # any failure to load means the service cannot fingerprint or hash
        return Check("secrets:masterKey", "component", Health.FAIL, False,
                     output="the master key cannot be loaded")  # fmt: skip
    return Check("secrets:masterKey", "component", Health.PASS, True)


def _providers(statuses: Callable[[], Sequence[ProviderStatus]]) -> list[Check]:
    try:
        found = statuses()
    except psycopg.Error:
        return []  # the database check already says why
    return [
        Check(
            f"provider:{s.name}",
            "component",
            Health.PASS if s.status is Status.OPERATIONAL else Health.WARN,
            str(s.status),
            output=None if s.status is Status.OPERATIONAL else s.reason,
        )
        for s in found
        if s.name != "local"  # in process: if it were broken, nothing here would answer
    ]
