"""API key format: `veil_` and 40 base62 characters (238 bits), stored only as a SHA-256 hash.

The prefix lets secret scanners recognise a leaked key. A key this random needs no slow
password hash: SHA-256 cannot be reversed or brute-forced, and lookups stay one index probe.
"""

import hashlib
import secrets
import string

PREFIX = "veil_"
_ALPHABET = string.ascii_letters + string.digits
_SECRET_LENGTH = 40
KEY_LENGTH = len(PREFIX) + _SECRET_LENGTH


def new_api_key() -> str:
    return PREFIX + "".join(secrets.choice(_ALPHABET) for _ in range(_SECRET_LENGTH))


def new_key_id() -> str:
    """The public name of a key, for listing and revoking; reveals nothing of the secret."""
    return "key_" + secrets.token_hex(8)


def is_well_formed(key: str) -> bool:
    return (
        len(key) == KEY_LENGTH
        and key.startswith(PREFIX)
        and all(c in _ALPHABET for c in key[len(PREFIX) :])
    )


def key_hash(key: str) -> bytes:
    return hashlib.sha256(key.encode()).digest()
