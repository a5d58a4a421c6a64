"""Per-tenant keys derived from one service secret (HKDF-style HMAC expansion).

Each purpose gets its own key, so the digests a tenant sees from the `hash` operator cannot
be matched against the fingerprints stored in the audit trail by anyone holding only one.
"""

import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum


class KeyPurpose(StrEnum):
    AUDIT_FINGERPRINT = "audit-fingerprint"
    AUDIT_CHAIN = "audit-chain"
    HASH_OPERATOR = "hash-operator"


@dataclass(frozen=True, slots=True)
class TenantKeys:
    master_key: bytes

    def __post_init__(self) -> None:
        if len(self.master_key) < 32:
            raise ValueError("the master key must be at least 32 bytes")

    def key(self, tenant_id: str, purpose: KeyPurpose) -> bytes:
        info = f"veil/v1/{purpose}/{tenant_id}".encode()
        return hmac.new(self.master_key, info, hashlib.sha256).digest()
