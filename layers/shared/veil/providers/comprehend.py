"""Amazon Comprehend's DetectPiiEntities.

Texts longer than the API's limit (100 KB of UTF-8) are cut at whitespace into chunks and
the offsets moved back. Comprehend's types are mapped to Veil's (docs/entities.md); its
DATE_TIME is not a date of birth and is dropped, as are types without a Veil meaning.
Retries with backoff and timeouts come from the botocore client's configuration.
"""

from collections.abc import Collection, Iterator
from typing import Any

from veil.detection.entities import Entity, EntityType
from veil.providers.base import ProviderError

T = EntityType
MAX_BYTES = 100_000

COMPREHEND_TO_VEIL: dict[str, EntityType] = {
    "NAME": T.PERSON,
    "ADDRESS": T.ADDRESS,
    "EMAIL": T.EMAIL_ADDRESS,
    "PHONE": T.PHONE_NUMBER,
    "CREDIT_DEBIT_NUMBER": T.CREDIT_CARD,
    "INTERNATIONAL_BANK_ACCOUNT_NUMBER": T.IBAN_CODE,
    "SSN": T.US_SSN,
    "US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER": T.US_ITIN,
    "PASSPORT_NUMBER": T.US_PASSPORT,
    "DRIVER_ID": T.US_DRIVER_LICENSE,
    "BANK_ACCOUNT_NUMBER": T.US_BANK_NUMBER,
    "IP_ADDRESS": T.IP_ADDRESS,
    "MAC_ADDRESS": T.MAC_ADDRESS,
    "URL": T.URL,
    "UK_NATIONAL_INSURANCE_NUMBER": T.UK_NINO,
    "UK_NATIONAL_HEALTH_SERVICE_NUMBER": T.UK_NHS,
    "CA_SOCIAL_INSURANCE_NUMBER": T.CA_SIN,
    "IN_AADHAAR": T.IN_AADHAAR,
    "IN_PERMANENT_ACCOUNT_NUMBER": T.IN_PAN,
    "SWIFT_CODE": T.SWIFT_CODE,
    "AWS_ACCESS_KEY": T.AWS_ACCESS_KEY,
    "AWS_SECRET_KEY": T.AWS_SECRET_KEY,
    "PASSWORD": T.PASSWORD,
}


def comprehend_client() -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        connect_timeout=1, read_timeout=2, retries={"max_attempts": 2, "mode": "standard"}
    )
    return boto3.client("comprehend", config=config)


class ComprehendProvider:
    name = "comprehend"
    supported_types = frozenset(COMPREHEND_TO_VEIL.values())

    def __init__(self, client: Any, language: str = "en") -> None:
        self._client = client
        self._language = language

    def detect(self, text: str, entities: Collection[EntityType] | None) -> list[Entity]:
        found: list[Entity] = []
        for offset, chunk in chunks(text):
            try:
                reply = self._client.detect_pii_entities(Text=chunk, LanguageCode=self._language)
            except Exception as exc:  # botocore raises many types; all mean "no answer"
                raise ProviderError(type(exc).__name__) from None
            for item in reply.get("Entities", []):
                kind = COMPREHEND_TO_VEIL.get(item.get("Type", ""))
                if kind is None or (entities is not None and kind not in entities):
                    continue
                start, end = offset + item["BeginOffset"], offset + item["EndOffset"]
                found.append(Entity(kind, start, end, float(item["Score"]), "comprehend"))
        return found


def chunks(text: str, max_bytes: int = MAX_BYTES) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most `max_bytes` UTF-8 bytes, cut after whitespace so
    no value is split (a piece with no whitespace at all is cut where it must be)."""
    if len(text.encode()) <= max_bytes:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end, size = start, 0
        while end < len(text) and size + len(text[end].encode()) <= max_bytes:
            size += len(text[end].encode())
            end += 1
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end
