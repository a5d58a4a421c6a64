"""Keyed fingerprints of values: HMAC-SHA256 over a type-specific normal form.

The normal form makes one value written several ways fingerprint alike ("4111 1111 1111 1111"
and "4111-1111-1111-1111"), so an auditor can ask whether a value was ever processed without
the value being stored. Keys are per tenant (see veil.tenant_keys), so fingerprints of two
tenants cannot be correlated.
"""

import hashlib
import hmac

from veil.detection.entities import EntityType

_DIGIT_TYPES = frozenset(
    {
        EntityType.CREDIT_CARD,
        EntityType.US_SSN,
        EntityType.US_ITIN,
        EntityType.UK_NHS,
        EntityType.CA_SIN,
        EntityType.IN_AADHAAR,
        EntityType.US_BANK_NUMBER,
    }
)
_UPPER_COMPACT_TYPES = frozenset({EntityType.IBAN_CODE, EntityType.UK_NINO, EntityType.SWIFT_CODE})


def normal_form(entity_type: EntityType, value: str) -> str:
    if entity_type in _DIGIT_TYPES:
        return "".join(c for c in value if c.isdigit())
    if entity_type is EntityType.PHONE_NUMBER:
        digits = "".join(c for c in value if c.isdigit())
        return "+" + digits if value.lstrip().startswith("+") else digits
    if entity_type in _UPPER_COMPACT_TYPES:
        return "".join(value.split()).upper()
    if entity_type is EntityType.EMAIL_ADDRESS:
        return value.strip().lower()
    return value


def fingerprint(key: bytes, entity_type: EntityType, value: str) -> str:
    """Hex HMAC-SHA256 of the value's normal form, bound to its type."""
    message = f"{entity_type}\x1f{normal_form(entity_type, value)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()
