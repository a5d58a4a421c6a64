from veil.auth.keys import KEY_LENGTH, PREFIX, is_well_formed, key_hash, new_api_key, new_key_id
from veil.auth.principal import Principal, Scope


def test_new_keys_are_prefixed_unique_and_well_formed() -> None:
    keys = {new_api_key() for _ in range(100)}
    assert len(keys) == 100
    assert all(k.startswith(PREFIX) and len(k) == KEY_LENGTH and is_well_formed(k) for k in keys)


def test_malformed_keys_are_recognised() -> None:
    key = new_api_key()
    assert not is_well_formed(key[:-1])
    assert not is_well_formed("sk_" + key[3:])
    assert not is_well_formed(key[:-1] + "!")


def test_key_id_reveals_nothing_of_the_key() -> None:
    key, key_id = new_api_key(), new_key_id()
    assert key_id[4:] not in key
    assert len(key_hash(key)) == 32


def test_principal_round_trips_through_authorizer_context() -> None:
    principal = Principal("key_1", "acme", "billing", frozenset({Scope.REDACT, Scope.AUDIT_READ}))
    context = principal.to_context()
    assert all(isinstance(v, str) for v in context.values())
    assert Principal.from_context(dict(context)) == principal
