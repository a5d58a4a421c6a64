"""What each tenant chose: its detection providers, the browser origins that may read its
responses, its default operators, and whether encrypted values may be re-identified.
Cached per execution
environment; while the database is away the last known choice stands."""

import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import cache

import psycopg
from psycopg.types.json import Jsonb
from pydantic import TypeAdapter

from veil.database.pool import Pool, default_pool
from veil.detection.entities import EntityType
from veil.observability import logger
from veil.redaction.operators import DEFAULT, AnyOperator, Operator

DEFAULT_PROVIDERS = frozenset({"local"})


@dataclass(frozen=True, slots=True)
class TenantChoices:
    providers: frozenset[str]  # the local engine always among them
    allowed_origins: frozenset[str]  # browser origins that may read responses (CORS)
    reidentify_enabled: bool  # POST /v1/reidentify may decrypt this tenant's values
    operators: Mapping[str, AnyOperator]  # defaults for types a request does not name


DEFAULT_CHOICES = TenantChoices(DEFAULT_PROVIDERS, frozenset(), False, {})
OPERATORS = TypeAdapter(dict[str, Operator])


class TenantSettings:
    """What a tenant chose, cached for `ttl_s`. While the database is away the last known
    choice stands (or the defaults: the local engine alone, no origins)."""

    def __init__(
        self, pool: Pool, ttl_s: float = 30.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._pool = pool
        self._ttl_s = ttl_s
        self._clock = clock
        self._cache: dict[str, tuple[TenantChoices, float]] = {}

    def providers(self, tenant_id: str) -> frozenset[str]:
        return self._choices(tenant_id).providers

    def allowed_origins(self, tenant_id: str) -> frozenset[str]:
        return self._choices(tenant_id).allowed_origins

    def reidentify_enabled(self, tenant_id: str) -> bool:
        return self._choices(tenant_id).reidentify_enabled

    def operators(self, tenant_id: str) -> Mapping[str, AnyOperator]:
        return self._choices(tenant_id).operators

    def _choices(self, tenant_id: str) -> TenantChoices:
        cached = self._cache.get(tenant_id)
        if cached is not None and self._clock() - cached[1] < self._ttl_s:
            return cached[0]
        try:
            with self._pool.connection() as conn:
                row = conn.execute(
                    "SELECT providers, allowed_origins, reidentify_enabled, operators"
                    " FROM tenant_settings WHERE tenant_id = %s",
                    (tenant_id,),
                ).fetchone()
        except psycopg.Error:
            logger.warning("tenant settings unavailable", extra={"tenant_id": tenant_id})
            return cached[0] if cached is not None else DEFAULT_CHOICES
        choices = DEFAULT_CHOICES
        if row:
            choices = TenantChoices(
                frozenset(row[0]) | DEFAULT_PROVIDERS,
                frozenset(row[1]),
                row[2],
                OPERATORS.validate_python(row[3]),  # validated when set
            )
        self._cache[tenant_id] = (choices, self._clock())
        return choices

    @staticmethod
    def set_providers(pool: Pool, tenant_id: str, providers: Collection[str]) -> None:
        """Owner only: choose a tenant's providers (the local engine is always among them)."""
        chosen = sorted(set(providers) | DEFAULT_PROVIDERS)
        with pool.connection() as conn:
            conn.execute(
                "INSERT INTO tenant_settings (tenant_id, providers) VALUES (%s, %s)"
                " ON CONFLICT (tenant_id) DO UPDATE SET providers = EXCLUDED.providers,"
                " updated_at = now()",
                (tenant_id, chosen),
            )

    @staticmethod
    def set_allowed_origins(pool: Pool, tenant_id: str, origins: Collection[str]) -> None:
        """Owner only: the browser origins whose pages may read this tenant's responses."""
        with pool.connection() as conn:
            conn.execute(
                "INSERT INTO tenant_settings (tenant_id, allowed_origins) VALUES (%s, %s)"
                " ON CONFLICT (tenant_id) DO UPDATE SET allowed_origins ="
                " EXCLUDED.allowed_origins, updated_at = now()",
                (tenant_id, sorted(set(origins))),
            )

    @staticmethod
    def set_operators(pool: Pool, tenant_id: str, operators: Mapping[str, object]) -> None:
        """Owner only: the tenant's default operators, validated like a request's."""
        chosen = OPERATORS.validate_python(operators)
        if any(k != DEFAULT and k not in EntityType for k in chosen):
            raise ValueError("operators may be named only by entity types or DEFAULT")
        stored = {k: v.model_dump() for k, v in chosen.items()}
        with pool.connection() as conn:
            conn.execute(
                "INSERT INTO tenant_settings (tenant_id, operators) VALUES (%s, %s)"
                " ON CONFLICT (tenant_id) DO UPDATE SET operators = EXCLUDED.operators,"
                " updated_at = now()",
                (tenant_id, Jsonb(stored)),
            )

    @staticmethod
    def set_reidentify(pool: Pool, tenant_id: str, enabled: bool) -> None:
        """Owner only: allow or forbid turning this tenant's encrypted values back."""
        with pool.connection() as conn:
            conn.execute(
                "INSERT INTO tenant_settings (tenant_id, reidentify_enabled) VALUES (%s, %s)"
                " ON CONFLICT (tenant_id) DO UPDATE SET reidentify_enabled ="
                " EXCLUDED.reidentify_enabled, updated_at = now()",
                (tenant_id, enabled),
            )


@cache
def default_tenant_settings() -> TenantSettings:
    return TenantSettings(default_pool())
