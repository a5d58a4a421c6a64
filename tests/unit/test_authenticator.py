"""The authorizer keeps known clients working through a key-store outage, for a while."""

import psycopg
import pytest

from veil.auth.authorizer import Authenticator, KeyStoreUnavailableError
from veil.auth.keys import new_api_key
from veil.auth.principal import Principal, Scope

PRINCIPAL = Principal("key_1", "acme", "billing", frozenset({Scope.REDACT}))


class Store:
    def __init__(self) -> None:
        self.valid: dict[str, Principal] = {}
        self.down = False

    def authenticate(self, key: str) -> Principal | None:
        if self.down:
            raise psycopg.OperationalError("connection refused")
        return self.valid.get(key)


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def store() -> Store:
    return Store()


def authenticator(store: Store, clock: Clock) -> Authenticator:
    return Authenticator(store, max_stale_s=300, clock=clock)  # type: ignore[arg-type]


def test_known_key_is_served_from_memory_during_an_outage(store: Store) -> None:
    clock, key = Clock(), new_api_key()
    store.valid[key] = PRINCIPAL
    auth = authenticator(store, clock)
    assert auth.authenticate(key) == PRINCIPAL
    store.down, clock.now = True, 299.0
    assert auth.authenticate(key) == PRINCIPAL


def test_stale_knowledge_expires(store: Store) -> None:
    clock, key = Clock(), new_api_key()
    store.valid[key] = PRINCIPAL
    auth = authenticator(store, clock)
    auth.authenticate(key)
    store.down, clock.now = True, 301.0
    with pytest.raises(KeyStoreUnavailableError):
        auth.authenticate(key)


def test_unknown_key_during_an_outage_gets_no_decision(store: Store) -> None:
    store.down = True
    with pytest.raises(KeyStoreUnavailableError):
        authenticator(store, Clock()).authenticate(new_api_key())


def test_revocation_is_immediate_while_the_store_answers(store: Store) -> None:
    clock, key = Clock(), new_api_key()
    store.valid[key] = PRINCIPAL
    auth = authenticator(store, clock)
    auth.authenticate(key)
    del store.valid[key]
    assert auth.authenticate(key) is None
    store.down = True  # a revoked key is not resurrected by the outage
    with pytest.raises(KeyStoreUnavailableError):
        auth.authenticate(key)
