"""A self-hosted Presidio analyzer over HTTP: `POST {url}/analyze`.

Request `{"text", "language": "en", "entities"?}`; response a list of
`{"entity_type", "start", "end", "score"}` with Python `str` offsets (Presidio is Python,
so they are code points, as ours). Types are mapped to Veil's names; DATE_TIME and others
without a Veil meaning are dropped.
"""

import json
import time
import urllib.error
import urllib.request
from collections.abc import Collection
from typing import Any

from veil.detection.entities import Entity, EntityType
from veil.providers.base import ProviderError

T = EntityType

PRESIDIO_TO_VEIL: dict[str, EntityType] = {
    "PERSON": T.PERSON,
    "LOCATION": T.ADDRESS,  # Presidio's LOCATION also covers cities and countries
    "EMAIL_ADDRESS": T.EMAIL_ADDRESS,
    "PHONE_NUMBER": T.PHONE_NUMBER,
    "CREDIT_CARD": T.CREDIT_CARD,
    "IBAN_CODE": T.IBAN_CODE,
    "US_SSN": T.US_SSN,
    "US_ITIN": T.US_ITIN,
    "US_PASSPORT": T.US_PASSPORT,
    "US_DRIVER_LICENSE": T.US_DRIVER_LICENSE,
    "US_BANK_NUMBER": T.US_BANK_NUMBER,
    "IP_ADDRESS": T.IP_ADDRESS,
    "URL": T.URL,
    "UK_NHS": T.UK_NHS,
    "UK_NINO": T.UK_NINO,
    "IN_AADHAAR": T.IN_AADHAAR,
    "IN_PAN": T.IN_PAN,
    "CRYPTO": T.CRYPTO,
}
VEIL_TO_PRESIDIO = {veil: presidio for presidio, veil in PRESIDIO_TO_VEIL.items()}


class PresidioProvider:
    name = "presidio"
    supported_types = frozenset(PRESIDIO_TO_VEIL.values())

    def __init__(self, base_url: str, timeout_s: float = 2.0, retries: int = 1) -> None:
        self._url = base_url.rstrip("/") + "/analyze"
        self._timeout_s = timeout_s
        self._retries = retries

    def detect(self, text: str, entities: Collection[EntityType] | None) -> list[Entity]:
        request: dict[str, object] = {"text": text, "language": "en"}
        if entities is not None:
            request["entities"] = sorted(
                VEIL_TO_PRESIDIO[e] for e in entities if e in VEIL_TO_PRESIDIO
            )
        results = self._post(json.dumps(request).encode())
        try:
            return [
                Entity(
                    PRESIDIO_TO_VEIL[r["entity_type"]],
                    int(r["start"]),
                    int(r["end"]),
                    float(r["score"]),
                    "presidio",
                )
                for r in results
                if r["entity_type"] in PRESIDIO_TO_VEIL
                and 0 <= int(r["start"]) < int(r["end"]) <= len(text)
                and (entities is None or PRESIDIO_TO_VEIL[r["entity_type"]] in entities)
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise ProviderError("malformed analyzer response") from exc

    def _post(self, body: bytes) -> list[dict[str, Any]]:
        for attempt in range(self._retries + 1):
            request = urllib.request.Request(  # noqa: S310 (a configured http(s) URL)
                self._url, data=body, method="POST",
                headers={"content-type": "application/json"},
            )  # fmt: skip
            try:
                # A configured http(s) URL, not user input.
                with urllib.request.urlopen(request, timeout=self._timeout_s) as response:  # noqa: S310  # nosec B310
                    parsed = json.load(response)
                if not isinstance(parsed, list):
                    raise ProviderError("malformed analyzer response")
                return parsed
            except urllib.error.HTTPError as exc:
                if exc.code < 500 or attempt == self._retries:
                    raise ProviderError(f"analyzer answered {exc.code}") from None
            except (urllib.error.URLError, TimeoutError, ValueError) as exc:
                if attempt == self._retries:
                    raise ProviderError(type(exc).__name__) from None
            time.sleep(0.05 * 2**attempt)
        raise AssertionError("unreachable")
