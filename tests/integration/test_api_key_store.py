from veil.auth import ApiKeyStore, Scope
from veil.auth.keys import new_api_key
from veil.database.pool import Pool


def test_created_key_authenticates_to_its_principal(admin_pool: Pool, app_pool: Pool) -> None:
    key_id, key = ApiKeyStore(admin_pool).create("acme", "billing", [Scope.REDACT])
    principal = ApiKeyStore(app_pool).authenticate(key)
    assert principal is not None
    assert (principal.key_id, principal.tenant_id, principal.client_id) == (
        key_id,
        "acme",
        "billing",
    )
    assert principal.scopes == {Scope.REDACT}


def test_key_is_stored_only_as_a_hash(admin_pool: Pool) -> None:
    key_id, key = ApiKeyStore(admin_pool).create("acme", "billing", [Scope.REDACT])
    with admin_pool.connection() as conn:
        row = conn.execute("SELECT * FROM api_keys WHERE key_id = %s", (key_id,)).fetchone()
    assert row is not None
    assert key not in repr(row)
    assert key[5:].encode() not in b"".join(v for v in row if isinstance(v, bytes))


def test_revoked_key_is_refused(admin_pool: Pool, app_pool: Pool) -> None:
    key_id, key = ApiKeyStore(admin_pool).create("acme", "billing", [Scope.REDACT])
    assert ApiKeyStore(admin_pool).revoke(key_id)
    assert ApiKeyStore(app_pool).authenticate(key) is None
    assert not ApiKeyStore(admin_pool).revoke(key_id)  # already revoked


def test_unknown_and_malformed_keys_are_refused(app_pool: Pool) -> None:
    store = ApiKeyStore(app_pool)
    assert store.authenticate(new_api_key()) is None
    assert store.authenticate("' OR 1=1 --") is None
    assert store.authenticate("") is None
