"""Per-tenant keys derived from one service secret (HKDF-style HMAC expansion).

Each purpose gets its own key, so the digests a tenant sees from the `hash` operator cannot
be matched against the fingerprints stored in the audit trail by anyone holding only one.

The master key rotates without downtime: its source (Secrets Manager's AWSCURRENT and
AWSPREVIOUS stages, an SSM parameter and its `/previous`, or the environment) is read
through Powertools' cache on every use, so a new key takes over within the cache's age,
and during the grace window the previous key still verifies what it made — audit chains
and fingerprints written before the rotation. New digests always use the current key.
"""

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class KeyPurpose(StrEnum):
    AUDIT_FINGERPRINT = "audit-fingerprint"
    AUDIT_CHAIN = "audit-chain"
    HASH_OPERATOR = "hash-operator"


@dataclass(frozen=True, slots=True)
class MasterKeys:
    current: bytes
    previous: bytes | None = None  # during a rotation's grace window

    def __post_init__(self) -> None:
        for key in (self.current, self.previous):
            if key is not None and len(key) < 32:
                raise ValueError("a master key must be at least 32 bytes")


class TenantKeys:
    def __init__(self, master: bytes | MasterKeys | Callable[[], MasterKeys]) -> None:
        if isinstance(master, bytes):
            master = MasterKeys(master)
        if isinstance(master, MasterKeys):
            fixed = master
            self._master: Callable[[], MasterKeys] = lambda: fixed
        else:
            self._master = master
        self._master()  # a missing or short key fails here, at start-up, not mid-request

    def key(self, tenant_id: str, purpose: KeyPurpose) -> bytes:
        """The key that makes new digests: derived from the current master key."""
        return _derive(self._master().current, tenant_id, purpose)

    def keys(self, tenant_id: str, purpose: KeyPurpose) -> tuple[bytes, ...]:
        """Every key that verifies: the current one, then the previous during a rotation."""
        master = self._master()
        held = (master.current,) if master.previous is None else (master.current, master.previous)
        return tuple(_derive(m, tenant_id, purpose) for m in held)


def _derive(master_key: bytes, tenant_id: str, purpose: KeyPurpose) -> bytes:
    info = f"veil/v1/{purpose}/{tenant_id}".encode()
    return hmac.new(master_key, info, hashlib.sha256).digest()
