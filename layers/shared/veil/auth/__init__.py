"""API keys: format, hashing, storage, and the principal a key stands for."""

from veil.auth.principal import Principal, Scope
from veil.auth.store import ApiKeyStore

__all__ = ["ApiKeyStore", "Principal", "Scope"]
