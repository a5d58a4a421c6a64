"""Who is calling: the client and tenant an API key belongs to, and what it may do."""

from dataclasses import dataclass
from enum import StrEnum


class Scope(StrEnum):
    REDACT = "redact"
    DETECT = "detect"
    REIDENTIFY = "reidentify"
    AUDIT_READ = "audit:read"
    STATUS_READ = "status:read"
    ADMIN = "admin"


@dataclass(frozen=True, slots=True)
class Principal:
    key_id: str
    tenant_id: str
    client_id: str
    scopes: frozenset[Scope]
    # The API Gateway key that meters this client in the usage plan (deployed stages only);
    # it goes to API Gateway as usageIdentifierKey, not into the authorizer context.
    usage_key: str | None = None

    def to_context(self) -> dict[str, str]:
        """Authorizer context: API Gateway allows only flat string/number/bool values."""
        return {
            "key_id": self.key_id,
            "tenant_id": self.tenant_id,
            "client_id": self.client_id,
            "scopes": " ".join(sorted(self.scopes)),
        }

    @classmethod
    def from_context(cls, context: dict[str, object]) -> "Principal":
        return cls(
            key_id=str(context["key_id"]),
            tenant_id=str(context["tenant_id"]),
            client_id=str(context["client_id"]),
            scopes=frozenset(Scope(s) for s in str(context["scopes"]).split()),
        )
