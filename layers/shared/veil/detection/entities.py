"""The canonical entity vocabulary (fixed names, see docs/entities.md) and detected spans."""

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    PERSON = "PERSON"
    ADDRESS = "ADDRESS"
    EMAIL_ADDRESS = "EMAIL_ADDRESS"
    PHONE_NUMBER = "PHONE_NUMBER"
    CREDIT_CARD = "CREDIT_CARD"
    IBAN_CODE = "IBAN_CODE"
    US_SSN = "US_SSN"
    US_ITIN = "US_ITIN"
    US_PASSPORT = "US_PASSPORT"
    US_DRIVER_LICENSE = "US_DRIVER_LICENSE"
    US_BANK_NUMBER = "US_BANK_NUMBER"
    IP_ADDRESS = "IP_ADDRESS"
    MAC_ADDRESS = "MAC_ADDRESS"
    URL = "URL"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    UK_NINO = "UK_NINO"
    UK_NHS = "UK_NHS"
    CA_SIN = "CA_SIN"
    IN_AADHAAR = "IN_AADHAAR"
    IN_PAN = "IN_PAN"
    SWIFT_CODE = "SWIFT_CODE"
    CRYPTO = "CRYPTO"
    AWS_ACCESS_KEY = "AWS_ACCESS_KEY"
    # Entity type names, not secrets
    AWS_SECRET_KEY = "AWS_SECRET_KEY"  # nosec B105
    API_TOKEN = "API_TOKEN"  # nosec B105
    PRIVATE_KEY = "PRIVATE_KEY"
    PASSWORD = "PASSWORD"  # nosec B105


@dataclass(frozen=True, slots=True)
class Entity:
    """One detected value: `start`/`end` are code-point offsets into the text, end exclusive.

    The value itself is deliberately not stored: slice the text when an operator needs it,
    so an Entity can be logged or audited without carrying personal data.
    """

    type: EntityType
    start: int
    end: int
    score: float
    recognizer: str
    explanation: "Explanation | None" = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class Explanation:
    """How a detection was decided, for requests that ask (`explain: true`)."""

    recognizer: str
    pattern: str
    validator: str | None
    base_score: float
    context_word: str | None  # the supporting word that raised the score, if any
    score: float
