"""Reversible redaction: each value envelope-encrypted under the deployment's KMS key with
the AWS Encryption SDK, through Powertools' data masking (no hand-rolled crypto).

A token reads `<ENCRYPTED:US_SSN:AgV4…>`. The tenant and the type are the encryption
context: a token decrypts only for the tenant that made it, and only as its own type.
Data keys are cached for a few minutes (Powertools' default), so a request of many values
makes few KMS calls. Tokens are long (several hundred characters): the SDK's message carries
the encrypted data key and a signature.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from veil.detection.entities import EntityType
from veil.settings import get_settings

TOKEN = re.compile(r"<ENCRYPTED:([A-Z_]{2,32}):([A-Za-z0-9+/=]{16,8192})>")


class EncryptionUnavailableError(Exception):
    """A value could not be encrypted (the key service refused or did not answer)."""


@dataclass(frozen=True, slots=True)
class Decrypted:
    start: int
    end: int
    value: str | None  # None: the token did not decrypt


class Encryptor:
    def __init__(self, kms_key_arn: str) -> None:
        # Imported here: only deployments that encrypt pay for the SDK at cold start.
        from aws_lambda_powertools.utilities.data_masking import DataMasking
        from aws_lambda_powertools.utilities.data_masking.provider.kms.aws_encryption_sdk import (
            AWSEncryptionSDKProvider,
        )

        self._masker = DataMasking(provider=AWSEncryptionSDKProvider(keys=[kms_key_arn]))

    def encrypt(self, tenant_id: str, kind: EntityType, value: str) -> str:
        from aws_lambda_powertools.utilities.data_masking.exceptions import DataMaskingError

        try:
            ciphertext = self._masker.encrypt(value, tenant=tenant_id, type=kind.value)
        except DataMaskingError as error:
            raise EncryptionUnavailableError(type(error).__name__) from None
        return f"<ENCRYPTED:{kind.value}:{ciphertext}>"

    def decrypt_all(self, tenant_id: str, text: str) -> Iterator[Decrypted]:
        """Every token in `text` with its value, or None where it does not decrypt."""
        for match in TOKEN.finditer(text):
            yield Decrypted(match.start(), match.end(), self._decrypt(tenant_id, match))

    def _decrypt(self, tenant_id: str, token: re.Match[str]) -> str | None:
        from aws_lambda_powertools.utilities.data_masking.exceptions import DataMaskingError

        try:
            value = self._masker.decrypt(token.group(2), tenant=tenant_id, type=token.group(1))
        except DataMaskingError:  # altered, another tenant's or type's, another key's
            return None
        return value if isinstance(value, str) else None


@cache
def default_encryptor() -> Encryptor | None:
    arn = get_settings().kms_key_arn
    return Encryptor(arn) if arn else None
