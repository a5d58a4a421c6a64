"""API keys in PostgreSQL: create and revoke (owner role), authenticate (application role)."""

from collections.abc import Callable, Iterable

from veil.auth.keys import is_well_formed, key_hash, new_api_key, new_key_id
from veil.auth.principal import Principal, Scope
from veil.database.pool import Pool


class ApiKeyStore:
    def __init__(self, pool: Pool) -> None:
        self._pool = pool

    def create(
        self,
        tenant_id: str,
        client_id: str,
        scopes: Iterable[Scope],
        usage_key: Callable[[str], str] | None = None,
    ) -> tuple[str, str]:
        """A new key for the client: returns (key_id, key). The key is shown once, never
        stored. `usage_key`, given the key id, registers it in a usage plan (veil.auth.usage)."""
        key, key_id = new_api_key(), new_key_id()
        metered = usage_key(key_id) if usage_key else None
        with self._pool.connection() as conn:
            conn.execute(
                "INSERT INTO api_keys (key_id, key_hash, tenant_id, client_id, scopes, usage_key)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                (key_id, key_hash(key), tenant_id, client_id, sorted(str(s) for s in scopes),
                 metered),
            )  # fmt: skip
        return key_id, key

    def revoke(self, key_id: str) -> bool:
        """Revoke a key; False when no active key has that id."""
        with self._pool.connection() as conn:
            cursor = conn.execute(
                "UPDATE api_keys SET revoked_at = now() WHERE key_id = %s AND revoked_at IS NULL",
                (key_id,),
            )
            return cursor.rowcount == 1

    def authenticate(self, key: str) -> Principal | None:
        """The principal of an active key, or None. Malformed keys never reach the database.

        Lookup is by the key's hash, so timing reveals nothing about the key itself.
        """
        if not is_well_formed(key):
            return None
        with self._pool.connection() as conn:
            row = conn.execute(
                "SELECT key_id, tenant_id, client_id, scopes, usage_key FROM api_keys"
                " WHERE key_hash = %s AND revoked_at IS NULL",
                (key_hash(key),),
            ).fetchone()
        if row is None:
            return None
        key_id, tenant_id, client_id, scopes, usage_key = row
        return Principal(
            key_id, tenant_id, client_id, frozenset(Scope(s) for s in scopes), usage_key
        )
